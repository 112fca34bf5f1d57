/** Shell start-up: option parsing, start-up files, and the three ways of reading commands (-c, file, stdin). */
import type { Sys } from '../../engine/kernel/sys.js';
import { ExitSignal, ReturnSignal, ShellError } from './errors.js';
import { interactiveLoop } from './interactive.js';
import { ParseError, Parser } from './parser.js';
import { readRecord } from './builtins/vars.js';
import type { Flavor } from './context.js';
import { Shell } from './shell.js';
import { registerShell } from './introspect.js';

export interface RunShellOptions {
  readonly flavor: Flavor;
  readonly argv: readonly string[];
}

export const BASH_VERSION = '5.2.21(1)-release';

interface Invocation {
  command?: string;
  script?: string;
  args: string[];
  interactive: boolean;
  login: boolean;
  norc: boolean;
  set: string[];
}

function parseArgs(sh: Shell, argv: readonly string[]): Invocation | string {
  const inv: Invocation = { args: [], interactive: false, login: (argv[0] ?? '').startsWith('-'), norc: false, set: [] };
  let wantCommand = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (a === '--login') inv.login = true;
    else if (a === '--norc' || a === '--noprofile' || a === '--posix' || a === '--noediting') inv.norc ||= a === '--norc';
    else if (a.startsWith('--')) return `${a}: invalid option`;
    else if ((a[0] === '-' || a[0] === '+') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c === 'c') wantCommand = true;
        else if (c === 'i') inv.interactive = true;
        else if (c === 'l') inv.login = true;
        else if (c === 's') continue;
        else if (c === 'o') inv.set.push(`${a[0]}o`, argv[++i] ?? '');
        else inv.set.push(`${a[0]}${c}`);
      }
    } else break;
  }
  const rest = argv.slice(i);
  if (wantCommand) {
    if (rest.length === 0) return sh.flavor === 'bash' ? '-c: option requires an argument' : '-c requires an argument';
    inv.command = rest[0];
    if (rest.length > 1) {
      sh.name = rest[1];
      sh.diagName = undefined;
    }
    inv.args = rest.slice(2);
  } else if (rest.length > 0 && !argv.includes('-s')) {
    inv.script = rest[0];
    inv.args = rest.slice(1);
  } else inv.args = rest;
  return inv;
}

