import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { errorText, passProcessEnd } from '../../errors.js';
import { STATS_HEADERS, STATS_TABLE, statsEntry, statsRow, type StatsEntry } from '../../formatter/stats.js';
import { writeRows } from '../../formatter/write.js';
import { containerNames, running } from '../completion.js';

/** `docker stats` as docker/cli 28.2.2 defines it (cli/command/container/stats.go); flag text recorded from `--help`. */
export const statsCommand = command({
  use: "stats [OPTIONS] [CONTAINER...]",
  short: "Display a live stream of container(s) resource usage statistics",
  aliases: "docker container stats, docker stats",
  args: {},
  flags: [
    flag("all", "a", "", "Show all containers (default shows just running)", { sim: true }),
    flag("format", "", "string", "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("no-stream", "", "", "Disable streaming stats and only pull the first result", { sim: true }),
    flag("no-trunc", "", "", "Do not truncate output", { sim: true }),
  ],
  completion: containerNames(running),
  run: (cli, inv) => runStats(cli, {
    all: getBool(inv.flags, 'all'),
    noStream: getBool(inv.flags, 'no-stream'),
    noTrunc: getBool(inv.flags, 'no-trunc'),
    format: getString(inv.flags, 'format'),
    containers: inv.args,
  }),
});

export interface StatsOptions {
  readonly all: boolean;
  readonly noStream: boolean;
  readonly noTrunc: boolean;
  readonly format: string;
  readonly containers: readonly string[];
}

/**
 * One sample per container per second of virtual time. Named containers that cannot be read fail the
 * command before anything is shown; without names the running containers (all with -a) are listed once.
 * Live mode redraws in place: cursor home, each line followed by erase-to-end-of-line, then erase below
 * (docker/cli ≥ 27.4). Unlike docker, containers started later are not picked up (no events stream).
 */
export async function runStats(cli: CommandCli, o: StatsOptions): Promise<void> {
  const client = cli.client();
  let names = [...o.containers];
  const showAll = names.length === 0;
  if (showAll) {
    const list = await client.containerList({ all: o.all || undefined });
    names = list.map((c) => c.Id);
  }
  const sample = async (): Promise<StatsEntry[]> => {
    const entries: StatsEntry[] = [];
    const errs: string[] = [];
    for (const n of names) {
      try {
        entries.push(statsEntry(n, await client.containerStats(n)));
      } catch (e) {
        passProcessEnd(e);
        if (!showAll) errs.push(errorText(e));
      }
    }
    if (errs.length > 0) throw new Error(errs.join('\n'));
    return entries;
  };
  const render = (entries: StatsEntry[]): string =>
    writeRows(o.format, STATS_TABLE, entries.map((e) => statsRow(e, !o.noTrunc)), STATS_HEADERS);
  if (o.noStream) {
    await cli.out.write(render(await sample()));
    return;
  }
  for (;;) {
    const text = render(await sample());
    let screen = '\x1b[H';
    for (const l of text.split('\n')) screen += l + '\x1b[K\n';
    await cli.out.write(screen + '\x1b[J');
    await cli.sleep(1000);
  }
}
