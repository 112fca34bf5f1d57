/** The coreutils-style programs, by the command name their binaries use (/usr/bin/ls → 'ls'). */
import type { Program } from '../../engine/kernel/sys.js';
import { cat } from './cat.js';
import { chmod, chown } from './chmod.js';
import { cp, mv } from './cp.js';
import { date } from './date.js';
import { dircolors } from './dircolors.js';
import { df, du } from './disk.js';
import { echo } from './echo.js';
import { env, printenv, which } from './env.js';
import { expr } from './expr.js';
import { find } from './find.js';
import { grep } from './grep.js';
import { head } from './head.js';
import { id, whoami } from './id.js';
import { ln } from './ln.js';
import { ls } from './ls.js';
import { mkdir, rmdir } from './mkdir.js';
import { mount, umount } from './mount.js';
import { od } from './od.js';
import { basename, dirname, mktemp, readlink, realpath } from './paths.js';
import { printf } from './printf.js';
import { rm } from './rm.js';
import { seq } from './seq.js';
import { sort } from './sort.js';
import { stat } from './stat.js';
import { tee, yes } from './stream.js';
import { clear, hostname, nproc, pwd, sleep, stty, sync, tty, uname } from './sysinfo.js';
import { tail } from './tail.js';
import { timeout } from './timeout.js';
import { bracket, testCmd } from './test.js';
import { cut, tac, tr, uniq } from './text.js';
import { touch } from './touch.js';
import { falseProgram, trueProgram } from './truefalse.js';
import { wc } from './wc.js';
import { xargs } from './xargs.js';

export const coreutils: Record<string, Program> = {
  '[': bracket,
  basename,
  cat,
  chmod,
  chown,
  clear,
  cp,
  cut,
  date,
  dircolors,
  df,
  dirname,
  du,
  echo,
  env,
  expr,
  false: falseProgram,
  find,
  grep,
  head,
  hostname,
  id,
  ln,
  ls,
  mkdir,
  mktemp,
  mount,
  mv,
  nproc,
  od,
  printenv,
  printf,
  pwd,
  readlink,
  realpath,
  rm,
  rmdir,
  seq,
  sleep,
  sort,
  stat,
  stty,
  sync,
  tac,
  tail,
  tee,
  timeout,
  test: testCmd,
  touch,
  tr,
  true: trueProgram,
  tty,
  umount,
  uname,
  uniq,
  wc,
  which,
  whoami,
  xargs,
  yes,
};
