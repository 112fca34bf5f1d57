import { command, renamed } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import type { NetworkSummary } from '../../client.js';
import { flag, getBool, getList, getString } from '../../flags.js';
import { filtersJSON } from '../../filters.js';
import { GO_TYPE } from '../../formatter/gofmt.js';
import { truncateID } from '../../formatter/container.js';
import { writeRows } from '../../formatter/write.js';

/** `docker network ls` as docker/cli 28.2.2 defines it (cli/command/network/list.go); flag text recorded from `--help`. */
const lsCommand = command({
  use: "ls [OPTIONS]",
  short: "List networks",
  aliases: "docker network ls, docker network list",
  args: { none: true },
  flags: [
    flag("filter", "f", "filter", "Provide filter values (e.g. \"driver=bridge\")", { sim: true }),
    flag("format", "", "string", "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("no-trunc", "", "", "Do not truncate the output", { sim: true }),
    flag("quiet", "q", "", "Only display network IDs", { sim: true }),
  ],
  run: (cli, inv) => runList(cli, {
    filter: getList(inv.flags, 'filter'),
    format: getString(inv.flags, 'format'),
    noTrunc: getBool(inv.flags, 'no-trunc'),
    quiet: getBool(inv.flags, 'quiet'),
  }),
});

export const listCommand = renamed(lsCommand, 'ls', ['list']);

export const NETWORK_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
export const NETWORK_HEADERS = {
  ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv4: 'IPV4', IPv6: 'IPV6', Internal: 'INTERNAL',
  Labels: 'LABELS', CreatedAt: 'CREATED AT',
};

/** Go's time.Time.String() of an RFC 3339 timestamp: `2026-12-06 14:20:38.052066026 +0000 UTC`. */
export function goTimeFromRFC3339(s: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(\.\d+)?Z$/.exec(s);
  if (!m) return s;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  return `${m[1]} ${m[2]}${frac === '.' ? '' : frac} +0000 UTC`;
}

/** networkContext: the cells `--format` can name. */
export function networkRow(n: NetworkSummary, trunc: boolean): Record<string | symbol, unknown> {
  const labels = n.Labels ?? {};
  return {
    [GO_TYPE]: '*network.networkContext',
    CreatedAt: goTimeFromRFC3339(n.Created),
    Driver: n.Driver,
    ID: trunc ? truncateID(n.Id) : n.Id,
    IPv4: String(n.EnableIPv4),
    IPv6: String(n.EnableIPv6),
    Internal: String(n.Internal),
    Labels: Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(','),
    Name: n.Name,
    Scope: n.Scope,
  };
}

/** sortorder.NaturalLess: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): number {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const d = Number(x) - Number(y) || x.length - y.length;
      if (d !== 0) return d;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

async function runList(cli: CommandCli, o: { filter: string[]; format: string; noTrunc: boolean; quiet: boolean }): Promise<void> {
  const nets = await cli.client().networkList(filtersJSON(o.filter));
  nets.sort((a, b) => naturalLess(a.Name, b.Name));
  let format = o.format || 'table';
  if (format === 'table' && o.quiet) format = '{{.ID}}';
  else if (format === 'raw') format = o.quiet ? 'network_id: {{.ID}}' : 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n';
  const text = writeRows(format, NETWORK_TABLE, nets.map((n) => networkRow(n, !o.noTrunc)), NETWORK_HEADERS);
  if (text) await cli.out.write(text);
}
