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

/** `$-`: the single-letter options in effect, in bash's order (flags.c's table, then `c` and `s`). */
function flagString(sh: ShellContext): string {
  const o = sh.opts;
  const interactive = sh.interactive || sh.interactiveShell;
  const monitor = o.monitor || sh.shownMonitor;
  if (sh.flavor !== 'bash') {
    return `${o.errexit ? 'e' : ''}${o.noglob ? 'f' : ''}h${interactive ? 'i' : ''}${monitor ? 'm' : ''}${o.nounset ? 'u' : ''}${o.xtrace ? 'x' : ''}`;
  }
  let s = '';
  if (o.allexport) s += 'a';
  if (o.errexit) s += 'e';
  if (o.noglob) s += 'f';
  if (o.hashall) s += 'h';
  if (interactive) s += 'i';
  if (monitor) s += 'm';
  if (o.noexec) s += 'n';
  if (o.nounset) s += 'u';
  if (o.verbose) s += 'v';
  if (o.xtrace) s += 'x';
  if (o.braceexpand) s += 'B';
  if (o.noclobber) s += 'C';
  if (o.histexpand) s += 'H';
  if (sh.commandString) s += 'c';
  if (sh.readsStdin) s += 's';
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
