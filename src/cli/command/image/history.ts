import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { HISTORY_HEADERS, HISTORY_TABLE, HISTORY_TABLE_NON_HUMAN, historyRows } from '../../formatter/history.js';
import { writeRows } from '../../formatter/write.js';
import { imageNames } from '../completion.js';

/** `docker history` as docker/cli 28.2.2 defines it (cli/command/image/history.go); flag text recorded from `--help`. */
export const historyCommand = command({
  use: "history [OPTIONS] IMAGE",
  short: "Show the history of an image",
  aliases: "docker image history, docker history",
  args: { exact: 1 },
  flags: [
    flag("format", "", "string", "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("human", "H", "", "Print sizes and dates in human readable format", { def: "true", sim: true }),
    flag("no-trunc", "", "", "Don't truncate output", { sim: true }),
    flag("platform", "", "string", "Show history for the given platform. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")"),
    flag("quiet", "q", "", "Only show image IDs", { sim: true }),
  ],
  completion: imageNames(1),
  run: (cli, inv) => runHistory(cli, {
    image: inv.args[0],
    human: getBool(inv.flags, 'human'),
    quiet: getBool(inv.flags, 'quiet'),
    noTrunc: getBool(inv.flags, 'no-trunc'),
    format: getString(inv.flags, 'format'),
  }),
});

export interface HistoryOptions {
  readonly image: string;
  readonly human: boolean;
  readonly quiet: boolean;
  readonly noTrunc: boolean;
  readonly format: string;
}

/** NewHistoryFormat: `-q` and `-H=false` choose the table only when no `--format` replaces it. */
export async function runHistory(cli: CommandCli, o: HistoryOptions): Promise<void> {
  const history = await cli.client().imageHistory(o.image);
  let format = o.format === '' ? 'table' : o.format;
  if (format === 'table') format = o.quiet ? '{{.ID}}' : o.human ? HISTORY_TABLE : HISTORY_TABLE_NON_HUMAN;
  const rows = historyRows(history, { trunc: !o.noTrunc, human: o.human }, cli.now());
  const text = writeRows(format, HISTORY_TABLE, rows, HISTORY_HEADERS);
  if (text) await cli.out.write(text);
}
