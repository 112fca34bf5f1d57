/** The builtin table. A builtin runs inside the shell process, with the shell's own descriptors. */
import type { Builtin } from '../context.js';
import { brk, cd, cont, echo, evalBuiltin, exec, exit, pwd, ret, shift, source } from './core.js';
import { getopts } from './getopts.js';
import { history } from './history.js';
import { completeBuiltin } from '../readline/builtin.js';
import { bg, fg, jobs, kill, trap, wait } from './jobs.js';
import { alias, builtin, command, falseBuiltin, shopt, trueBuiltin, type, umask, unalias } from './misc.js';
import { printfBuiltin } from './printf.js';
import { testBuiltin } from './test.js';
import { ulimit } from './ulimit.js';
import { declare, exportBuiltin, letBuiltin, local, read, readonly, set, unset } from './vars.js';

export type { Builtin } from '../context.js';

const noop: Builtin = async () => 0;

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  ':': trueBuiltin,
  true: trueBuiltin,
  false: falseBuiltin,
  echo,
  printf: printfBuiltin,
  cd,
  pwd,
  exit,
  return: ret,
  break: brk,
  continue: cont,
  shift,
  eval: evalBuiltin,
  source,
  '.': source,
  exec,
  export: exportBuiltin,
  unset,
  set,
  local,
  declare,
  typeset: declare,
  readonly,
  let: letBuiltin,
  read,
  test: testBuiltin,
  '[': testBuiltin,
  wait,
  jobs,
  fg,
  bg,
  kill,
  trap,
  type,
  command,
  builtin,
  alias,
  unalias,
  umask,
  hash: noop,
  getopts,
  history,
  shopt,
  complete: completeBuiltin,
  ulimit,
};

/** Builtins missing from dash and busybox ash. */
export const BASH_ONLY: ReadonlySet<string> = new Set(['source', 'declare', 'typeset', 'let', 'builtin', 'shopt', 'history', 'complete']);

/** POSIX special builtins: assignments before them stay set. */
export const SPECIAL_BUILTINS: ReadonlySet<string> = new Set([
  ':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset',
]);
