/** Lookup and small builtins: type, command, builtin, alias, unalias, umask, hash, true, false. */
import { findCommand } from '../external.js';
import { ShellError } from '../errors.js';
import type { ShellContext } from '../context.js';
import { shellQuote } from './vars.js';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', '{', '}', '!', '[[', ']]', 'time', 'select', 'coproc']);

type Kind = 'alias' | 'keyword' | 'function' | 'builtin' | 'file';

function classify(sh: ShellContext, name: string): { kind: Kind; detail: string } | undefined {
  const alias = sh.aliases.get(name);
  if (alias !== undefined) return { kind: 'alias', detail: alias };
  if (KEYWORDS.has(name)) return { kind: 'keyword', detail: '' };
  if (sh.funcs.has(name)) return { kind: 'function', detail: '' };
  if (sh.lookupBuiltin(name)) return { kind: 'builtin', detail: '' };
  const path = name.includes('/') ? (sh.sys.fs.exists(name) ? name : null) : findCommand(sh, name);
  return path ? { kind: 'file', detail: path } : undefined;
}

export async function type(sh: ShellContext, argv: string[]): Promise<number> {
  let mode: 't' | 'p' | '' = '';
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '-t') mode = 't';
    else if (a === '-p' || a === '-P') mode = 'p';
    else if (a === '-a' || a === '-f') continue;
    else names.push(a);
  }
  let status = 0;
  let out = '';
  for (const n of names) {
    const c = classify(sh, n);
    if (!c) {
      if (mode === '') {
        await sh.sys.write(1, out);
        out = '';
        if (sh.flavor === 'bash') await sh.error(`type: ${n}: not found`);
        else await sh.sys.write(1, `${n}: not found\n`);
      }
      status = sh.flavor === 'bash' ? 1 : 127;
      continue;
    }
    if (mode === 't') out += `${c.kind}\n`;
    else if (mode === 'p') out += c.kind === 'file' ? `${c.detail}\n` : '';
    else if (c.kind === 'alias') out += `${n} is aliased to \`${c.detail}'\n`;
    else if (c.kind === 'keyword') out += `${n} is a shell keyword\n`;
    else if (c.kind === 'function') out += `${n} is a function\n`;
    else if (c.kind === 'builtin') out += `${n} is a shell builtin\n`;
    else out += `${n} is ${c.detail}\n`;
  }
  await sh.sys.write(1, out);
  return status;
}

export async function command(sh: ShellContext, argv: string[]): Promise<number> {
  let i = 1;
  let mode = '';
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    if (argv[i].includes('v')) mode = 'v';
    else if (argv[i].includes('V')) mode = 'V';
  }
  const rest = argv.slice(i);
  if (mode === 'V') return type(sh, ['type', ...rest]);
  if (mode === 'v') {
    let out = '';
    let status = 0;
    for (const n of rest) {
      const c = classify(sh, n);
      if (!c) status = 1;
      else if (c.kind === 'alias') out += `alias ${n}=${shellQuote(c.detail)}\n`;
      else out += `${c.kind === 'file' ? c.detail : n}\n`;
    }
    await sh.sys.write(1, out);
    return status;
  }
  if (rest.length === 0) return 0;
  return sh.runArgv(rest, { skipFunctions: true });
}

export async function builtin(sh: ShellContext, argv: string[]): Promise<number> {
  if (argv.length < 2) return 0;
  const fn = sh.lookupBuiltin(argv[1]);
  if (!fn) throw new ShellError(`builtin: ${argv[1]}: not a shell builtin`, 1);
  return sh.runBuiltin(argv[1], fn, argv.slice(1));
}

export async function alias(sh: ShellContext, argv: string[]): Promise<number> {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    let out = '';
    for (const n of [...sh.aliases.keys()].sort()) out += `alias ${n}='${sh.aliases.get(n)!.replace(/'/g, "'\\''")}'\n`;
    await sh.sys.write(1, out);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else {
      const v = sh.aliases.get(a);
      if (v === undefined) {
        await sh.error(`alias: ${a}: not found`);
        status = 1;
      } else await sh.sys.write(1, `alias ${a}='${v.replace(/'/g, "'\\''")}'\n`);
    }
  }
  return status;
}

