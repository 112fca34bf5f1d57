/** procps-ng `free`: /proc/meminfo in six columns; used = total - available, as procps 4 computes it. */
import type { Sys } from '../../../engine/kernel/sys.js';
import { parseArgs } from '../../lib/args.js';
import { meminfo } from './proc.js';

const USAGE = `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
     --kilo          show output in kilobytes
     --mega          show output in megabytes
     --giga          show output in gigabytes
     --tera          show output in terabytes
     --peta          show output in petabytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
     --tebi          show output in tebibytes
     --pebi          show output in pebibytes
 -h, --human         show human-readable output
     --si            use powers of 1000 not 1024
 -l, --lohi          show detailed low and high memory statistics
 -t, --total         show total for RAM + swap
 -v, --committed     show committed memory and commit limit
 -s N, --seconds N   repeat printing every N seconds
 -c N, --count N     repeat printing N times, then exit
 -w, --wide          wide output

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see free(1).
`;

/** procps' scale_size for -h: whole units, one decimal below 10, `B` for bytes. */
export function human(kb: number, si: boolean): string {
  const base = si ? 1000 : 1024;
  const bytes = kb * 1024;
  if (bytes < base) return `${bytes}B`;
  const units = si ? ['K', 'M', 'G', 'T', 'P'] : ['Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  for (let i = 0; i < units.length; i++) {
    const v = bytes / base ** (i + 1);
    if (v < 10) return `${(Math.round(v * 10) / 10).toFixed(1)}${units[i]}`;
    if (v < base || i === units.length - 1) return `${Math.floor(v)}${units[i]}`;
  }
  return `${bytes}B`;
}

export async function free(sys: Sys): Promise<number> {
  const parsed = parseArgs(sys.argv.slice(1), {
    short: 'bkmghltvwV',
    long: [
      { name: 'bytes', key: 'b' }, { name: 'kibi', key: 'k' }, { name: 'mebi', key: 'm' }, { name: 'gibi', key: 'g' },
      { name: 'human', key: 'h' }, { name: 'si' }, { name: 'total', key: 't' }, { name: 'wide', key: 'w' },
      { name: 'help' }, { name: 'version', key: 'V' }, { name: 'kilo' }, { name: 'mega' }, { name: 'giga' },
    ],
  });
  if (!parsed.ok) {
    await sys.write(2, `free: ${parsed.error}\n${USAGE}`);
    return 1;
  }
  const keys = new Set(parsed.opts.map((o) => o.key));
  if (keys.has('help')) return (await sys.write(1, USAGE), 0);
  if (keys.has('V')) return (await sys.write(1, 'free from procps-ng 4.0.4\n'), 0);
  const si = keys.has('si');
  const fmt = (kb: number): string => {
    if (keys.has('h')) return human(kb, si);
    if (keys.has('b')) return String(kb * 1024);
    if (keys.has('m') || keys.has('mega')) return String(Math.floor((kb * 1024) / (keys.has('mega') ? 1e6 : 1048576)));
    if (keys.has('g') || keys.has('giga')) return String(Math.floor((kb * 1024) / (keys.has('giga') ? 1e9 : 1073741824)));
    return String(kb);
  };
  const m = meminfo(sys);
  const get = (k: string): number => m.get(k) ?? 0;
  const total = get('MemTotal');
  const available = m.has('MemAvailable') ? get('MemAvailable') : get('MemFree');
  const buffers = get('Buffers');
  const cache = get('Cached') + get('SReclaimable');
  const swapTotal = get('SwapTotal');
  const swapFree = get('SwapFree');
  const row = (label: string, cells: number[]): string => label.padEnd(8) + cells.map((c) => fmt(c).padStart(12)).join('');
  const wide = keys.has('w');
  const lines = [
    wide
      ? `${''.padEnd(8)}${['total', 'used', 'free', 'shared', 'buffers', 'cache', 'available'].map((h) => h.padStart(12)).join('')}`
      : `${''.padEnd(8)}${['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('')}`,
    row('Mem:', wide
      ? [total, total - available, get('MemFree'), get('Shmem'), buffers, cache, available]
      : [total, total - available, get('MemFree'), get('Shmem'), buffers + cache, available]),
    row('Swap:', [swapTotal, swapTotal - swapFree, swapFree]),
  ];
  if (keys.has('t')) lines.push(row('Total:', [total + swapTotal, total - available + swapTotal - swapFree, get('MemFree') + swapFree]));
  await sys.write(1, `${lines.join('\n')}\n`);
  return 0;
}
