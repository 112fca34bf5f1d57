/** Numbers with GNU's size suffixes (`10K`, `1MB`, `2b`), as head, tail and du accept them. */

// `m` is xstrtol's undocumented lowercase mega, in head's and tail's suffix list ("bkKmMGTPEZYRQ0").
const POW: Record<string, number> = { K: 1, k: 1, M: 2, m: 2, G: 3, T: 4, P: 5, E: 6 };

export function parseSize(s: string): number | null {
  const m = /^(\d+)(b|[kKmMGTPE](?:iB|B)?)?$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  const suf = m[2];
  if (!suf) return n;
  if (suf === 'b') return n * 512;
  const base = suf.endsWith('B') && !suf.endsWith('iB') ? 1000 : 1024;
  return n * base ** POW[suf[0]];
}

/**
 * Rewrites the obsolete `head -5` / `tail -5` / `-5c` forms into `-n 5` / `-c 5`. Only the first argument
 * can be obsolete, as in GNU.
 */
export function obsoleteCount(args: readonly string[], plusToo: boolean): string[] {
  const first = args[0];
  const m = first === undefined ? null : /^([-+])(\d+)([bcl]?)(f?)$/.exec(first);
  if (!m || (m[1] === '+' && !plusToo)) return [...args];
  const out = [m[3] === 'c' || m[3] === 'b' ? '-c' : '-n', m[1] === '+' ? `+${m[2]}` : m[2]];
  if (m[4]) out.push('-f');
  return [...out, ...args.slice(1)];
}