export async function unalias(sh: ShellContext, argv: string[]): Promise<number> {
  let status = 0;
  for (const a of argv.slice(1)) {
    if (a === '-a') sh.aliases.clear();
    else if (!sh.aliases.delete(a)) {
      await sh.error(`unalias: ${a}: not found`);
      status = 1;
    }
  }
  return status;
}

export async function umask(sh: ShellContext, argv: string[]): Promise<number> {
  const symbolic = argv.includes('-S');
  const arg = argv.slice(1).find((a) => a !== '-S' && a !== '-p');
  if (arg === undefined) {
    const m = sh.sys.umask();
    sh.sys.umask(m);
    if (symbolic) {
      const part = (shift: number): string => {
        const bits = ~(m >> shift) & 7;
        return `${bits & 4 ? 'r' : ''}${bits & 2 ? 'w' : ''}${bits & 1 ? 'x' : ''}`;
      };
      await sh.sys.write(1, `u=${part(6)},g=${part(3)},o=${part(0)}\n`);
    } else await sh.sys.write(1, `${m.toString(8).padStart(4, '0')}\n`);
    return 0;
  }
  if (!/^[0-7]{1,4}$/.test(arg)) throw new ShellError(`umask: ${arg}: octal number out of range`, 1);
  sh.sys.umask(parseInt(arg, 8));
  return 0;
}

export const trueBuiltin = async (): Promise<number> => 0;
export const falseBuiltin = async (): Promise<number> => 1;

const SHOPT_DEFAULTS = ['checkwinsize', 'cmdhist', 'complete_fullquote', 'expand_aliases', 'extquote', 'force_fignore', 'globasciiranges', 'hostcomplete', 'interactive_comments', 'patsub_replacement', 'progcomp', 'promptvars', 'sourcepath'];
const SHOPT_ALL = [...SHOPT_DEFAULTS, 'autocd', 'cdspell', 'dotglob', 'extglob', 'failglob', 'globstar', 'histappend', 'lastpipe', 'nocaseglob', 'nocasematch', 'nullglob', 'xpg_echo'].sort();

/** `shopt`: bash's extra options are recorded (and listed) but only change what start-up files test. */
export async function shopt(sh: ShellContext, argv: string[]): Promise<number> {
  let mode: 's' | 'u' | '' = '';
  let quiet = false;
  let setOpts = false;
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (/^-[suqop]+$/.test(a)) {
      if (a.includes('s')) mode = 's';
      if (a.includes('u')) mode = 'u';
      if (a.includes('q')) quiet = true;
      if (a.includes('o')) setOpts = true;
    } else names.push(a);
  }
  const on = sh.shopts ??= new Set(SHOPT_DEFAULTS);
  if (setOpts) {
    const map: Record<string, boolean> = { errexit: sh.opts.errexit, xtrace: sh.opts.xtrace, nounset: sh.opts.nounset, pipefail: sh.opts.pipefail, noglob: sh.opts.noglob, monitor: sh.opts.monitor, posix: false };
    return names.every((n) => map[n]) ? 0 : 1;
  }
  for (const n of names) {
    if (!SHOPT_ALL.includes(n)) throw new ShellError(`shopt: ${n}: invalid shell option name`, 1);
  }
  if (mode) {
    for (const n of names) {
      if (mode === 's') on.add(n);
      else on.delete(n);
    }
    return 0;
  }
  const list = names.length ? names : SHOPT_ALL;
  if (!quiet) await sh.sys.write(1, list.map((n) => `${n.padEnd(15)}\t${on.has(n) ? 'on' : 'off'}\n`).join(''));
  return list.every((n) => on.has(n)) ? 0 : 1;
}
