import { command, renamed, type Invocation } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import type { ContainerListOptions } from '../../client.js';
import { changed, flag, getBool, getInt, getList, getString } from '../../flags.js';
import { filtersJSON } from '../../filters.js';
import { PS_HEADERS, PS_TABLE } from '../../formatter/container.js';
import { psRow } from '../../formatter/ps.js';
import { checkTemplate, writeRows } from '../../formatter/write.js';

/** `docker ps` as docker/cli 28.2.2 defines it (cli/command/container/list.go); flag text recorded from `--help`. */
export const psCommand = command({
  use: "ps [OPTIONS]",
  short: "List containers",
  aliases: "docker container ls, docker container list, docker container ps, docker ps",
  args: { none: true },
  flags: [
    flag("all", "a", "", "Show all containers (default shows just running)", { sim: true }),
    flag("filter", "f", "filter", "Filter output based on conditions provided", { sim: true }),
    flag("format", "", "string", "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("last", "n", "int", "Show n last created containers (includes all states)", { def: "-1", sim: true }),
    flag("latest", "l", "", "Show the latest created container (includes all states)", { sim: true }),
    flag("no-trunc", "", "", "Don't truncate output", { sim: true }),
    flag("quiet", "q", "", "Only display container IDs", { sim: true }),
    flag("size", "s", "", "Display total file sizes", { sim: true }),
  ],
  run: (cli, inv) => runPs(cli, psOptions(inv)),
});

/** `docker container ls` (newListCommand): the same command, also called `ps` and `list`. */
export const listCommand = renamed(psCommand, 'ls', ['ps', 'list']);

export interface PsOptions {
  readonly quiet: boolean;
  readonly size: boolean;
  /** --size given explicitly (even `--size=false`): then a template's .Size does not switch it on. */
  readonly sizeChanged: boolean;
  readonly all: boolean;
  readonly noTrunc: boolean;
  readonly nLatest: boolean;
  readonly last: number;
  readonly format: string;
  readonly filter: readonly string[];
}

/** buildContainerListOptions: pure, so the request can be checked without a daemon. */
export function buildContainerListOptions(o: PsOptions): ContainerListOptions | Error {
  let limit = o.last;
  if (o.nLatest && o.last === -1) limit = 1;
  let size = o.size;
  if (o.format !== '') {
    const bad = checkTemplate(o.format, 'failed to parse template');
    if (bad) return bad;
    if (!o.quiet && !size && !o.sizeChanged && /\.Size\b/.test(o.format)) size = true;
  }
  const filters = filtersJSON(o.filter);
  return {
    // The API's limit implies all containers (the daemon decides); the client sends both as given.
    all: o.all || undefined,
    limit: limit > 0 ? limit : undefined,
    size: size || undefined,
    filters,
  };
}

export async function runPs(cli: CommandCli, o: PsOptions): Promise<void> {
  let format = o.format;
  if (format !== '' && o.quiet) {
    await cli.err.write('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    format = '';
  }
  const listOpts = buildContainerListOptions({ ...o, format });
  if (listOpts instanceof Error) throw listOpts;
  const containers = await cli.client().containerList(listOpts);
  let table = PS_TABLE;
  if (listOpts.size) table += '\t{{.Size}}';
  if (o.quiet && (format === '' || format === 'table')) format = '{{.ID}}';
  const now = cli.now();
  const rows = containers.map((c) => psRow(c, !o.noTrunc, now));
  const text = writeRows(format, table, rows, PS_HEADERS);
  if (text) await cli.out.write(text);
}

export function psOptions(inv: Invocation): PsOptions {
  const f = inv.flags;
  return {
    quiet: getBool(f, 'quiet'),
    size: getBool(f, 'size'),
    sizeChanged: changed(f, 'size'),
    all: getBool(f, 'all'),
    noTrunc: getBool(f, 'no-trunc'),
    nLatest: getBool(f, 'latest'),
    last: getInt(f, 'last'),
    format: getString(f, 'format'),
    filter: getList(f, 'filter'),
  };
}
