import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getList } from '../../flags.js';
import { filtersJSON } from '../../filters.js';
import { humanSize3 as humanSize } from '../../../pkg/units.js';
import { Cancelled, confirm } from '../../prompt.js';

/** `docker container prune` as docker/cli 28.2.2 defines it (cli/command/container/prune.go); flag text recorded from `--help`. */
export const containerPruneCommand = command({
  use: "prune [OPTIONS]",
  short: "Remove all stopped containers",
  args: { none: true },
  flags: [
    flag("filter", "", "filter", "Provide filter values (e.g. \"until=<timestamp>\")", { sim: true }),
    flag("force", "f", "", "Do not prompt for confirmation", { sim: true }),
  ],
  run: (cli, inv) => runContainerPrune(cli, getBool(inv.flags, 'force'), getList(inv.flags, 'filter')),
});

const WARNING = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?';

/** runPrune without the printing: the reclaimed bytes and the `Deleted Containers:` block ('' when none). */
export async function pruneContainers(cli: CommandCli, filter: readonly string[]): Promise<{ reclaimed: number; output: string }> {
  const report = await cli.client().containersPrune(filtersJSON(filter));
  const ids = report.ContainersDeleted ?? [];
  if (ids.length === 0) return { reclaimed: 0, output: '' };
  return { reclaimed: report.SpaceReclaimed, output: `Deleted Containers:\n${ids.map((id) => `${id}\n`).join('')}` };
}

export async function runContainerPrune(cli: CommandCli, force: boolean, filter: readonly string[]): Promise<void> {
  if (!force && !(await confirm(cli, WARNING))) throw new Cancelled('container prune has been cancelled');
  const { reclaimed, output } = await pruneContainers(cli, filter);
  if (output !== '') await cli.out.write(`${output}\n`);
  await cli.out.write(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
}
