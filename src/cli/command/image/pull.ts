import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { displayJSONMessages } from '../../formatter/jsonmessage.js';
import { apiTag } from '../../../api/client/reference.js';
import { fullName as refName, isNameOnly, parseNormalizedNamed, referenceString as refString, tagNameOnly } from '../../../pkg/reference.js';
import { registryAuthHeader } from '../../config/configfile.js';

/** `docker pull` as docker/cli 28.2.2 defines it (cli/command/image/pull.go); flag text recorded from `--help`. */
export const pullCommand = command({
  use: "pull [OPTIONS] NAME[:TAG|@DIGEST]",
  short: "Download an image from a registry",
  aliases: "docker image pull, docker pull",
  args: { exact: 1 },
  flags: [
    flag("all-tags", "a", "", "Download all tagged images in the repository"),
    flag("disable-content-trust", "", "", "Skip image verification", { def: "true", sim: true }),
    flag("platform", "", "string", "Set platform if server is multi-platform capable"),
    flag("quiet", "q", "", "Suppress verbose output", { sim: true }),
  ],
  run: (cli, inv) => runPull(cli, {
    remote: inv.args[0],
    all: getBool(inv.flags, 'all-tags'),
    quiet: getBool(inv.flags, 'quiet'),
    platform: getString(inv.flags, 'platform'),
  }),
});

export interface PullOptions {
  readonly remote: string;
  readonly all: boolean;
  readonly quiet: boolean;
  readonly platform: string;
}

/** `Using default tag: latest`, the daemon's progress, then the full reference (`docker.io/library/ubuntu:latest`). */
export async function runPull(cli: CommandCli, o: PullOptions): Promise<void> {
  let ref = parseNormalizedNamed(o.remote);
  if (o.all && !isNameOnly(ref)) throw new Error("tag can't be used with --all-tags/-a");
  if (!o.all && isNameOnly(ref)) {
    ref = tagNameOnly(ref);
    if (!o.quiet) await cli.out.write(`Using default tag: ${ref.tag}\n`);
  }
  const registryAuth = registryAuthHeader(cli, ref.domain);
  const stream = await cli.client().imagePull(refName(ref), o.all ? '' : apiTag(ref), { platform: o.platform || undefined, registryAuth });
  const sink = o.quiet ? { write: async () => undefined, isTerminal: () => false, ttySize: () => ({ height: 0, width: 0 }) } : cli.out;
  try {
    await displayJSONMessages(stream, sink, () => cli.now());
  } catch (e) {
    if (e instanceof Error && e.message.includes("when fetching 'plugin'")) {
      throw new Error(e.message + ' - Use `docker plugin install`');
    }
    throw e;
  }
  if (!o.all) await cli.out.write(refString(ref) + '\n');
}
