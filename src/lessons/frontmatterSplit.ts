/**
 * The `---` front matter split off a file's lines, and the id rule: what lessons and decks share (decks import
 * this, not frontmatter.ts, which brings the lessons' checks and with them the docker CLI's command tree).
 */
import type { ErrorList } from './errors.js';

export const ID_PATTERN = /^[a-z0-9-]+$/;

/** The file's lines split at the front matter: `yaml` with its first line number, and the body's first line. */
export function splitFrontMatter(lines: readonly string[], errors: ErrorList): { yaml: string; bodyLine: number } | null {
  if (lines[0]?.trimEnd() !== '---') {
    errors.add(1, 'missing front matter: the file must start with a `---` line');
    return null;
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (end < 0) {
    errors.add(1, 'front matter is not closed: no second `---` line');
    return null;
  }
  return { yaml: lines.slice(1, end).join('\n'), bodyLine: end + 2 };
}
