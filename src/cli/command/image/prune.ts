import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getList } from '../../flags.js';
import { filtersJSON } from '../../filters.js';
import { humanSize } from '../../../pkg/units.js';
import { Cancelled, confirm } from '../../prompt.js';

/** `docker image prune` as docker/cli 28.2.2 defines it (cli/command/image/prune.go); flag text recorded from `--help`. */
export const pruneCommand = command({
  use: "prune [OPTIONS]",
  short: "Remove unused images",
  args: { none: true },
  flags: [
    flag("all", "a", "", "Remove all unused images, not just dangling ones", { sim: true }),
    flag("filter", "", "filter", "Provide filter values (e.g. \"until=<timestamp>\")", { sim: true }),
    flag("force", "f", "", "Do not prompt for confirmation", { sim: true }),
  ],
  run: (cli, inv) => runImagePrune(cli, {
    all: getBool(inv.flags, 'all'),
    force: getBool(inv.flags, 'force'),
    filter: getList(inv.flags, 'filter'),
  }),
});

const ALL_WARNING = 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?';
const DANGLING_WARNING = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?';

export interface ImagePruneOptions {
  readonly all: boolean;
  readonly force: boolean;
  readonly filter: readonly string[];
}

/** The `Deleted Images:` block, then `Total reclaimed space:` (go-units HumanSize, 4 significant digits). */
export async function runImagePrune(cli: CommandCli, o: ImagePruneOptions): Promise<void> {
  if (!o.force && !(await confirm(cli, o.all ? ALL_WARNING : DANGLING_WARNING))) throw new Cancelled('image prune has been cancelled');
  const report = await cli.client().imagesPrune(filtersJSON(o.filter, [['dangling', String(!o.all)]]));
  const deleted = report.ImagesDeleted ?? [];
  let reclaimed = 0;
  if (deleted.length > 0) {
    reclaimed = report.SpaceReclaimed;
    const lines = deleted.map((d) => (d.Untagged ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted ?? ''}\n`)).join('');
    await cli.out.write(`Deleted Images:\n${lines}\n`);
  }
  await cli.out.write(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
}
