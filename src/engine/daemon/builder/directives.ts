/** Parser directives the builders refuse instead of reading them as comments. */
import { notSimulated } from '../unsimulated.js';

/**
 * The parser directives the builders do not act on, refused rather than read as comments: a backtick escape (words
 * are expanded with `\` only), and for BuildKit `syntax` (a frontend image from a registry) and `check` (lint
 * settings). The legacy builder ignores those two, as moby's does.
 */
export function refuseDirectives(directives: ReadonlyMap<string, string>, buildkit: boolean): void {
  if (directives.get('escape') === '`') throw notSimulated('the escape parser directive with a backtick');
  if (!buildkit) return;
  if (directives.has('syntax')) throw notSimulated(`the syntax parser directive (the frontend image ${directives.get('syntax')})`);
  if (directives.has('check')) throw notSimulated('the check parser directive');
}
