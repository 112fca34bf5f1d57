/** Variable builtins: set, export, unset (local, declare, readonly and let: declare.ts; read: read.ts). */
import { ShellError } from '../errors.js';
import { isName } from '../parser.js';
import { unsetElement } from '../arrays.js';
import type { ShellContext, ShellOptions } from '../context.js';
import { functionText } from '../printcmd.js';

/** bash's quoting in `set` and `declare -p` output. */
export function shellQuote(v: string): string {
  if (v !== '' && /^[\w@%+=:,./-]+$/.test(v)) return v;
  return `'${v.replace(/'/g, "'\\''")}'`;
}

/**
 * One of `set -o`'s options. `key` options are modelled; the others show their value and can be "set" only to
 * it: changing one is refused in one line, never accepted and ignored.
 */
interface SetOption {
  readonly name: string;
  readonly letter?: string;
  readonly key?: keyof ShellOptions;
  readonly fixed?: (sh: ShellContext) => boolean;
}

const off = (): boolean => false;
// A subshell of an interactive shell keeps readline's mode and the history switch (bash resets neither on fork).
const interactive = (sh: ShellContext): boolean => sh.interactive || sh.interactiveShell;

/** bash 5.2's `set -o` table, in its order (builtins/set.def). */
const BASH_OPTIONS: readonly SetOption[] = [
  { name: 'allexport', letter: 'a', key: 'allexport' },
  { name: 'braceexpand', letter: 'B', key: 'braceexpand' },
  { name: 'emacs', fixed: interactive },
  { name: 'errexit', letter: 'e', key: 'errexit' },
  { name: 'errtrace', letter: 'E', fixed: off },
  { name: 'functrace', letter: 'T', fixed: off },
  { name: 'hashall', letter: 'h', key: 'hashall' },
  { name: 'histexpand', letter: 'H', key: 'histexpand' },
  { name: 'history', fixed: interactive },
  { name: 'ignoreeof', fixed: off },
  { name: 'interactive-comments', fixed: () => true },
  { name: 'keyword', letter: 'k', fixed: off },
  { name: 'monitor', letter: 'm', key: 'monitor' },
  { name: 'noclobber', letter: 'C', key: 'noclobber' },
  { name: 'noexec', letter: 'n', key: 'noexec' },
  { name: 'noglob', letter: 'f', key: 'noglob' },
  { name: 'nolog', fixed: off },
  { name: 'notify', letter: 'b', fixed: off },
  { name: 'nounset', letter: 'u', key: 'nounset' },
  { name: 'onecmd', letter: 't', fixed: off },
  { name: 'physical', letter: 'P', fixed: off },
  { name: 'pipefail', key: 'pipefail' },
  { name: 'posix', fixed: off },
  { name: 'privileged', letter: 'p', fixed: off },
  { name: 'verbose', letter: 'v', key: 'verbose' },
  { name: 'vi', fixed: off },
  { name: 'xtrace', letter: 'x', key: 'xtrace' },
];

/** What dash and busybox ash are modelled with (their own `set -o` lists are longer: not modelled). */
const POSIX_OPTIONS: readonly SetOption[] = [
  { name: 'errexit', letter: 'e', key: 'errexit' },
  { name: 'xtrace', letter: 'x', key: 'xtrace' },
  { name: 'nounset', letter: 'u', key: 'nounset' },
  { name: 'pipefail', key: 'pipefail' },
  { name: 'noglob', letter: 'f', key: 'noglob' },
  { name: 'monitor', letter: 'm', key: 'monitor' },
  { name: 'noclobber', letter: 'C', key: 'noclobber' },
  { name: 'allexport', letter: 'a', key: 'allexport' },
  { name: 'noexec', letter: 'n', key: 'noexec' },
  { name: 'verbose', letter: 'v', key: 'verbose' },
];

const optionsOf = (sh: ShellContext): readonly SetOption[] => (sh.flavor === 'bash' ? BASH_OPTIONS : POSIX_OPTIONS);

function optionValue(sh: ShellContext, o: SetOption): boolean {
  return o.key ? sh.opts[o.key] : o.fixed!(sh);
}

/** Every `set -o` option and whether it is on, in `set -o`'s order (for `shopt -o`). */
export function setOptionValues(sh: ShellContext): Map<string, boolean> {
  return new Map(optionsOf(sh).map((o) => [o.name, optionValue(sh, o)]));
}

function setOption(sh: ShellContext, o: SetOption, on: boolean, shown: string): void {
  if (!o.key) {
    if (o.fixed!(sh) === on) return;
    throw new ShellError(`set: ${shown}: the ${o.name} option is not simulated in dockersim`, 1);
  }
  sh.opts[o.key] = on;
  if (o.key === 'monitor') sh.shownMonitor = false;
}

