/** Lookup and small builtins: type, command, builtin, alias, unalias, umask, true, false. */
import { findCommand } from '../external.js';
import { ShellError } from '../errors.js';
import type { ShellContext } from '../context.js';
import { set, setOptionValues, shellQuote } from './vars.js';
import { functionText } from '../printcmd.js';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', '{', '}', '!', '[[', ']]', 'time', 'select', 'coproc']);

type Kind = 'alias' | 'keyword' | 'function' | 'builtin' | 'file';

interface Found {
  kind: Kind;
  detail: string;
  hashed?: boolean;
}

interface DescribeFlags {
  /** `-a`: every way the name is found, each PATH directory's file too. */
  all?: boolean;
  /** `-f`: functions are not looked at. */
  noFuncs?: boolean;
  /** `-P`: a PATH search only. */
  forcePath?: boolean;
}

function executable(sh: ShellContext, p: string): boolean {
  try {
    return sh.sys.fs.stat(p).type === 'file' && sh.sys.fs.access(p, 'x');
  } catch {
    return false;
  }
}

/** bash's describe_command (builtins/type.def): what running `name` would run, in the order bash looks. */
function describe(sh: ShellContext, name: string, f: DescribeFlags = {}): Found[] {
  const found: Found[] = [];
  const done = (): boolean => found.length > 0 && !f.all;
  if (!f.forcePath) {
    const alias = sh.interactive || sh.expandAliases ? sh.aliases.get(name) : undefined;
    if (alias !== undefined) found.push({ kind: 'alias', detail: alias });
    if (done()) return found;
    if (KEYWORDS.has(name)) found.push({ kind: 'keyword', detail: '' });
    if (done()) return found;
    if (!f.noFuncs && sh.funcs.has(name)) found.push({ kind: 'function', detail: '' });
    if (done()) return found;
    if (sh.lookupBuiltin(name)) found.push({ kind: 'builtin', detail: '' });
    if (done()) return found;
  }
  if (name.includes('/')) {
    if (executable(sh, name)) found.push({ kind: 'file', detail: name });
    return found;
  }
  if (sh.flavor === 'bash' && sh.opts.hashall && (!f.all || f.forcePath)) {
    const hashed = sh.commandHash.find(name);
    if (hashed !== undefined) return [...found, { kind: 'file', detail: hashed, hashed: true }];
  }
  if (!f.all) {
    const path = findCommand(sh, name);
    if (path !== null) found.push({ kind: 'file', detail: path });
    return found;
  }
  for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
    const p = `${dir || '.'}/${name}`;
    if (executable(sh, p)) found.push({ kind: 'file', detail: p });
  }
  return found;
}

