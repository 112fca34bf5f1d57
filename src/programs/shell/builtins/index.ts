/**
 * The builtin table. A builtin runs inside the shell process, with the shell's own descriptors.
 *
 * The builtins no login runs before its first prompt (job control, trap, kill, printf, getopts, ulimit,
 * local, declare, readonly, let, read) are
 * in the table from the start, but their code is in `LATE_BUILTINS`, filled by the code a page loads after
 * that prompt (machine/late.ts): `type printf` and the lookup order are the same either way.
 */
import { LateSlot } from '../../../engine/kernel/late.js';
import type { Builtin } from '../context.js';
import { brk, cd, cont, echo, evalBuiltin, exec, exit, pwd, ret, shift, source } from './core.js';
import { history } from './history.js';
import { completeBuiltin } from '../readline/builtin.js';
import { alias, builtin, command, falseBuiltin, shopt, trueBuiltin, type, umask, unalias } from './misc.js';
import { testBuiltin } from './test.js';
import { exportBuiltin, set, unset } from './vars.js';

export type { Builtin } from '../context.js';

const noop: Builtin = async () => 0;

/** The builtins whose code comes after the first prompt (builtins/late.ts). */
export type LateBuiltinName =
  | 'wait' | 'jobs' | 'fg' | 'bg' | 'kill' | 'trap' | 'printf' | 'getopts' | 'ulimit'
  | 'local' | 'declare' | 'readonly' | 'let' | 'read';

export const LATE_BUILTINS = new LateSlot<Readonly<Record<LateBuiltinName, Builtin>>>('a shell builtin');

const late = (name: LateBuiltinName): Builtin => (sh, argv) => LATE_BUILTINS.get()[name](sh, argv);

const wait = late('wait');
const jobs = late('jobs');
const fg = late('fg');
const bg = late('bg');
const kill = late('kill');
const trap = late('trap');
const printfBuiltin = late('printf');
const getopts = late('getopts');
const ulimit = late('ulimit');
const local = late('local');
const declare = late('declare');
const readonly = late('readonly');
const letBuiltin = late('let');
const read = late('read');

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
