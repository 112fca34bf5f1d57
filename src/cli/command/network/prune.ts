import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getList } from '../../flags.js';
import { filtersJSON } from '../../filters.js';
import { Cancelled, confirm } from '../../prompt.js';

/** `docker network prune` as docker/cli 28.2.2 defines it (cli/command/network/prune.go); flag text recorded from `--help`. */
export const pruneCommand = command({
  use: "prune [OPTIONS]",
  short: "Remove all unused networks",
  args: { none: true },
  flags: [
    flag("filter", "", "filter", "Provide filter values (e.g. \"until=<timestamp>\")", { sim: true }),
    flag("force", "f", "", "Do not prompt for confirmation", { sim: true }),
  ],
  run: (cli, inv) => runPrune(cli, getBool(inv.flags, 'force'), getList(inv.flags, 'filter')),
});

const WARNING = 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?';

async function runPrune(cli: CommandCli, force: boolean, filter: readonly string[]): Promise<void> {
  if (!force && !(await confirm(cli, WARNING))) throw new Cancelled('network prune has been cancelled');
  const deleted = (await cli.client().networksPrune(filtersJSON(filter))).NetworksDeleted ?? [];
  if (deleted.length > 0) await cli.out.write(`Deleted Networks:\n${deleted.map((n) => `${n}\n`).join('')}\n`);
}
