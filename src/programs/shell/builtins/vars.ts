/** Variable builtins: set, export, unset (local, declare, readonly and let: declare.ts; read: read.ts). */
import { ShellError } from '../errors.js';
import { isName } from '../parser.js';
import { unsetElement } from '../arrays.js';
import type { ShellContext, ShellOptions } from '../context.js';

/** bash's quoting in `set` and `declare -p` output. */
export function shellQuote(v: string): string {
  if (v !== '' && /^[\w@%+=:,./-]+$/.test(v)) return v;
  return `'${v.replace(/'/g, "'\\''")}'`;
}

const LONG_OPTS: Record<string, keyof ShellOptions> = {
  errexit: 'errexit',
  xtrace: 'xtrace',
  nounset: 'nounset',
  pipefail: 'pipefail',
  noglob: 'noglob',
  monitor: 'monitor',
  histexpand: 'histexpand',
  noclobber: 'noclobber',
};
const SHORT_OPTS: Record<string, keyof ShellOptions> = { e: 'errexit', x: 'xtrace', u: 'nounset', f: 'noglob', m: 'monitor', H: 'histexpand', C: 'noclobber' };

export async function set(sh: ShellContext, argv: string[]): Promise<number> {
  if (argv.length === 1) {
    const names = [...sh.vars.keys()].sort();
    let out = '';
    for (const n of names) out += `${n}=${shellQuote(sh.vars.get(n)!.value)}\n`;
    await sh.sys.write(1, out);
    return 0;
  }
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
        for (const [long, key] of Object.entries(LONG_OPTS)) {
          out += a === '-o' ? `${long.padEnd(15)}\t${sh.opts[key] ? 'on' : 'off'}\n` : `set ${sh.opts[key] ? '-' : '+'}o ${long}\n`;
        }
        await sh.sys.write(1, out);
        continue;
      }
      const key = LONG_OPTS[name];
      if (!key) throw new ShellError(`set: ${name}: invalid option name`, 2);
      sh.opts[key] = a === '-o';
      if (key === 'monitor') sh.shownMonitor = false;
      continue;
    }
    if ((a[0] === '-' || a[0] === '+') && a.length > 1) {
      for (const c of a.slice(1)) {
        const key = SHORT_OPTS[c];
        if (!key) {
          if (c === 'h' || c === 'B' || c === 'v') continue;
          throw new ShellError(`set: ${a[0]}${c}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]`, 2);
        }
        sh.opts[key] = a[0] === '-';
        if (key === 'monitor') sh.shownMonitor = false;
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