export async function type(sh: ShellContext, argv: string[]): Promise<number> {
  let mode: 't' | 'p' | '' = '';
  const flags: DescribeFlags = {};
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    const long = { '-type': 't', '--type': 't', '-path': 'p', '--path': 'p', '-all': 'a', '--all': 'a' }[a];
    for (const c of long ?? a.slice(1)) {
      if (c === 'a') flags.all = true;
      else if (c === 'f') flags.noFuncs = true;
      else if (c === 't') mode = 't';
      else if (c === 'p') mode = 'p';
      else if (c === 'P') {
        mode = 'p';
        flags.forcePath = true;
      } else throw new ShellError(`type: -${c}: invalid option\ntype: usage: type [-afptP] name [name ...]`, 2);
    }
  }
  let status = 0;
  let out = '';
  for (const n of argv.slice(i)) {
    const found = describe(sh, n, flags);
    if (found.length === 0) {
      if (mode === '') {
        await sh.sys.write(1, out);
        out = '';
        if (sh.flavor === 'bash') await sh.error(`type: ${n}: not found`);
        else await sh.sys.write(1, `${n}: not found\n`);
      }
      status = sh.flavor === 'bash' ? 1 : 127;
      continue;
    }
    for (const c of found) {
      if (mode === 't') out += `${c.kind}\n`;
      else if (mode === 'p') out += c.kind === 'file' ? `${c.detail}\n` : '';
      else if (c.kind === 'alias') out += `${n} is aliased to \`${c.detail}'\n`;
      else if (c.kind === 'keyword') out += `${n} is a shell keyword\n`;
      else if (c.kind === 'function') out += `${n} is a function\n${functionText(n, sh.funcs.get(n)!)}\n`;
      else if (c.kind === 'builtin') out += `${n} is a shell builtin\n`;
      else if (c.hashed) out += `${n} is hashed (${c.detail})\n`;
      else out += `${n} is ${c.detail}\n`;
    }
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
  if (mode === 'V') {
    let out = '';
    let status = 0;
    for (const n of rest) {
      const c = describe(sh, n)[0];
      if (!c) {
        await sh.sys.write(1, out);
        out = '';
        if (sh.flavor === 'bash') await sh.error(`command: ${n}: not found`);
        else await sh.sys.write(1, `${n}: not found\n`);
        status = 1;
      } else if (c.kind === 'alias') out += `${n} is aliased to \`${c.detail}'\n`;
      else if (c.kind === 'file') out += c.hashed ? `${n} is hashed (${c.detail})\n` : `${n} is ${c.detail}\n`;
      else out += `${n} is a ${c.kind === 'keyword' ? 'shell keyword' : c.kind === 'builtin' ? 'shell builtin' : 'function'}\n`;
    }
    await sh.sys.write(1, out);
    return status;
  }
  if (mode === 'v') {
    let out = '';
    let status = 0;
    for (const n of rest) {
      const c = describe(sh, n)[0];
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

/** bash 5.2's `shopt` options, in its order (builtins/shopt.def). */
const SHOPT_ALL = [
  'autocd', 'assoc_expand_once', 'cdable_vars', 'cdspell', 'checkhash', 'checkjobs', 'checkwinsize', 'cmdhist', 'compat31', 'compat32',
  'compat40', 'compat41', 'compat42', 'compat43', 'compat44', 'complete_fullquote', 'direxpand', 'dirspell', 'dotglob', 'execfail',
  'expand_aliases', 'extdebug', 'extglob', 'extquote', 'failglob', 'force_fignore', 'globasciiranges', 'globskipdots', 'globstar',
  'gnu_errfmt', 'histappend', 'histreedit', 'histverify', 'hostcomplete', 'huponexit', 'inherit_errexit', 'interactive_comments',
  'lastpipe', 'lithist', 'localvar_inherit', 'localvar_unset', 'login_shell', 'mailwarn', 'no_empty_cmd_completion', 'nocaseglob',
  'nocasematch', 'noexpand_translation', 'nullglob', 'patsub_replacement', 'progcomp', 'progcomp_alias', 'promptvars', 'restricted_shell',
  'shift_verbose', 'sourcepath', 'varredir_close', 'xpg_echo',
];
const SHOPT_DEFAULTS = [
  'checkwinsize', 'cmdhist', 'complete_fullquote', 'extquote', 'force_fignore', 'globasciiranges', 'globskipdots', 'hostcomplete',
  'interactive_comments', 'patsub_replacement', 'progcomp', 'promptvars', 'sourcepath',
];
/**
 * The options whose effect is modelled (globbing: pattern.ts; aliases: exec.ts; histappend: only a single shell
 * writes the history file, where appending and rewriting leave the same file). Changing any other is refused.
 */
const SHOPT_MODELLED = new Set(['dotglob', 'expand_aliases', 'failglob', 'histappend', 'nocaseglob', 'nullglob']);

function shoptState(sh: ShellContext): Set<string> {
  if (!sh.shopts) {
    sh.shopts = new Set(SHOPT_DEFAULTS);
    if (sh.interactive || sh.expandAliases) sh.shopts.add('expand_aliases');
  }
  if (sh.login) sh.shopts.add('login_shell');
  return sh.shopts;
}

export async function shopt(sh: ShellContext, argv: string[]): Promise<number> {
  let mode: 's' | 'u' | '' = '';
  let quiet = false;
  let setOpts = false;
  let reusable = false;
  let i = 1;
  for (; i < argv.length && /^-[suqop]+$/.test(argv[i]); i++) {
    const a = argv[i];
    if (a.includes('s')) mode = 's';
    if (a.includes('u')) mode = 'u';
    if (a.includes('q')) quiet = true;
    if (a.includes('o')) setOpts = true;
    if (a.includes('p')) reusable = true;
  }
  if (i < argv.length && /^-./.test(argv[i]) && argv[i] !== '--') {
    throw new ShellError(`shopt: ${argv[i].slice(0, 2)}: invalid option\nshopt: usage: shopt [-pqsu] [-o] [optname ...]`, 2);
  }
  const names = argv.slice(argv[i] === '--' ? i + 1 : i);
  if (setOpts) return shoptSetOptions(sh, mode, quiet, reusable, names);
  const on = shoptState(sh);
  for (const n of names) {
    if (!SHOPT_ALL.includes(n)) throw new ShellError(`shopt: ${n}: invalid shell option name`, 1);
  }
  if (mode) {
    let status = 0;
    for (const n of names) {
      if (on.has(n) === (mode === 's')) continue;
      if (!SHOPT_MODELLED.has(n)) {
        await sh.error(`shopt: ${n}: changing this option is not simulated in dockersim`);
        status = 1;
        continue;
      }
      if (mode === 's') on.add(n);
      else on.delete(n);
      if (n === 'expand_aliases') sh.expandAliases = mode === 's';
    }
    if (names.length === 0) await listShopts(sh, SHOPT_ALL.filter((n) => on.has(n) === (mode === 's')), reusable);
    return status;
  }
  const list = names.length ? names : SHOPT_ALL;
  if (!quiet) await listShopts(sh, list, reusable);
  return list.every((n) => on.has(n)) ? 0 : 1;
}

async function listShopts(sh: ShellContext, list: readonly string[], reusable: boolean): Promise<void> {
  const on = shoptState(sh);
  await sh.sys.write(1, list.map((n) => (reusable ? `shopt ${on.has(n) ? '-s' : '-u'} ${n}\n` : `${n.padEnd(15)}\t${on.has(n) ? 'on' : 'off'}\n`)).join(''));
}

/** `shopt -o`: the `set -o` options, through `set` itself. */
async function shoptSetOptions(sh: ShellContext, mode: string, quiet: boolean, reusable: boolean, names: string[]): Promise<number> {
  if (mode) {
    for (const n of names) await set(sh, ['set', mode === 's' ? '-o' : '+o', n]);
    return 0;
  }
  const values = setOptionValues(sh);
  const list = names.length ? names : [...values.keys()];
  for (const n of list) if (!values.has(n)) throw new ShellError(`shopt: ${n}: invalid option name`, 1);
  if (!quiet) {
    await sh.sys.write(1, list.map((n) => (reusable ? `set ${values.get(n) ? '-' : '+'}o ${n}\n` : `${n.padEnd(15)}\t${values.get(n) ? 'on' : 'off'}\n`)).join(''));
  }
  return list.every((n) => values.get(n)) ? 0 : 1;
}
