/** Parser directives the builders refuse instead of reading them as comments. */
import { notSimulated } from '../unsimulated.js';

/**
 * The parser directives BuildKit mode does not act on, refused rather than read as comments: `syntax` (a frontend
 * image from a registry) and `check` (lint settings). The legacy builder ignores both, as moby's does; `escape`
 * is the parser's own.
 */
export function refuseDirectives(directives: ReadonlyMap<string, string>, buildkit: boolean): void {
  if (!buildkit) return;
  if (directives.has('syntax')) throw notSimulated(`the syntax parser directive (the frontend image ${directives.get('syntax')})`);
  if (directives.has('check')) throw notSimulated('the check parser directive');
}
