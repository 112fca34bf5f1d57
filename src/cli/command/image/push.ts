import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { displayJSONMessages } from '../../formatter/jsonmessage.js';
import { notSimulated } from '../../errors.js';
import { registryAuthHeader } from '../../config/configfile.js';
import { isNameOnly, parseNormalizedNamed, referenceString, tagNameOnly } from '../../../pkg/reference.js';
import { imageNames } from '../completion.js';

/** `docker push` as docker/cli 28.2.2 defines it (cli/command/image/push.go); flag text recorded from `--help`. */
export const pushCommand = command({
  use: "push [OPTIONS] NAME[:TAG]",
  short: "Upload an image to a registry",
  aliases: "docker image push, docker push",
  args: { exact: 1 },
  flags: [
    flag("all-tags", "a", "", "Push all tags of an image to the repository"),
    flag("disable-content-trust", "", "", "Skip image signing", { def: "true", sim: true }),
    flag("platform", "", "string", "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)"),
    flag("quiet", "q", "", "Suppress verbose output", { sim: true }),
  ],
  completion: imageNames(1),
  run: (cli, inv) => runPush(cli, { remote: inv.args[0], quiet: getBool(inv.flags, 'quiet'), platform: getString(inv.flags, 'platform') }),
});

export interface PushOptions {
  readonly remote: string;
  readonly quiet: boolean;
  readonly platform: string;
}

/** `Using default tag: latest`, then the daemon's progress; `-q` prints only the reference. */
export async function runPush(cli: CommandCli, o: PushOptions): Promise<void> {
  if (o.platform !== '') throw notSimulated('docker push --platform');
  let ref = parseNormalizedNamed(o.remote);
  if (isNameOnly(ref)) {
    ref = tagNameOnly(ref);
    if (!o.quiet) await cli.out.write(`Using default tag: ${ref.tag}\n`);
  }
  const header = registryAuthHeader(cli, ref.domain);
  if (ref.digest !== undefined) throw new Error('cannot push a digest reference');
  const stream = await cli.client().imagePush(`${ref.domain}/${ref.path}`, ref.tag ?? '', header);
  const quietSink = { write: async () => undefined, isTerminal: () => false, ttySize: () => ({ height: 0, width: 0 }) };
  await displayJSONMessages(stream, o.quiet ? quietSink : cli.out, () => cli.now());
  if (o.quiet) await cli.out.write(`${referenceString(ref)}\n`);
}
