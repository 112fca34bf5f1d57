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
import { ShellError } from '../errors.js';
import { brk, cd, cont, echo, evalBuiltin, exec, exit, logout, pwd, ret, shift, source } from './core.js';
import { dirs, popd, pushd } from './dirstack.js';
import { hash } from './hash.js';
import { times } from '../timing.js';
import { history } from './history.js';
import { completeBuiltin } from '../readline/builtin.js';
import { alias, builtin, command, falseBuiltin, shopt, trueBuiltin, type, umask, unalias } from './misc.js';
import { testBuiltin } from './test.js';
import { exportBuiltin, set, unset } from './vars.js';

export type { Builtin } from '../context.js';

/**
 * bash builtins the simulator does not model: they exist (so `type help` tells the truth) and refuse in one line,
 * rather than `command not found`, which would tell a learner bash has no such thing.
 */
const unsimulated: Builtin = async (_sh, argv) => {
  throw new ShellError(`${argv[0]}: this builtin is not simulated in dockersim`, 2);
};

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
  hash,
  getopts,
  history,
  shopt,
  complete: completeBuiltin,
  ulimit,
  logout,
  pushd,
  popd,
  dirs,
  help: unsimulated,
  enable: unsimulated,
  bind: unsimulated,
  fc: unsimulated,
  caller: unsimulated,
  compgen: unsimulated,
  compopt: unsimulated,
  suspend: unsimulated,
  disown: unsimulated,
  times: (sh) => times(sh),
  mapfile: unsimulated,
  readarray: unsimulated,
};

/** Builtins missing from dash and busybox ash. */
export const BASH_ONLY: ReadonlySet<string> = new Set([
  'source', 'declare', 'typeset', 'let', 'builtin', 'shopt', 'history', 'complete', 'logout', 'pushd', 'popd', 'dirs', 'help', 'enable',
  'bind', 'fc', 'caller', 'compgen', 'compopt', 'disown', 'mapfile', 'readarray', 'suspend',
]);

/** POSIX special builtins: assignments before them stay set. */
export const SPECIAL_BUILTINS: ReadonlySet<string> = new Set([
  ':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset',
]);
