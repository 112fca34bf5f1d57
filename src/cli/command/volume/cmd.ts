/** `docker volume` (docker/cli cli/command/volume/cmd.go): its sub-commands, as its help lists them. */
import { command, unsimulated, type GroupSpec } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getList, getString, type Annotations } from '../../flags.js';
import { filtersJSON } from '../../filters.js';
import { errorText, passProcessEnd, StatusError } from '../../errors.js';
import { writeRows } from '../../formatter/write.js';
import { VOLUME_HEADERS, VOLUME_QUIET, VOLUME_TABLE, volumeRow } from '../../formatter/volume.js';
import { humanSize } from '../../../pkg/units.js';
import { Cancelled, confirm } from '../../prompt.js';
import { inspectRefs } from '../inspector.js';

/** Cluster volumes need a swarm manager: help leaves their flags out on a daemon outside a swarm. */
const MANAGER: Annotations = { swarm: 'manager' };

const FORMAT_HELP = "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";
const LS_FORMAT_HELP = "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/** `docker volume create` (cli/command/volume/create.go); the cluster-volume flags need a swarm and are not simulated. */
export const volumeCreateCommand = command({
  use: "create [OPTIONS] [VOLUME]",
  short: "Create a volume",
  args: { max: 1 },
  flags: [
    flag("availability", "", "string", "Cluster Volume availability (\"active\", \"pause\", \"drain\")", { def: "\"active\"", annotations: MANAGER }),
    flag("driver", "d", "string", "Specify volume driver name", { def: "\"local\"", sim: true }),
    flag("group", "", "string", "Cluster Volume group (cluster volumes)", { annotations: MANAGER }),
    flag("label", "", "list", "Set metadata for a volume", { sim: true }),
    flag("limit-bytes", "", "bytes", "Minimum size of the Cluster Volume in bytes", { annotations: MANAGER }),
    flag("name", "", "string", "Specify volume name", { hidden: true, sim: true }),
    flag("opt", "o", "map", "Set driver specific options", { def: "map[]", sim: true }),
    flag("required-bytes", "", "bytes", "Maximum size of the Cluster Volume in bytes", { annotations: MANAGER }),
    flag("scope", "", "string", "Cluster Volume access scope (\"single\", \"multi\")", { def: "\"single\"", annotations: MANAGER }),
    flag("secret", "", "map", "Cluster Volume secrets", { def: "map[]", annotations: MANAGER }),
    flag("sharing", "", "string", "Cluster Volume access sharing (\"none\", \"readonly\", \"onewriter\", \"all\")", { def: "\"none\"", annotations: MANAGER }),
    flag("topology-preferred", "", "list", "A topology that the Cluster Volume would be preferred in", { annotations: MANAGER }),
    flag("topology-required", "", "list", "A topology that the Cluster Volume must be accessible from", { annotations: MANAGER }),
    flag("type", "", "string", "Cluster Volume access type (\"mount\", \"block\")", { def: "\"block\"", annotations: MANAGER }),
  ],
  run: (cli, inv) => runCreate(cli, inv.args[0], getString(inv.flags, 'name'), {
    driver: getString(inv.flags, 'driver') || 'local',
    labels: getList(inv.flags, 'label'),
    opts: getList(inv.flags, 'opt'),
  }),
});

const kvMap = (list: readonly string[]): Record<string, string> =>
  Object.fromEntries(list.map((l) => (l.includes('=') ? [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] : [l, ''])));

async function runCreate(cli: CommandCli, arg: string | undefined, flagName: string,
  o: { driver: string; labels: readonly string[]; opts: readonly string[] }): Promise<void> {
  if (arg !== undefined && flagName !== '') {
    throw new StatusError(1, `conflicting options: cannot specify a volume-name through both --name and as a positional arg`);
  }
  const body: Record<string, unknown> = { Driver: o.driver };
  if (o.opts.length > 0) body.DriverOpts = kvMap(o.opts);
  if (o.labels.length > 0) body.Labels = kvMap(o.labels);
  const name = arg ?? flagName;
  if (name !== '') body.Name = name;
  const v = await cli.client().volumeCreate(body);
  await cli.out.write(`${v.Name}\n`);
}