function initVars(sh: Shell, sys: Sys): void {
  for (const [k, v] of Object.entries(sys.env)) sh.setVar(k, v, { export: true });
  if (sh.getVar('IFS') === undefined) sh.setVar('IFS', ' \t\n');
  if (sh.getVar('PATH') === undefined) sh.setVar('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  sh.setVar('PS2', '> ');
  sh.setVar('PS4', '+ ');
  sh.setVar('OPTIND', '1');
  sh.setVar('PPID', String(sys.ppid));
  const cwd = sys.cwd();
  const envPwd = sh.getVar('PWD');
  let pwdOk = false;
  try {
    pwdOk = envPwd !== undefined && envPwd.startsWith('/') && sys.fs.realpath(envPwd) === cwd;
  } catch {
    pwdOk = false;
  }
  sh.setVar('PWD', pwdOk ? envPwd! : cwd, { export: true });
  const lvl = Number(sh.getVar('SHLVL') ?? '0');
  sh.setVar('SHLVL', String(Number.isInteger(lvl) && lvl >= 0 ? lvl + 1 : 1), { export: true });
  if (sh.flavor === 'bash') {
    sh.setVar('BASH', '/usr/bin/bash');
    sh.setVar('BASH_VERSION', BASH_VERSION);
    sh.setVar('HOSTNAME', sys.hostname());
    sh.setVar('UID', String(sys.cred.uid));
    sh.setVar('EUID', String(sys.euid));
    sh.setVar('HOSTTYPE', 'x86_64');
    sh.setVar('OSTYPE', 'linux-gnu');
    sh.setVar('MACHTYPE', 'x86_64-pc-linux-gnu');
  }
}

async function sourceIfExists(sh: Shell, path: string): Promise<boolean> {
  let text: string;
  try {
    if (!sh.sys.fs.exists(path)) return false;
    text = sh.sys.fs.readText(path);
  } catch {
    return false;
  }
  const savedName = sh.name;
  sh.sourcing++;
  try {
    await sh.runSource(text);
  } catch (e) {
    if (!(e instanceof ShellError) && !(e instanceof ReturnSignal)) throw e;
  } finally {
    sh.sourcing--;
    sh.name = savedName;
  }
  return true;
}

async function startupFiles(sh: Shell, inv: Invocation): Promise<void> {
  const home = sh.getVar('HOME') ?? '/';
  if (inv.login) {
    await sourceIfExists(sh, '/etc/profile');
    if (sh.flavor === 'bash') {
      for (const f of ['.bash_profile', '.bash_login', '.profile']) if (await sourceIfExists(sh, `${home}/${f}`)) break;
    } else await sourceIfExists(sh, `${home}/.profile`);
  } else if (sh.flavor === 'bash' && sh.interactive && !inv.norc) {
    await sourceIfExists(sh, '/etc/bash.bashrc');
    await sourceIfExists(sh, `${home}/.bashrc`);
  }
  if (sh.flavor !== 'bash' && sh.interactive) {
    const env = sh.getVar('ENV');
    if (env) await sourceIfExists(sh, env);
  }
}

/** Runs a shell process: `bash`, `dash` (sh on Ubuntu) or busybox `ash`. Returns the exit status. */
export async function runShell(sys: Sys, opts: RunShellOptions): Promise<number> {
  const sh = new Shell(sys, opts.flavor);
  registerShell(sys.env, () => sh.envFor());
  const argv = opts.argv;
  const argv0 = argv[0] ?? opts.flavor;
  sh.name = argv0;
  // bash names itself by the basename of argv[0] in diagnostics ($0 keeps the path): `bash: foo: …`.
  if (sh.flavor === 'bash') sh.diagName = argv0.slice(argv0.lastIndexOf('/') + 1);
  const inv = parseArgs(sh, argv);
  if (typeof inv === 'string') {
    await sh.writeErr(`${argv0.replace(/^-/, '')}: ${sh.flavor === 'bash' ? '' : '0: '}${inv}\n`);
    return 2;
  }
  initVars(sh, sys);
  sh.args = inv.args;
  for (let i = 0; i < inv.set.length; i++) {
    const s = inv.set[i];
    const setArgs = s.endsWith('o') && s.length === 2 ? [s, inv.set[++i]] : [s];
    await sh.runBuiltin('set', sh.lookupBuiltin('set')!, ['set', ...setArgs]);
  }
  sh.interactive = inv.interactive || (inv.command === undefined && inv.script === undefined && sys.isatty(0) && sys.isatty(2));
  sh.readsStdin = inv.command === undefined && inv.script === undefined;
  // bash turns history expansion on for an interactive shell; its startup files may turn it off.
  if (sh.interactive && sh.flavor === 'bash' && !inv.set.some((s) => /^\+.*H/.test(s))) sh.opts.histexpand = true;
  let status = 0;
  {
    try {
      if (sh.interactive) {
        sh.opts.monitor = sys.isatty(0);
        if (sh.flavor === 'bash' && sh.getVar('PS1') === undefined) sh.setVar('PS1', '\\s-\\v\\$ ');
        if (sh.flavor === 'dash' && sh.getVar('PS1') === undefined) sh.setVar('PS1', sys.euid === 0 ? '# ' : '$ ');
        if (sh.flavor === 'ash' && sh.getVar('PS1') === undefined) sh.setVar('PS1', '\\w \\$ ');
        sh.login = inv.login;
        for (const sig of ['SIGINT', 'SIGQUIT', 'SIGTERM'] as const) sys.signal(sig, sh.interactiveHandler);
        await startupFiles(sh, inv);
        status = await interactiveLoop(sh);
      } else {
        if (inv.login) await startupFiles(sh, inv);
        if (inv.command !== undefined) {
          sh.commandString = true;
          status = await sh.runSource(inv.command);
        } else if (inv.script !== undefined) status = await runScriptFile(sh, inv.script);
        else status = await runStdin(sh);
      }
    } catch (e) {
      status = await sh.settle(e);
    }
  }
  return runExitTrap(sh, status);
}

export async function runExitTrap(sh: Shell, status: number): Promise<number> {
  const cmd = sh.traps.get('EXIT');
  if (!cmd) return status;
  sh.traps.delete('EXIT');
  sh.status = status;
  try {
    await sh.runSource(cmd, { cacheable: true });
  } catch (e) {
    if (e instanceof ExitSignal) return e.status;
    return sh.settle(e);
  }
  return status;
}

async function runScriptFile(sh: Shell, path: string): Promise<number> {
  let text: string;
  try {
    const st = sh.sys.fs.stat(path);
    if (st.type === 'dir') {
      await sh.writeErr(`${sh.name}: ${path}: Is a directory\n`);
      return 126;
    }
    text = sh.sys.fs.readText(path);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (sh.flavor === 'bash') await sh.writeErr(`${sh.name}: ${path}: ${msg}\n`);
    else await sh.writeErr(`${sh.name}: 0: cannot open ${path}: ${msg === 'No such file or directory' ? 'No such file' : msg}\n`);
    return sh.flavor === 'bash' ? 127 : 2;
  }
  sh.diagName = undefined;
  sh.name = path;
  if (text.startsWith('\x7fELF')) {
    await sh.writeErr(`${path}: ${path}: cannot execute binary file\n`);
    return 126;
  }
  return sh.runSource(text);
}

/** A script on standard input: read and run one complete command at a time, as bash does with a pipe. */
async function runStdin(sh: Shell): Promise<number> {
  let pending = '';
  let startLine = 1;
  let status = 0;
  for (;;) {
    const rec = await readRecord(sh, 0);
    const eof = rec === null;
    if (!eof) {
      const line = rec.complete ? `${rec.text}\n` : rec.text;
      if (sh.opts.verbose) await sh.echoInput(line);
      pending += line;
    }
    if (pending === '' && eof) return status;
    let list;
    try {
      list = new Parser(pending, { final: eof, line: startLine, posix: sh.flavor !== 'bash' }).parseAll();
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      if (e.incomplete && !eof) continue;
      return sh.reportParseError(e, pending);
    }
    startLine += (pending.match(/\n/g) ?? []).length;
    pending = '';
    if (!sh.opts.noexec) status = await sh.runListDiscarding(list);
    if (eof) return status;
  }
}
