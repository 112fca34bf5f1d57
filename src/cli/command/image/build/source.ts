/**
 * The Dockerfile excerpt buildx prints under a failed build (moby/buildkit solver/errdefs Source.Print): the
 * file name and first line, a rule, the lines around the failing instruction with ` %3d | ` and `>>>` on the
 * instruction's own lines, a rule. BuildKit carries the range in the error; the simulated daemon's error is a
 * message, so the CLI finds the range itself: step `[k/N]` is the k-th instruction that makes a step (FROM,
 * RUN, COPY, ADD, WORKDIR), counted over the file as the frontend numbers them.
 */
import { parseDockerfile, type Node } from '../../../../engine/daemon/builder/dockerfile/parser.js';
import { parseNormalizedNamed, referenceString, tagNameOnly } from '../../../../pkg/reference.js';

export interface LineRange {
  readonly start: number;
  readonly end: number;
}

const STEPS = new Set(['from', 'run', 'copy', 'add', 'workdir']);

/**
 * The lines of the instruction a step named `[stage k/N] …` ran, if the name has that form: the parser's own
 * range (continuations and here-document bodies included, the file's escape token honoured).
 */
export function stepRange(text: string, vertexName: string): LineRange | null {
  const meta = /^\[internal\] load metadata for (\S+)$/.exec(vertexName);
  const m = /^\[(?:[^\]\s]+ )?\s*(\d+)\/(\d+)\]/.exec(vertexName);
  if (!m && !meta) return null;
  let nodes: Node[];
  try {
    nodes = parseDockerfile(text);
  } catch {
    return null;
  }
  // A base's metadata failed: the error carries the location of the first stage FROM that image.
  if (meta) {
    const from = nodes.find((x) => x.cmd === 'from' && normalized(x.args[0] ?? '') === meta[1]);
    return from ? { start: from.startLine, end: from.endLine ?? from.startLine } : null;
  }
  const k = Number(m![1]);
  const n = nodes.filter((x) => STEPS.has(x.cmd))[k - 1];
  return n ? { start: n.startLine, end: n.endLine ?? n.startLine } : null;
}

function normalized(ref: string): string {
  try {
    return referenceString(tagNameOnly(parseNormalizedNamed(ref)));
  } catch {
    return '';
  }
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
