/** Variable builtins: set, export, unset, local, declare, readonly, let, read. */
import { evalArith, ArithError } from '../arith.js';
import { ShellError } from '../errors.js';
import { isName } from '../parser.js';
import { assignArray, declareArray, toArray, unsetElement } from '../arrays.js';
import { expandString, expandWords } from '../expand.js';
import { Parser } from '../parser.js';
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

function splitAssign(a: string): [string, string | undefined] {
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

async function declareLike(sh: ShellContext, argv: string[], opts: { local?: boolean; readonly?: boolean }): Promise<number> {
  let exp = false;
  let ro = opts.readonly ?? false;
  let print = false;
  let array = false;
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      if (a.includes('x')) exp = a[0] === '-';
      if (a.includes('r')) ro = true;
      if (a.includes('p')) print = true;
      if (a.includes('a')) array = a[0] === '-';
      if (a.includes('A')) throw new ShellError(`${argv[0]}: -A: associative arrays are not simulated in dockersim`, 2);
    } else names.push(a);
  }
  if (names.length === 0 || print) {
    let out = '';
    const list = names.length ? names : [...sh.vars.keys()].sort();
    for (const n of list) {
      const v = sh.vars.get(n);
      if (!v) {
        if (names.length) await sh.error(`${argv[0]}: ${n}: not found`);
        continue;
      }
      if (opts.readonly && !v.readonly) continue;
      if (v.arr) {
        out += declareArray(n, v, `${v.readonly ? 'r' : ''}`);
        continue;
      }
      const flags = `${v.readonly ? 'r' : ''}${v.exported ? 'x' : ''}` || '-';
      out += `declare -${flags.replace(/^-$/, '-')} ${n}="${v.value}"\n`.replace('declare --- ', 'declare -- ');
    }
    await sh.sys.write(1, out);
    return 0;
  }
  let status = 0;
  for (const a of names) {
    const [name, value] = splitAssign(a);
    if (!isName(name)) {
      await sh.error(`${argv[0]}: \`${a}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (opts.local || (argv[0] !== 'readonly' && sh.funcDepth > 0 && !argv.includes('-g'))) sh.makeLocal(name);
    if (value !== undefined && sh.flavor === 'bash' && /^\(.*\)$/s.test(value)) {
      // `declare a=(1 2)`: the list is read again as a compound assignment, as bash does.
      const w = new Parser(`${name}=${value}`, { final: true }).parseAll().items[0]?.node.first.cmds[0];
      const assign = w?.t === 'simple' ? w.assigns[0] : undefined;
      if (assign?.items) await assignArray(sh, assign, expandWords, expandString);
      else sh.setVar(name, value);
    } else if (value !== undefined) sh.setVar(name, value);
    else if (array) toArray(sh, name);
    else if (opts.local && !sh.vars.has(name)) sh.vars.set(name, { value: '', exported: false, unsetExported: true } as never);
    if (exp) sh.exportVar(name);
    if (ro) sh.setReadonly(name);
  }
  return status;
}

export const local = (sh: ShellContext, argv: string[]): Promise<number> => {
  if (sh.funcDepth === 0) throw new ShellError('local: can only be used in a function', 1);
  return declareLike(sh, argv, { local: true });
};
export const declare = (sh: ShellContext, argv: string[]): Promise<number> => declareLike(sh, argv, {});
export const readonly = (sh: ShellContext, argv: string[]): Promise<number> => declareLike(sh, argv, { readonly: true });

export async function letBuiltin(sh: ShellContext, argv: string[]): Promise<number> {
  if (argv.length < 2) throw new ShellError('let: expression expected', 1);
  let v = 0n;
  for (const a of argv.slice(1)) {
    try {
      v = evalArith(a, sh.arithVars);
    } catch (e) {
      if (e instanceof ArithError) throw new ShellError(`let: ${e.message}`, 1);
      throw e;
    }
  }
  return v === 0n ? 1 : 0;
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

export async function read(sh: ShellContext, argv: string[]): Promise<number> {
  let raw = false;
  let prompt = '';
  let delim = '\n';
  let fd = 0;
  let max = -1;
  let silent = false;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (names.length === 0 && a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const value = (): string => {
          const v = a.slice(j + 1) || argv[++i];
          j = a.length;
          if (v === undefined) throw new ShellError(`read: -${c}: option requires an argument`, 2);
          return v;
        };
        if (c === 'r') raw = true;
        else if (c === 's') silent = true;
        else if (c === 'p') prompt = value();
        else if (c === 'd') delim = value().slice(0, 1);
        else if (c === 'u') fd = Number(value());
        else if (c === 'n' || c === 'N') max = Number(value());
        else if (c === 't') value();
        else throw new ShellError(`read: -${c}: invalid option`, 2);
      }
    } else names.push(a);
  }
  for (const n of names) if (!isName(n)) throw new ShellError(`read: \`${n}': not a valid identifier`, 1);
  if (prompt && sh.sys.isatty(fd)) await sh.writeErr(prompt);
  let echoWas: boolean | undefined;
  if (silent && sh.sys.isatty(fd)) {
    echoWas = sh.sys.tcgetattr(fd).echo;
    sh.sys.tcsetattr(fd, { echo: false });
  }
  let text = '';
  let complete = false;
  try {
    for (;;) {
      const rec = await readRecord(sh, fd, delim, max);
      if (!rec) break;
      complete = rec.complete;
      if (!raw && rec.complete && delim === '\n' && /(^|[^\\])(\\\\)*\\$/.test(rec.text)) {
        text += rec.text.slice(0, -1);
        continue;
      }
      text += rec.text;
      break;
    }
  } finally {
    if (echoWas !== undefined) sh.sys.tcsetattr(fd, { echo: echoWas });
  }
  assignFields(sh, text, names, raw);
  return complete ? 0 : 1;
}

function assignFields(sh: ShellContext, text: string, names: string[], raw: boolean): void {
  const unescape = (s: string): string => (raw ? s : s.replace(/\\(.)/g, '$1'));
  if (names.length === 0) {
    sh.setVar('REPLY', unescape(text));
    return;
  }
  const ifs = sh.getVar('IFS') ?? ' \t\n';
  const isWs = (c: string): boolean => ifs.includes(c) && (c === ' ' || c === '\t' || c === '\n');
  const isSep = (c: string): boolean => ifs.includes(c);
  let i = 0;
  const skipWs = (): void => {
    while (i < text.length && isWs(text[i])) i++;
  };
  skipWs();
  for (let n = 0; n < names.length; n++) {
    if (n === names.length - 1) {
      let rest = text.slice(i);
      let e = rest.length;
      while (e > 0 && isWs(rest[e - 1]) && !(e > 1 && rest[e - 2] === '\\' && !raw)) e--;
      rest = rest.slice(0, e);
      if (rest.length === 1 && isSep(rest) && !isWs(rest)) rest = '';
      sh.setVar(names[n], unescape(rest));
      return;
    }
    let field = '';
    while (i < text.length && !isSep(text[i])) {
      if (text[i] === '\\' && !raw && i + 1 < text.length) {
        field += text.slice(i, i + 2);
        i += 2;
      } else field += text[i++];
    }
    skipWs();
    if (i < text.length && isSep(text[i]) && !isWs(text[i])) {
      i++;
      skipWs();
    }
    sh.setVar(names[n], unescape(field));
  }
}
