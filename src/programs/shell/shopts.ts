/** bash's `shopt` options as the rest of the shell reads them (the `shopt` builtin, in builtins/misc.ts, sets them). */
import type { ShellContext } from './context.js';

export function shoptOn(sh: ShellContext, name: string): boolean {
  return sh.shopts !== undefined && sh.shopts.has(name);
}
