/**
 * Debian version comparison (deb-version(7)): epoch, then upstream and revision compared piecewise, where `~`
 * sorts before anything, even the end of the string, and letters sort before other characters.
 */

function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let diff = 0;
    while ((i < a.length && !/\d/.test(a[i])) || (j < b.length && !/\d/.test(b[j]))) {
      const ac = i < a.length && !/\d/.test(a[i]) ? order(a[i]) : order(undefined);
      const bc = j < b.length && !/\d/.test(b[j]) ? order(b[j]) : order(undefined);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (i < a.length && /\d/.test(a[i]) && j < b.length && /\d/.test(b[j])) {
      if (diff === 0) diff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && /\d/.test(a[i])) return 1;
    if (j < b.length && /\d/.test(b[j])) return -1;
    if (diff !== 0) return diff;
  }
  return 0;
}

interface Parsed { epoch: number; upstream: string; revision: string }

function parse(v: string): Parsed {
  const colon = v.indexOf(':');
  const epoch = colon >= 0 ? Number(v.slice(0, colon)) : 0;
  const rest = colon >= 0 ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf('-');
  return dash >= 0 ? { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) } : { epoch, upstream: rest, revision: '' };
}

/** <0, 0, >0 as dpkg --compare-versions orders `a` and `b`. */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (pa.epoch !== pb.epoch) return pa.epoch - pb.epoch;
  return verrevcmp(pa.upstream, pb.upstream) || verrevcmp(pa.revision, pb.revision);
}

export function satisfiesVersion(have: string, op: string | undefined, want: string | undefined): boolean {
  if (!op || want === undefined) return true;
  const c = compareVersions(have, want);
  switch (op) {
    case '<<': return c < 0;
    case '<=': return c <= 0;
    case '=': return c === 0;
    case '>=': return c >= 0;
    case '>>': return c > 0;
    default: return false;
  }
}
