/**
 * What cobra's generated bash completion (GenBashCompletionV2, `__start_<prog>`) does on Tab: run
 * `<prog> __complete <args> <current word>`, read `candidate<TAB>description` lines and a `:<directive>`
 * line, filter by the current word and, when several are left, pad them with their descriptions.
 */
import { captureOutput } from './run.js';
import type { ShellContext } from '../context.js';

export const DIRECTIVE_ERROR = 1;
export const DIRECTIVE_NO_SPACE = 2;
export const DIRECTIVE_NO_FILE_COMP = 4;

export interface CobraResult {
  readonly matches: string[];
  readonly directive: number;
}

/** Parses `__complete` output: candidate lines, then `:N`. */
export function parseCompleteOutput(out: string): { candidates: string[]; directive: number } {
  const lines = out.split('\n').filter((l) => l !== '');
  let directive = 0;
  const last = lines[lines.length - 1];
  if (last !== undefined && /^:[0-9]+$/.test(last)) {
    directive = Number(last.slice(1));
    lines.pop();
  }
  return { candidates: lines, directive };
}

/** __<prog>_handle_standard_completion_case and __<prog>_format_comp_descriptions. */
export function formatMatches(candidates: readonly string[], cur: string, columns: number): string[] {
  if (!candidates.some((c) => c.includes('\t'))) return candidates.filter((c) => c.startsWith(cur));
  const kept = candidates.filter((c) => c.split('\t')[0].startsWith(cur));
  if (kept.length === 1) return [kept[0].split('\t')[0]];
  const longest = Math.max(0, ...kept.map((c) => c.split('\t')[0].length));
  return kept.map((line) => {
    const tab = line.indexOf('\t');
    if (tab < 0) return line;
    let comp = line.slice(0, tab);
    let desc = line.slice(tab + 1);
    let room = columns - longest - 4;
    if (room > 8) comp = comp.padEnd(longest);
    else room = columns - comp.length - 4;
    if (room > 0) {
      if (desc.length > room) desc = `${desc.slice(0, room - 1)}…`;
      comp += `  (${desc})`;
    }
    return comp;
  });
}

export async function cobraComplete(sh: ShellContext, words: readonly string[], cur: string, columns: number): Promise<CobraResult> {
  const out = await captureOutput(sh, [words[0], '__complete', ...words.slice(1), cur]);
  const { candidates, directive } = parseCompleteOutput(out);
  if (directive & DIRECTIVE_ERROR) return { matches: [], directive };
  return { matches: formatMatches(candidates, cur, columns), directive };
}
