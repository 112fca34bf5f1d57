import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { inspectRefs } from '../inspector.js';
import { containerNames } from '../completion.js';

/** `docker container inspect` as docker/cli 28.2.2 defines it (cli/command/container/inspect.go); flag text recorded from `--help`. */
export const containerInspectCommand = command({
  use: "inspect [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Display detailed information on one or more containers",
  args: { min: 1 },
  flags: [
    flag("format", "f", "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("size", "s", "", "Display total file sizes", { sim: true }),
  ],
  completion: containerNames(),
  run: (cli, inv) => runContainerInspect(cli, inv.args, getString(inv.flags, 'format'), getBool(inv.flags, 'size')),
});

export async function runContainerInspect(cli: CommandCli, refs: readonly string[], format: string, size: boolean): Promise<void> {
  await inspectRefs(cli, refs, format, (ref) => cli.client().containerInspect(ref, { size }));
}
