/** Builtins that steer the shell itself: echo, cd, pwd, exit, return, break, shift, eval, source, exec. */
import { findCommand } from '../external.js';
import { SysError } from '../../../engine/kernel/errno.js';
import { isProcessEnd } from '../../../engine/kernel/process.js';
import { resolvePath } from '../../../engine/kernel/syscalls.js';
import { BreakSignal, ExitSignal, ReturnSignal, ShellError } from '../errors.js';
import type { ShellContext } from '../context.js';
import { toOutput } from '../../lib/bytechars.js';
import { echoEscapes } from './escapes.js';

export async function echo(sh: ShellContext, argv: string[]): Promise<number> {
  let newline = true;
  let escapes = sh.flavor === 'dash';
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a.length < 2 || a[0] !== '-' || !/^-[neE]+$/.test(a)) break;
    if (sh.flavor === 'dash' && a !== '-n') break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const r = echoEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  await sh.sys.write(1, toOutput(newline ? `${text}\n` : text));
  return 0;
}

export async function cd(sh: ShellContext, argv: string[]): Promise<number> {
  let physical = false;
  let i = 1;
  // -e only changes the status when the new directory's path cannot be found, which never happens here.
  for (; i < argv.length && /^-[LPe]+$/.test(argv[i]); i++) physical = /P[e]*$/.test(argv[i]) || (physical && !argv[i].includes('L'));
  if (argv[i] === '--') i++;
  else if (sh.flavor === 'bash' && argv[i]?.length > 1 && argv[i].startsWith('-') && argv[i] !== '-') {
    if (argv[i].startsWith('-@')) throw new ShellError('cd: -@: extended attributes are not simulated in dockersim', 1);
    throw new ShellError(`cd: ${argv[i].slice(0, 2)}: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]`, 2);
  }
  const args = argv.slice(i);
  if (args.length > 1 && sh.flavor === 'bash') throw new ShellError('cd: too many arguments', 1);
  let dir: string | undefined = args[0];
  let print = false;
  if (dir === undefined || dir === '') {
    dir = sh.getVar('HOME');
    if (dir === undefined) throw new ShellError('cd: HOME not set', 1);
  } else if (dir === '-') {
    dir = sh.getVar('OLDPWD');
    if (dir === undefined) throw new ShellError('cd: OLDPWD not set', 1);
    print = true;
  }
  const pwd = sh.getVar('PWD') ?? sh.sys.cwd();
  let logical = resolvePath(dir.startsWith('/') ? '/' : pwd, dir);
  try {
    sh.sys.chdir(dir.startsWith('/') ? dir : logical);
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    if (sh.flavor !== 'bash') throw new ShellError(`cd: can't cd to ${dir}`, 2);
    throw new ShellError(`cd: ${dir}: ${e.message}`, 1);
  }
  // `cd -P`: the directory's real path, symbolic links resolved.
  if (physical) logical = sh.sys.cwd();
  sh.setVar('OLDPWD', pwd);
  sh.setVar('PWD', logical);
  if (print) await sh.sys.write(1, `${logical}\n`);
  return 0;
}

export async function pwd(sh: ShellContext, argv: string[]): Promise<number> {
  const physical = argv.includes('-P');
  let p = sh.getVar('PWD');
  if (physical || !p) p = sh.sys.cwd();
  else {
    try {
      if (sh.sys.fs.realpath(p) !== sh.sys.cwd()) p = sh.sys.cwd();
    } catch {
      p = sh.sys.cwd();
    }
  }
  await sh.sys.write(1, `${p}\n`);
  return 0;
}

function statusArg(sh: ShellContext, name: string, a: string | undefined): number {
  if (a === undefined) return sh.status;
  if (!/^[+-]?[0-9]+$/.test(a.trim())) {
    if (sh.flavor !== 'bash') throw new ShellError(`${name}: Illegal number: ${a}`, 2, true);
    throw new ShellError(`${name}: ${a}: numeric argument required`, 2, name === 'exit');
  }
  return Number(a) & 0xff;
}

export async function exit(sh: ShellContext, argv: string[]): Promise<number> {
  if (sh.interactive && sh.flavor === 'bash' && sh.funcDepth >= 0 && sh.sys.pid === sh.rootPid) await sh.writeErr(sh.login ? 'logout\n' : 'exit\n');
  if (argv.length > 2 && sh.flavor === 'bash') {
    await sh.error('exit: too many arguments');
    return 1;
  }
  let code: number;
  try {
    code = statusArg(sh, 'exit', argv[1]);
  } catch (e) {
    if (e instanceof ShellError) {
      await sh.error(e.message);
      throw new ExitSignal(2);
    }
    throw e;
  }
  throw new ExitSignal(code);
}

