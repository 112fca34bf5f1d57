import { command } from '../../spec.js';
import { typedImageHealth } from '../container/inspect.js';
import type { CommandCli } from '../../cli.js';
import { flag, getString } from '../../flags.js';
import { inspectRefs } from '../inspector.js';
import { imageNames } from '../completion.js';

/** `docker image inspect` as docker/cli 28.2.2 defines it (cli/command/image/inspect.go); flag text recorded from `--help`. */
export const imageInspectCommand = command({
  use: "inspect [OPTIONS] IMAGE [IMAGE...]",
  short: "Display detailed information on one or more images",
  args: { min: 1 },
  flags: [
    flag("format", "f", "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("platform", "", "string", "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)"),
  ],
  completion: imageNames(),
  run: (cli, inv) => runImageInspect(cli, inv.args, getString(inv.flags, 'format')),
});

export async function runImageInspect(cli: CommandCli, refs: readonly string[], format: string): Promise<void> {
  await inspectRefs(cli, refs, format, async (ref) => {
    const r = await cli.client().imageInspect(ref);
    return { ...r, value: typedImageHealth(r.value) };
  });
}
