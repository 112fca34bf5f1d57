/**
 * Line diffs as git prints them: a Myers edit script, each change group slid down as far as it goes (what
 * xdiff's compaction does before its indent heuristic, which dockersim does not model), hunks with three
 * lines of context merged when they touch, `@@ -a,b +c,d @@` headers followed by git's default function
 * line (the nearest earlier line starting with a letter, `_` or `$`), and `\ No newline at end of file`.
 */
import { utf8Decode, utf8Encode } from '../../engine/kernel/utf8.js';

export interface Lines {
  readonly lines: readonly string[];
  /** The last line had no newline. */
  readonly noEol: boolean;
}

export function splitLines(s: string): Lines {
  if (s === '') return { lines: [], noEol: false };
  const noEol = !s.endsWith('\n');
  const lines = (noEol ? s : s.slice(0, -1)).split('\n');
  return { lines, noEol };
}

/** For each line of `a` and of `b`, whether it is removed/added; Myers' greedy O(ND) algorithm. */
function editScript(a: readonly string[], b: readonly string[]): { del: boolean[]; ins: boolean[] } {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  const del = new Array<boolean>(n).fill(false);
  const ins = new Array<boolean>(m).fill(false);
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vv = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && vv[max + k - 1] < vv[max + k + 1]);
    const pk = down ? k + 1 : k - 1;
    const px = vv[max + pk];
    const py = px - pk;
    while (x > px && y > py) {
      x--;
      y--;
    }
    if (down) ins[py] = true;
    else del[px] = true;
    x = px;
    y = py;
  }
  return { del, ins };
}

/** Slides each run of changed lines down while the line after it equals its first line (xdl_change_compact). */
function compact(lines: readonly string[], changed: boolean[]): void {
  let i = 0;
  while (i < lines.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    let start = i;
    let end = i;
    while (end < lines.length && changed[end]) end++;
    while (end < lines.length && !changed[end] && lines[start] === lines[end]) {
      changed[start] = false;
      changed[end] = true;
      start++;
      end++;
      while (end < lines.length && changed[end]) end++;
    }
    i = end;
  }
}

interface Op {
  readonly kind: ' ' | '-' | '+';
  readonly aLine: number;
  readonly bLine: number;
}

/** Lines as xdiff compares them: with their newline, so a last line without one differs from the same text with one. */
function keys(l: Lines): string[] {
  return l.noEol ? [...l.lines.slice(0, -1), `${l.lines[l.lines.length - 1]}\0`] : [...l.lines];
}

function ops(la: Lines, lb: Lines): Op[] {
  const a = keys(la);
  const b = keys(lb);
  const { del, ins } = editScript(a, b);
  compact(a, del);
  compact(b, ins);
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && del[i]) out.push({ kind: '-', aLine: i++, bLine: j });
    else if (j < b.length && ins[j]) out.push({ kind: '+', aLine: i, bLine: j++ });
    else out.push({ kind: ' ', aLine: i++, bLine: j++ });
  }
  return out;
}

function funcLine(a: readonly string[], before: number): string {
  for (let l = before - 1; l >= 0; l--) {
    const s = a[l];
    if (/^[A-Za-z_$]/.test(s)) {
      return utf8Decode(utf8Encode(s).subarray(0, 80)).replace(/[\s\uFFFD]+$/, '');
    }
  }
  return '';
}

export interface DiffCounts {
  readonly added: number;
  readonly removed: number;
}

export function countChanges(a: Lines, b: Lines): DiffCounts {
  const o = ops(a, b);
  return { added: o.filter((x) => x.kind === '+').length, removed: o.filter((x) => x.kind === '-').length };
}

/** The unified diff body (hunks only) between two texts; empty when they are equal. */
export function unifiedHunks(a: Lines, b: Lines, context = 3): string[] {
  const o = ops(a, b);
  const changes = o.map((x, idx) => (x.kind === ' ' ? -1 : idx)).filter((x) => x >= 0);
  if (changes.length === 0) return [];
  const out: string[] = [];
  let h = 0;
  while (h < changes.length) {
    let first = changes[h];
    let last = first;
    while (h + 1 < changes.length && changes[h + 1] - last <= 2 * context + 1) last = changes[++h];
    h++;
    const from = Math.max(0, first - context);
    const to = Math.min(o.length - 1, last + context);
    first = from;
    const slice = o.slice(from, to + 1);
    const aStart = slice[0].aLine;
    const bStart = slice[0].bLine;
    const aCount = slice.filter((x) => x.kind !== '+').length;
    const bCount = slice.filter((x) => x.kind !== '-').length;
    const range = (start: number, count: number): string => (count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`);
    const fn = funcLine(a.lines, aStart);
    out.push(`@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@${fn ? ` ${fn}` : ''}`);
    for (const x of slice) {
      const line = x.kind === '+' ? b.lines[x.bLine] : a.lines[x.aLine];
      out.push(`${x.kind}${line}`);
      const eolLess = x.kind === '+' ? b.noEol && x.bLine === b.lines.length - 1 : a.noEol && x.aLine === a.lines.length - 1;
      if (eolLess) out.push('\\ No newline at end of file');
    }
  }
  return out;
}