/** bash's `logout`: `exit` for a login shell (without exit's `logout` line), refused by any other. */
export async function logout(sh: ShellContext, argv: string[]): Promise<number> {
  if (!sh.login) throw new ShellError("logout: not login shell: use `exit'", 1);
  throw new ExitSignal(statusArg(sh, 'logout', argv[1]));
}

export async function ret(sh: ShellContext, argv: string[]): Promise<number> {
  if (sh.funcDepth === 0 && !sh.sourcing) {
    throw new ShellError("return: can only `return' from a function or sourced script", 2);
  }
  throw new ReturnSignal(statusArg(sh, 'return', argv[1]));
}

function loopControl(isContinue: boolean) {
  return async (sh: ShellContext, argv: string[]): Promise<number> => {
    const name = isContinue ? 'continue' : 'break';
    let n = 1;
    if (argv[1] !== undefined) {
      if (!/^[0-9]+$/.test(argv[1])) throw new ShellError(`${name}: ${argv[1]}: numeric argument required`, 128);
      n = Number(argv[1]);
      if (n < 1) throw new ShellError(`${name}: ${argv[1]}: loop count out of range`, 1);
    }
    if (sh.loopDepth === 0) {
      if (sh.flavor === 'bash') await sh.error(`${name}: only meaningful in a \`for', \`while', or \`until' loop`);
      return 0;
    }
    throw new BreakSignal(Math.min(n, sh.loopDepth), isContinue);
  };
}
export const brk = loopControl(false);
export const cont = loopControl(true);

export async function shift(sh: ShellContext, argv: string[]): Promise<number> {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) throw new ShellError(`shift: ${argv[1]}: numeric argument required`, 1);
  if (n > sh.args.length) {
    if (sh.flavor !== 'bash') throw new ShellError("shift: can't shift that many", 2);
    return 1;
  }
  sh.args = sh.args.slice(n);
  return 0;
}

export async function evalBuiltin(sh: ShellContext, argv: string[]): Promise<number> {
  const text = argv.slice(1).join(' ');
  if (!text.trim()) return 0;
  return sh.evalText(text);
}

export async function source(sh: ShellContext, argv: string[]): Promise<number> {
  const file = argv[1];
  if (file === undefined) {
    throw new ShellError(`${argv[0]}: filename argument required\n${argv[0]}: usage: ${argv[0]} filename [arguments]`, 2);
  }
  let path: string | null = file;
  if (!file.includes('/')) {
    path = null;
    for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
      const p = `${dir || '.'}/${file}`;
      try {
        if (sh.sys.fs.stat(p).type === 'file') {
          path = p;
          break;
        }
      } catch {
        /* next */
      }
    }
    if (path === null && sh.flavor === 'bash') path = file;
  }
  let text: string;
  try {
    if (path === null) throw new SysError('ENOENT', 'open', file);
    text = sh.sys.fs.readText(path);
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    if (sh.flavor !== 'bash') throw new ShellError(`${argv[0]}: cannot open ${file}: ${e.code === 'ENOENT' ? 'No such file' : e.message}`, 2, true);
    throw new ShellError(`${file}: ${e.message}`, 1);
  }
  const savedArgs = sh.args;
  if (argv.length > 2) sh.args = argv.slice(2);
  sh.sourcing++;
  try {
    return await sh.runSource(text);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.sourcing--;
    if (argv.length > 2) sh.args = savedArgs;
  }
}

export async function exec(sh: ShellContext, argv: string[]): Promise<number> {
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) return 0;
  const name = args[0];
  const path = name.includes('/') ? name : findCommand(sh, name);
  if (path === null) {
    await sh.error(sh.flavor === 'bash' ? `exec: ${name}: not found` : `exec: ${name}: not found`);
    throw new ExitSignal(127);
  }
  try {
    await sh.sys.exec(path, args, sh.envFor());
  } catch (e) {
    if (isProcessEnd(e) || !(e instanceof SysError)) throw e;
    let msg = e.message;
    try {
      if (sh.sys.fs.stat(path).type === 'dir') msg = 'Is a directory';
    } catch {
      /* missing */
    }
    await sh.error(`${path}: ${msg}`);
    throw new ExitSignal(e.code === 'ENOENT' ? 127 : 126);
  }
  return 0;
}
