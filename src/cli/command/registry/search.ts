import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { changed, flag, getBool, getInt, getList, getString } from '../../flags.js';
import { filtersJSON } from '../../filters.js';
import { GO_TYPE } from '../../formatter/gofmt.js';
import { ellipsis } from '../../formatter/width.js';
import { expandFormat, JSON_FORMAT, writeRows } from '../../formatter/write.js';

/** `docker search` as docker/cli 28.2.2 defines it (cli/command/registry/search.go); flag text recorded from `--help`. */
export const searchCommand = command({
  use: "search [OPTIONS] TERM",
  short: "Search Docker Hub for images",
  args: { exact: 1 },
  flags: [
    flag("filter", "f", "filter", "Filter output based on conditions provided", { sim: true }),
    flag("format", "", "string", "Pretty-print search using a Go template", { sim: true }),
    flag("limit", "", "int", "Max number of search results", { sim: true }),
    flag("no-trunc", "", "", "Don't truncate output", { sim: true }),
  ],
  run: (cli, inv) => runSearch(cli, {
    term: inv.args[0],
    limit: changed(inv.flags, 'limit') ? getInt(inv.flags, 'limit') : undefined,
    noTrunc: getBool(inv.flags, 'no-trunc'),
    format: getString(inv.flags, 'format'),
    filter: getList(inv.flags, 'filter'),
  }),
});

export const SEARCH_TABLE = 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}';
const SEARCH_HEADERS = { Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL' };

export interface SearchOptions {
  readonly term: string;
  readonly limit?: number;
  readonly noTrunc: boolean;
  readonly format: string;
  readonly filter: readonly string[];
}

export async function runSearch(cli: CommandCli, o: SearchOptions): Promise<void> {
  const results = await cli.client().imageSearch(o.term, { limit: o.limit, filters: filtersJSON(o.filter) });
  // searchContext.formatBool: `{{json .}}` (MarshalJSON) words IsOfficial true/false, a template `[OK]`/''.
  // 28.2.2's context has no IsAutomated any more (a template naming it fails as Go's would).
  const json = expandFormat(o.format).includes(JSON_FORMAT);
  const rows = results.map((r) => {
    let desc = r.description.replace(/\n/g, ' ').replace(/\r/g, ' ');
    if (!o.noTrunc) desc = ellipsis(desc, 45);
    return {
      [GO_TYPE]: '*registry.searchContext',
      Description: desc,
      IsOfficial: json ? String(r.is_official) : r.is_official ? '[OK]' : '',
      Name: r.name,
      StarCount: String(r.star_count),
    };
  });
  const text = writeRows(o.format, SEARCH_TABLE, rows, SEARCH_HEADERS);
  if (text) await cli.out.write(text);
}
