import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { inspectRefs } from '../inspector.js';

/** `docker network inspect` as docker/cli 28.2.2 defines it (cli/command/network/inspect.go); flag text recorded from `--help`. */
export const inspectCommand = command({
  use: "inspect [OPTIONS] NETWORK [NETWORK...]",
  short: "Display detailed information on one or more networks",
  args: { min: 1 },
  flags: [
    flag("format", "f", "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("verbose", "v", "", "Verbose output for diagnostics", { sim: true }),
  ],
  run: (cli, inv) => runInspect(cli, inv.args, getString(inv.flags, 'format'), getBool(inv.flags, 'verbose')),
});

async function runInspect(cli: CommandCli, refs: readonly string[], format: string, verbose: boolean): Promise<void> {
  await inspectRefs(cli, refs, format, (ref) => cli.client().networkInspect(ref, { verbose }));
}
