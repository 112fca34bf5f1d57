/**
 * Variables bash keeps up to date itself: `$_` (the last argument of the previous command, and the path of the
 * command in that command's environment), `BASHPID`, `$PIPESTATUS` (the array is in ./arrays.ts), and `LINES`/`COLUMNS` from the terminal (readline at
 * each prompt, checkwinsize after each external command). dash and busybox ash set none of them.
 */
import type { ShellContext } from './context.js';

/** The values of bash's dynamic parameters, or undefined when `name` is none of them (or the shell is not bash). */
export function dynamicParam(sh: ShellContext, name: string): string | undefined {
  if (sh.flavor !== 'bash') return undefined;
  if (name === 'BASHPID') return String(sh.sys.pid);
  if (name === '_') return sh.lastArg;
  if (name === 'PIPESTATUS') return String(sh.pipestatus[0] ?? 0);
  return undefined;
}

/** After a simple command: `$_` becomes its last argument, after expansion. */
export function noteLastArg(sh: ShellContext, argv: readonly string[]): void {
  if (sh.flavor === 'bash' && argv.length > 0) sh.lastArg = argv[argv.length - 1];
}

/** The environment of an external command: bash puts `_=` the command's path last. */
export function commandEnv(sh: ShellContext, env: Record<string, string>, path: string): Record<string, string> {
  if (sh.flavor !== 'bash') return env;
  const out: Record<string, string> = {};
  for (const k in env) if (k !== '_') out[k] = env[k];
  out._ = path;
  return out;
}

/**
 * checkwinsize (on by default in bash 5): LINES and COLUMNS, shell variables (not exported), follow the size of
 * the terminal on `fd` when it is one.
 */
export function checkWinSize(sh: ShellContext, fd: number): void {
  if (sh.flavor !== 'bash' || !sh.sys.isatty(fd)) return;
  const ws = sh.sys.getWinSize(fd);
  if (sh.getVar('LINES') !== String(ws.rows)) sh.setVar('LINES', String(ws.rows));
  if (sh.getVar('COLUMNS') !== String(ws.cols)) sh.setVar('COLUMNS', String(ws.cols));
}
