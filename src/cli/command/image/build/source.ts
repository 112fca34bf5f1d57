/**
 * The Dockerfile excerpt buildx prints under a failed build (moby/buildkit solver/errdefs Source.Print): the
 * file name and first line, a rule, the lines around the failing instruction with ` %3d | ` and `>>>` on the
 * instruction's own lines, a rule. BuildKit carries the range in the error; the simulated daemon's error is a
 * message, so the CLI finds the range itself: step `[k/N]` is the k-th instruction that makes a step (FROM,
 * RUN, COPY, ADD, WORKDIR), counted over the file as the frontend numbers them.
 */

export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** Each instruction's keyword (upper-cased) and its lines, continuations included (1-based). */
export function instructionLines(text: string, escape = '\\'): Array<{ keyword: string; range: LineRange }> {
  const lines = text.split('\n');
  const out: Array<{ keyword: string; range: LineRange }> = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i].replace(/^[ \t]+/, '');
    i++;
    if (first.trim() === '' || first.startsWith('#')) continue;
    const start = i;
    let line = first;
    let end = i;
    while (line.replace(/[ \t\r]+$/, '').endsWith(escape) && i < lines.length) {
      while (i < lines.length && (lines[i].trim() === '' || lines[i].replace(/^[ \t]+/, '').startsWith('#'))) i++;
      if (i >= lines.length) break;
      line = lines[i];
      i++;
      end = i;
    }
    out.push({ keyword: (/^\S+/.exec(first)?.[0] ?? '').toUpperCase(), range: { start, end } });
  }
  return out;
}

const STEPS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR']);

/** The lines of the instruction a step named `[stage k/N] …` ran, if the name has that form. */
export function stepRange(text: string, vertexName: string): LineRange | null {
  const m = /^\[(?:[^\]\s]+ )?\s*(\d+)\/(\d+)\]/.exec(vertexName);
  if (!m) return null;
  const k = Number(m[1]);
  const steps = instructionLines(text).filter((x) => STEPS.has(x.keyword));
  return steps[k - 1]?.range ?? null;
}

/** Source.Print. */
export function printSource(filename: string, text: string, r: LineRange): string {
  const lines = text.split('\n');
  let start = r.start;
  let end = Math.max(r.start, r.end);
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;
  const pad = end === start ? 4 : 2;
  let p = 0;
  const prepadStart = start;
  while (p < pad) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }
  let out = `${filename}:${prepadStart}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    const pfx = i >= r.start && i <= Math.max(r.start, r.end) ? '>>>' : '   ';
    out += ` ${String(i).padStart(3, ' ')} | ${pfx} ${lines[i - 1]}\n`;
  }
  return out + '--------------------\n';
}