export async function set(sh: ShellContext, argv: string[]): Promise<number> {
  if (argv.length === 1) {
    const names = [...sh.vars.keys()].sort();
    let out = '';
    for (const n of names) out += `${n}=${shellQuote(sh.vars.get(n)!.value)}\n`;
    // bash lists the functions after the variables (dash and ash do not).
    if (sh.flavor === 'bash') for (const f of [...sh.funcs.keys()].sort()) out += `${functionText(f, sh.funcs.get(f)!)}\n`;
    await sh.sys.write(1, out);
    return 0;
  }
  const table = optionsOf(sh);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      sh.args = argv.slice(i + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const name = argv[++i];
      if (name === undefined) {
        let out = '';
        for (const o of table) {
          const v = optionValue(sh, o);
          out += a === '-o' ? `${o.name.padEnd(15)}\t${v ? 'on' : 'off'}\n` : `set ${v ? '-' : '+'}o ${o.name}\n`;
        }
        await sh.sys.write(1, out);
        continue;
      }
      const o = table.find((x) => x.name === name);
      if (!o) throw new ShellError(`set: ${name}: invalid option name`, 2);
      setOption(sh, o, a === '-o', name);
      continue;
    }
    if ((a[0] === '-' || a[0] === '+') && a.length > 1) {
      for (const c of a.slice(1)) {
        const o = table.find((x) => x.letter === c);
        if (!o) throw new ShellError(`set: ${a[0]}${c}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]`, 2);
        setOption(sh, o, a[0] === '-', `${a[0]}${c}`);
      }
      continue;
    }
    sh.args = argv.slice(i);
    return 0;
  }
  return 0;
}

export function splitAssign(a: string): [string, string | undefined] {
  const eq = a.indexOf('=');
  return eq < 0 ? [a, undefined] : [a.slice(0, eq), a.slice(eq + 1)];
}

export async function exportBuiltin(sh: ShellContext, argv: string[]): Promise<number> {
  let unexport = false;
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '-n') unexport = true;
    else if (a === '-p' || a === '-f') continue;
    else names.push(a);
  }
  if (names.length === 0) {
    let out = '';
    for (const n of [...sh.vars.keys()].sort()) {
      const v = sh.vars.get(n)!;
      if (!v.exported) continue;
      const unset = (v as { unsetExported?: boolean }).unsetExported;
      if (sh.flavor === 'bash') out += unset ? `declare -x ${n}\n` : `declare -x ${n}="${v.value.replace(/(["\\$`])/g, '\\$1')}"\n`;
      else out += unset ? `export ${n}\n` : `export ${n}=${shellQuote(v.value).replace(/^([^'].*)$/, "'$1'")}\n`;
    }
    await sh.sys.write(1, out);
    return 0;
  }
  let status = 0;
  for (const a of names) {
    const [name, value] = splitAssign(a);
    if (!isName(name)) {
      await sh.error(`export: \`${a}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (value !== undefined) {
      const v = sh.vars.get(name) as { unsetExported?: boolean } | undefined;
      if (v) delete v.unsetExported;
      sh.setVar(name, value);
    }
    sh.exportVar(name, !unexport);
  }
  return status;
}

export async function unset(sh: ShellContext, argv: string[]): Promise<number> {
  let funcs = false;
  for (const a of argv.slice(1)) {
    if (a === '-f') funcs = true;
    else if (a === '-v') funcs = false;
    else if (funcs) sh.funcs.delete(a);
    else {
      if (sh.flavor === 'bash' && (await unsetElement(sh, a))) continue;
      if (!isName(a)) continue;
      if (sh.vars.has(a)) sh.unsetVar(a);
      else sh.funcs.delete(a);
    }
  }
  return 0;
}

/** Reads up to `delim` from fd, keeping what is left over for the next `read`. Null at end of input. */
export async function readRecord(sh: ShellContext, fd: number, delim = '\n', max = -1): Promise<{ text: string; complete: boolean } | null> {
  let st = sh.inbufs.get(fd);
  if (!st) {
    st = { buf: '', eof: false };
    sh.inbufs.set(fd, st);
  }
  for (;;) {
    const i = delim === '' ? st.buf.indexOf('\0') : st.buf.indexOf(delim);
    if (max >= 0 && st.buf.length >= max && (i < 0 || i >= max)) {
      const text = st.buf.slice(0, max);
      st.buf = st.buf.slice(max);
      return { text, complete: true };
    }
    if (i >= 0) {
      const text = st.buf.slice(0, i);
      st.buf = st.buf.slice(i + 1);
      return { text, complete: true };
    }
    if (st.eof) {
      if (st.buf === '') return null;
      const text = st.buf;
      st.buf = '';
      return { text, complete: false };
    }
    // From a pipe or file, bash reads a byte at a time so the rest is left for the commands that follow.
    const chunk = await sh.sys.read(fd, sh.sys.isatty(fd) ? undefined : 1);
    if (chunk === null) st.eof = true;
    else st.buf += chunk;
  }
}