/** `docker volume ls` (cli/command/volume/list.go): sorted by name, as the CLI sorts them. */
export const volumeLsCommand = command({
  use: "ls [OPTIONS]",
  short: "List volumes",
  aliases: "docker volume ls, docker volume list",
  cobraAliases: ['list'],
  args: { none: true },
  flags: [
    flag("cluster", "", "", "Display only cluster volumes, and use cluster volume list formatting", { annotations: MANAGER }),
    flag("filter", "f", "filter", "Provide filter values (e.g. \"dangling=true\")", { sim: true }),
    flag("format", "", "string", LS_FORMAT_HELP, { sim: true }),
    flag("quiet", "q", "", "Only display volume names", { sim: true }),
  ],
  run: async (cli, inv) => {
    const res = await cli.client().volumeList(filtersJSON(getList(inv.flags, 'filter')));
    const vols = [...(res.Volumes ?? [])].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
    let format = getString(inv.flags, 'format');
    const quiet = getBool(inv.flags, 'quiet');
    if (format === '' || format === 'table') format = quiet ? VOLUME_QUIET : VOLUME_TABLE;
    const text = writeRows(format, VOLUME_TABLE, vols.map(volumeRow), VOLUME_HEADERS);
    if (text) await cli.out.write(text);
  },
});

export const volumeInspectCommand = command({
  use: "inspect [OPTIONS] VOLUME [VOLUME...]",
  short: "Display detailed information on one or more volumes",
  args: { min: 1 },
  flags: [flag("format", "f", "string", FORMAT_HELP, { sim: true })],
  run: (cli, inv) => inspectRefs(cli, inv.args, getString(inv.flags, 'format'), (ref) => cli.client().volumeInspect(ref)),
});

export const volumeRmCommand = command({
  use: "rm [OPTIONS] VOLUME [VOLUME...]",
  short: "Remove one or more volumes",
  long: "Remove one or more volumes. You cannot remove a volume that is in use by a container.",
  aliases: "docker volume rm, docker volume remove",
  cobraAliases: ['remove'],
  args: { min: 1 },
  flags: [flag("force", "f", "", "Force the removal of one or more volumes", { sim: true })],
  run: async (cli, inv) => {
    const errs: string[] = [];
    for (const name of inv.args) {
      try {
        await cli.client().volumeRemove(name, getBool(inv.flags, 'force'));
        await cli.out.write(`${name}\n`);
      } catch (e) {
        passProcessEnd(e);
        errs.push(errorText(e));
      }
    }
    if (errs.length > 0) throw new Error(errs.join('\n'));
  },
});

const PRUNE_WARNING = 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?';
const PRUNE_ALL_WARNING = 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?';

export const volumePruneCommand = command({
  use: "prune [OPTIONS]",
  short: "Remove unused local volumes",
  args: { none: true },
  flags: [
    flag("all", "a", "", "Remove all unused volumes, not just anonymous ones", { sim: true }),
    flag("filter", "", "filter", "Provide filter values (e.g. \"label=<label>\")", { sim: true }),
    flag("force", "f", "", "Do not prompt for confirmation", { sim: true }),
  ],
  run: async (cli, inv) => {
    const all = getBool(inv.flags, 'all');
    const filters = [...getList(inv.flags, 'filter')];
    if (all && filters.some((f) => f.startsWith('all='))) {
      throw new StatusError(1, 'conflicting options: cannot specify both --all and --filter all=1');
    }
    if (all) filters.push('all=true');
    const warning = all || filters.includes('all=true') ? PRUNE_ALL_WARNING : PRUNE_WARNING;
    if (!getBool(inv.flags, 'force') && !(await confirm(cli, warning))) throw new Cancelled('volume prune has been cancelled');
    const report = await cli.client().volumesPrune(filtersJSON(filters));
    const names = report.VolumesDeleted ?? [];
    if (names.length > 0) await cli.out.write(`Deleted Volumes:\n${names.map((n) => `${n}\n`).join('')}\n`);
    await cli.out.write(`Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`);
  },
});

export const volumeCommand: GroupSpec = {
  name: 'volume',
  short: 'Manage volumes',
  commands: [
    volumeCreateCommand, volumeInspectCommand, volumeLsCommand, volumePruneCommand, volumeRmCommand,
    unsimulated('update', 'Update a volume (cluster volumes only)', MANAGER),
  ],
};

