/** Parameter lookup: the special parameters (`$?`, `$#`, `$-`…), positional ones, and `~user`. */
import type { Sys } from '../../engine/kernel/sys.js';
import { dynamicParam } from './bashvars.js';
import type { ShellContext } from './context.js';

/** `$name` for any parameter name: special, positional, dynamic, or else a variable. */
export function getParam(sh: ShellContext, name: string): string | undefined {
  const c = name.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const n = Number(name);
    return n === 0 ? sh.name : sh.args[n - 1];
  }
  switch (name) {
    case '?':
      return String(sh.status);
    case '#':
      return String(sh.args.length);
    case '$':
      return String(sh.rootPid);
    case '!':
      return sh.lastBg === undefined ? undefined : String(sh.lastBg);
    case '@':
    case '*':
      return sh.args.join(' ');
    case '-':
      return flagString(sh);
    case 'RANDOM':
      if (!sh.vars.has('RANDOM') || sh.flavor === 'bash') return String(Math.floor(sh.sys.random() * 32768));
      break;
    case 'LINENO':
      return String(sh.lineno);
    case 'BASHPID':
    case 'PIPESTATUS':
    case '_':
      return dynamicParam(sh, name) ?? sh.getVar(name);
  }
  return sh.getVar(name);
}

/** `$-`: the single-letter options in effect, in bash's order. */
function flagString(sh: ShellContext): string {
  let s = '';
  if (sh.opts.errexit) s += 'e';
  if (sh.opts.noglob) s += 'f';
  s += 'h';
  if (sh.interactive || sh.interactiveShell) s += 'i';
  if (sh.opts.monitor || sh.shownMonitor) s += 'm';
  if (sh.opts.nounset) s += 'u';
  if (sh.opts.xtrace) s += 'x';
  if (sh.flavor !== 'bash') return s;
  s += 'B';
  if (sh.opts.noclobber) s += 'C';
  if (sh.opts.histexpand) s += 'H';
  if (sh.readsStdin) s += 's';
  if (sh.commandString) s += 'c';
  return s;
}

/** `~`, `~+`, `~-` and `~user`; an unknown user stays as written. */
export function tilde(sh: ShellContext, user: string): string {
  if (user === '') return sh.getVar('HOME') ?? '/';
  if (user === '+') return sh.getVar('PWD') ?? sh.sys.cwd();
  if (user === '-' && sh.getVar('OLDPWD') !== undefined) return sh.getVar('OLDPWD')!;
  const home = lookupPasswd(sh.sys, (f) => f[0] === user)?.[5];
  return home ?? `~${user}`;
}

/** A passwd entry's fields, or undefined. */
export function lookupPasswd(sys: Sys, pred: (fields: string[]) => boolean): string[] | undefined {
  try {
    for (const line of sys.fs.readText('/etc/passwd').split('\n')) {
      const f = line.split(':');
      if (f.length >= 7 && pred(f)) return f;
    }
  } catch {
    /* no passwd */
  }
  return undefined;
}
