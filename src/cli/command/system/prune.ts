import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getList } from '../../flags.js';
import { filtersJSON } from '../../filters.js';
import { humanSize3 as humanSize } from '../../../pkg/units.js';
import { Cancelled, confirm } from '../../prompt.js';
import { pruneContainers } from '../container/prune.js';

/** `docker system prune` as docker/cli 28.2.2 defines it (cli/command/system/prune.go); flag text recorded from `--help`. */
export const systemPruneCommand = command({
  use: "prune [OPTIONS]",
  short: "Remove unused data",
  args: { none: true },
  flags: [
    flag("all", "a", "", "Remove all unused images not just dangling ones", { sim: true }),
    flag("filter", "", "filter", "Provide filter values (e.g. \"label=<key>=<value>\")", { sim: true }),
    flag("force", "f", "", "Do not prompt for confirmation", { sim: true }),
    flag("volumes", "", "", "Prune anonymous volumes", { sim: true }),
  ],
  run: (cli, inv) => runSystemPrune(cli, {
    all: getBool(inv.flags, 'all'),
    force: getBool(inv.flags, 'force'),
    volumes: getBool(inv.flags, 'volumes'),
    filter: getList(inv.flags, 'filter'),
  }),
});

export interface SystemPruneOptions {
  readonly all: boolean;
  readonly force: boolean;
  readonly volumes: boolean;
  readonly filter: readonly string[];
}

/** confirmationMessage: what goes, then the label/label!/until filters (sorted), then the question. */
export function confirmationMessage(o: SystemPruneOptions): string {
  const warnings = ['all stopped containers', 'all networks not used by at least one container'];
  if (o.volumes) warnings.push('all anonymous volumes not used by at least one container');
  warnings.push(o.all ? 'all images without at least one container associated to them' : 'all dangling images');
  warnings.push(o.all ? 'all build cache' : 'unused build cache');
  const shown = o.filter
    .map((p) => [p.slice(0, p.indexOf('=')).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()])
    .filter(([k]) => k === 'label' || k === 'label!' || k === 'until')
    .map(([k, v]) => `${k}=${v}`);
  const filters = [...new Set(shown)].sort();
  let msg = `WARNING! This will remove:${warnings.map((w) => `\n  - ${w}`).join('')}\n`;
  if (filters.length > 0) msg += `\n  Items to be pruned will be filtered with:${filters.map((f) => `\n  - ${f}`).join('')}\n`;
  return `${msg}\nAre you sure you want to continue?`;
}

/** Containers, networks, volumes (with --volumes), images, build cache: each prune's report as docker prints it. */
export async function runSystemPrune(cli: CommandCli, o: SystemPruneOptions): Promise<void> {
  const filters = (extra: Array<[string, string]> = []): string | undefined => filtersJSON(o.filter, extra);
  if (o.volumes && o.filter.some((p) => p.slice(0, p.indexOf('=')).trim().toLowerCase() === 'until')) {
    throw new Error('ERROR: The "until" filter is not supported with "--volumes"');
  }
  if (!o.force && !(await confirm(cli, confirmationMessage(o)))) throw new Cancelled('system prune has been cancelled');
  const client = cli.client();
  let reclaimed = 0;
  const print = async (output: string): Promise<void> => {
    if (output !== '') await cli.out.write(`${output}\n`);
  };
  const containers = await pruneContainers(cli, o.filter);
  reclaimed += containers.reclaimed;
  await print(containers.output);
  const networks = (await client.networksPrune(filters())).NetworksDeleted ?? [];
  await print(networks.length > 0 ? `Deleted Networks:\n${networks.map((n) => `${n}\n`).join('')}` : '');
  if (o.volumes) {
    const v = await client.volumesPrune(filters());
    const ids = v.VolumesDeleted ?? [];
    if (ids.length > 0) reclaimed += v.SpaceReclaimed;
    await print(ids.length > 0 ? `Deleted Volumes:\n${ids.map((n) => `${n}\n`).join('')}` : '');
  }
  const images = await client.imagesPrune(filters([['dangling', String(!o.all)]]));
  const deleted = images.ImagesDeleted ?? [];
  if (deleted.length > 0) reclaimed += images.SpaceReclaimed;
  await print(deleted.length > 0
    ? `Deleted Images:\n${deleted.map((d) => (d.Untagged ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted ?? ''}\n`)).join('')}`
    : '');
  const cache = await client.buildCachePrune({ all: o.all, filters: filters() });
  reclaimed += cache.SpaceReclaimed;
  const caches = cache.CachesDeleted ?? [];
  await print(caches.length > 0 ? `Deleted build cache objects:\n${caches.map((c) => `${c}\n`).join('')}` : '');
  await cli.out.write(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
}
