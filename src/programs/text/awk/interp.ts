/**
 * The awk evaluator: values as awk has them (numbers, strings, and "strnums" from input that compare as
 * numbers when they look like one), fields split lazily and $0 rebuilt on assignment, associative arrays,
 * user functions with arrays by reference, getline in its six forms, and output to files, pipes and
 * commands. Long loops hand the CPU back to the scheduler, so `while(1);` costs virtual time and dies on ^C.
 */
import { isSysError } from '../../../engine/kernel/errno.js';
import { isProcessEnd } from '../../../engine/kernel/process.js';
import type { Sys } from '../../../engine/kernel/sys.js';
import { Output, errorText } from '../../lib/output.js';
import { posixToJs } from '../../coreutils/regex.js';
import { formatOne } from './format.js';
import type { Expr, Func, Program, Redirect, Stmt } from './parse.js';

export class StrNum {
  private num: boolean | undefined;
  constructor(readonly s: string) {}
  get numeric(): boolean {
    if (this.num === undefined) this.num = LOOKS_NUMERIC.test(this.s);
    return this.num;
  }
}

export type Value = number | string | StrNum;
const LOOKS_NUMERIC = /^[ \t\n]*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)[ \t\n]*$/;
const NUM_PREFIX = /^[ \t\n]*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/;
/** An uninitialised value: "" as a string, 0 as a number, and compared as a number. */
export const UNINIT = new StrNum('');

type AwkArray = Map<string, Value>;
interface Cell {
  v?: Value;
  a?: AwkArray;
  /** An untyped variable passed to a function: if the callee makes it an array, the caller's becomes it. */
  parent?: Cell;
}

export class AwkRuntimeError extends Error {}
/** An error printed as it is, after the program's name (`mawk: cannot open x (No such file or directory)`). */
export class AwkFatal extends Error {}
/** What a dialect prints for errors; the interpreter itself is shared by mawk and busybox awk. */
export interface Dialect {
  readonly name: string;
  runtimeError(msg: string, where: { filename: string; fnr: number; nr: number }): string;
  /** Integers up to this magnitude print as integers; beyond, through CONVFMT/OFMT. */
  readonly maxIntPrint: number;
  cannotOpen(file: string, reason: string): string;
}

class Next {}
class NextFile {}
class Exit {
  constructor(readonly code: number | null) {}
}
class Return {
  constructor(readonly v: Value) {}
}
class Break {}
class Continue {}
const NEXT = new Next();
const NEXTFILE = new NextFile();
const BREAK = new Break();
const CONTINUE = new Continue();

export function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  const s = typeof v === 'string' ? v : v.s;
  const m = NUM_PREFIX.exec(s);
  if (m) return Number(m[0]);
  const t = s.trimStart().toLowerCase();
  if (/^[-+]?(inf|nan)/.test(t)) return t.includes('nan') ? NaN : t.startsWith('-') ? -Infinity : Infinity;
  return 0;
}

/** Turns awk's escapes in a regex (`\/`, `\t`, `\n`) into the ERE that posixToJs reads. */
function ereSource(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const n = src[++i];
      const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '/': '/', '"': '"' };
      if (n in map) out += /[.[\]()*+?{}|^$\\]/.test(map[n]) ? `\\${map[n]}` : map[n];
      else out += c + n;
    } else out += c;
  }
  return out;
}

class Reader {
  private buf = '';
  private pos = 0;
  private eof = false;
  constructor(
    private readonly sys: Sys,
    readonly fd: number,
  ) {}

  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    const chunk = await this.sys.read(this.fd);
    if (chunk === null) {
      this.eof = true;
      return false;
    }
    if (this.pos > 65536) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    this.buf += chunk;
    this.sys.hold(this.buf.length - this.pos);
    return true;
  }

  async next(rs: string): Promise<string | null> {
    if (rs === '\n' || rs.length === 1) {
      let from = this.pos;
      for (;;) {
        const at = this.buf.indexOf(rs, from);
        if (at >= 0) {
          const rec = this.buf.slice(this.pos, at);
          this.pos = at + 1;
          return rec;
        }
        from = this.buf.length;
        if (!(await this.fill())) {
          if (this.pos >= this.buf.length) return null;
          const rec = this.buf.slice(this.pos);
          this.pos = this.buf.length;
          return rec;
        }
      }
    }
    // Paragraph mode and regular-expression separators look at all the input there is.
    while (await this.fill());
    if (rs === '') {
      while (this.buf[this.pos] === '\n') this.pos++;
      if (this.pos >= this.buf.length) return null;
      const m = /\n\n+/g;
      m.lastIndex = this.pos;
      const hit = m.exec(this.buf);
      const end = hit ? hit.index : this.buf.length;
      const rec = this.buf.slice(this.pos, end).replace(/\n+$/, '');
      this.pos = hit ? hit.index + hit[0].length : this.buf.length;
      return rec;
    }
    if (this.pos >= this.buf.length) return null;
    const re = new RegExp(posixToJs(ereSource(rs), true), 'g');
    re.lastIndex = this.pos;
    let hit = re.exec(this.buf);
    while (hit && hit[0] === '') {
      re.lastIndex = hit.index + 1;
      hit = re.exec(this.buf);
    }
    const end = hit ? hit.index : this.buf.length;
    const rec = this.buf.slice(this.pos, end);
    this.pos = hit ? end + hit[0].length : this.buf.length;
    return rec;
  }
}

interface Stream {
  out: Output;
  fd: number;
  pid?: number;
}

interface InStream {
  reader: Reader;
  fd: number;
  pid?: number;
}

export interface RunOptions {
  assigns: [string, string][];
  args: string[];
  /** ARGV[0]. */
  argv0: string;
}

export class Interp {
  private globals = new Map<string, Cell>();
  private frames: Map<string, Cell>[] = [];
  private record = '';
  private fields: string[] | null = null;
  private nf = 0;
  private regexCache = new Map<string, RegExp>();
  private out: Output;
  private streams = new Map<string, Stream>();
  private inputs = new Map<string, InStream>();
  private main: { reader: Reader | null; fd: number; arg: number; opened: boolean; usedStdin: boolean } = { reader: null, fd: -1, arg: 1, opened: false, usedStdin: false };
  private steps = 0;
  private seed = 0;
  private prevSeed = 0;
  private rng = 0;
  private ranges: boolean[] = [];
  private exitCode = 0;
  private depth = 0;

  constructor(
    private readonly sys: Sys,
    private readonly prog: Program,
    private readonly dialect: Dialect,
  ) {
    this.out = new Output(sys, 1);
    const init: [string, Value][] = [
      ['FS', ' '], ['OFS', ' '], ['ORS', '\n'], ['RS', '\n'], ['NR', 0], ['FNR', 0], ['SUBSEP', '\x1c'],
      ['CONVFMT', '%.6g'], ['OFMT', '%.6g'], ['RSTART', 0], ['RLENGTH', -1], ['FILENAME', ''],
    ];
    for (const [k, v] of init) this.globals.set(k, { v });
    const env: AwkArray = new Map();
    for (const [k, v] of Object.entries(sys.env)) env.set(k, new StrNum(v));
    this.globals.set('ENVIRON', { a: env });
    this.seed = Math.floor(sys.random() * 2 ** 31);
    this.prevSeed = this.seed;
    this.rng = this.seed;
  }

  // ---- values

  private str(name: string): string {
    return this.toStr(this.getVar(name));
  }

  toStr(v: Value, fmtVar = 'CONVFMT'): string {
    if (typeof v === 'string') return v;
    if (typeof v !== 'number') return v.s;
    if (Number.isInteger(v) && Math.abs(v) <= this.dialect.maxIntPrint) return String(v);
    if (Number.isNaN(v)) return '-nan';
    if (!Number.isFinite(v)) return v < 0 ? '-inf' : 'inf';
    return this.sprintf(this.str(fmtVar), [v], 'sprintf');
  }

  private outStr(v: Value): string {
    return this.toStr(v, 'OFMT');
  }

  private isNumeric(v: Value): boolean {
    if (typeof v === 'number') return true;
    if (typeof v === 'string') return false;
    return v === UNINIT || v.numeric;
  }

  private compare(a: Value, b: Value): number {
    if (this.isNumeric(a) && this.isNumeric(b)) {
      const x = toNum(a);
      const y = toNum(b);
      return x < y ? -1 : x > y ? 1 : x === y ? 0 : 1;
    }
    const s = this.toStr(a);
    const t = this.toStr(b);
    return s < t ? -1 : s > t ? 1 : 0;
  }

  private truthy(v: Value): boolean {
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v !== '';
    if (v === UNINIT) return false;
    return v.numeric ? toNum(v) !== 0 : v.s !== '';
  }

  regex(src: string): RegExp {
    let re = this.regexCache.get(src);
    if (!re) {
      let js: string;
      try {
        js = posixToJs(ereSource(src), true);
      } catch (err) {
        throw new AwkRuntimeError(`regular expression compile failed (${(err as Error).message})\n${src}`);
      }
      try {
        re = new RegExp(js, 'u');
      } catch {
        re = new RegExp(js);
      }
      if (this.regexCache.size > 500) this.regexCache.clear();
      this.regexCache.set(src, re);
    }
    return re;
  }

  private async regexOf(e: Expr): Promise<RegExp> {
    if (e.k === 're') return this.regex(e.src);
    return this.regex(this.toStr(await this.eval(e)));
  }

  // ---- variables

  private cell(name: string): Cell {
    const frame = this.frames[this.frames.length - 1];
    const local = frame?.get(name);
    if (local) return local;
    let c = this.globals.get(name);
    if (!c) {
      c = {};
      this.globals.set(name, c);
    }
    return c;
  }

  getVar(name: string): Value {
    if (name === 'NF') return this.getNF();
    const c = this.cell(name);
    if (c.a) throw new AwkRuntimeError(`can't use array ${name} in scalar context`);
    return c.v ?? UNINIT;
  }

  setVar(name: string, v: Value): void {
    if (name === 'NF') return this.setNF(v);
    const c = this.cell(name);
    if (c.a) throw new AwkRuntimeError(`can't assign to array ${name}`);
    c.v = v;
  }

  private array(name: string): AwkArray {
    const c = this.cell(name);
    if (c.a) return c.a;
    if (c.v !== undefined && c.v !== UNINIT) throw new AwkRuntimeError(`can't use scalar ${name} as array`);
    const a: AwkArray = new Map();
    c.a = a;
    delete c.v;
    for (let p = c.parent; p; p = p.parent) {
      if (!p.a) {
        p.a = a;
        delete p.v;
      }
    }
    return a;
  }

  private async subscript(subs: Expr[]): Promise<string> {
    if (subs.length === 1) return this.toStr(await this.eval(subs[0]));
    const parts: string[] = [];
    for (const s of subs) parts.push(this.toStr(await this.eval(s)));
    return parts.join(this.str('SUBSEP'));
  }

  // ---- fields

  setRecord(s: string): void {
    this.record = s;
    this.fields = null;
  }

  private split(): void {
    if (this.fields) return;
    this.fields = [''].concat(this.splitString(this.record, this.str('FS'), this.str('RS') === ''));
    this.nf = this.fields.length - 1;
  }

  splitString(s: string, fs: string, paragraph: boolean): string[] {
    if (s === '') return [];
    if (fs === ' ') {
      const t = s.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      return t === '' ? [] : t.split(/[ \t\n]+/);
    }
    let parts: string[];
    if (fs === '') parts = [...s];
    else if (fs.length === 1 && fs !== '\\') parts = paragraph ? s.split(new RegExp(`[${fs === ']' || fs === '^' ? `\\${fs}` : fs}\\n]`)) : s.split(fs);
    else {
      const re = this.regex(fs);
      parts = s.split(new RegExp(paragraph ? `(?:${re.source})|\\n` : re.source, re.flags));
    }
    return parts;
  }

  private getField(i: number): Value {
    if (i === 0) return new StrNum(this.record);
    this.split();
    return i <= this.nf ? new StrNum(this.fields![i]) : UNINIT;
  }

  private rebuild(): void {
    this.record = this.fields!.slice(1, this.nf + 1).join(this.str('OFS'));
  }

  private setField(i: number, v: Value): void {
    if (i === 0) return this.setRecord(this.toStr(v));
    this.split();
    while (this.fields!.length <= i) this.fields!.push('');
    this.fields![i] = this.toStr(v);
    if (i > this.nf) this.nf = i;
    this.rebuild();
  }

  private getNF(): number {
    this.split();
    return this.nf;
  }

  private setNF(v: Value): void {
    this.split();
    const n = Math.trunc(toNum(v));
    while (this.fields!.length <= n) this.fields!.push('');
    this.nf = n;
    this.fields!.length = n + 1;
    this.rebuild();
  }

  private fieldIndex(v: Value): number {
    const n = Math.trunc(toNum(v));
    if (n < 0) throw new AwkRuntimeError(`negative field index $${n}`);
    return n;
  }

  // ---- evaluation

  /** A loop iteration costs CPU time as a shell statement does, and hands the CPU over now and then. */
  private async tick(): Promise<void> {
    this.sys.cpu(1);
    if (++this.steps % 256 === 0) await this.sys.yield();
  }

  private async assignTo(target: Expr, v: Value): Promise<void> {
    if (target.k === 'var') this.setVar(target.name, v);
    else if (target.k === 'field') this.setField(this.fieldIndex(await this.eval(target.e)), v);
    else if (target.k === 'index') this.array(target.name).set(await this.subscript(target.subs), v);
    else if (target.k === 'group') await this.assignTo(target.e, v);
  }

  /** An lvalue's current value and a setter, evaluating its subscript or field number once. */
  private async lvalue(target: Expr): Promise<[Value, (v: Value) => void]> {
    if (target.k === 'var') return [this.getVar(target.name), (v) => this.setVar(target.name, v)];
    if (target.k === 'field') {
      const i = this.fieldIndex(await this.eval(target.e));
      return [this.getField(i), (v) => this.setField(i, v)];
    }
    if (target.k === 'index') {
      const a = this.array(target.name);
      const key = await this.subscript(target.subs);
      return [a.get(key) ?? (a.set(key, UNINIT), UNINIT), (v) => a.set(key, v)];
    }
    if (target.k === 'group') return this.lvalue(target.e);
    throw new AwkRuntimeError('assignment to non-lvalue');
  }

  async eval(e: Expr): Promise<Value> {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're': {
        const re = this.regex(e.src);
        return re.test(this.record) ? 1 : 0;
      }
      case 'var':
        return this.getVar(e.name);
      case 'field':
        return this.getField(this.fieldIndex(await this.eval(e.e)));
      case 'index': {
        const a = this.array(e.name);
        const key = await this.subscript(e.subs);
        const v = a.get(key);
        if (v === undefined) {
          a.set(key, UNINIT);
          return UNINIT;
        }
        return v;
      }
      case 'group':
        return this.eval(e.e);
      case 'list':
        return this.subscript(e.items);
      case 'assign': {
        if (e.op === '=') {
          let v = await this.eval(e.e);
          if (v instanceof StrNum && v !== UNINIT && e.target.k !== 'field') v = new StrNum(v.s);
          await this.assignTo(e.target, v);
          return v;
        }
        const [cur, set] = await this.lvalue(e.target);
        const r = toNum(await this.eval(e.e));
        const v = arith(e.op.slice(0, -1), toNum(cur), r);
        set(v);
        return v;
      }
      case 'cond':
        return this.truthy(await this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'and':
        return this.truthy(await this.eval(e.l)) && this.truthy(await this.eval(e.r)) ? 1 : 0;
      case 'or':
        return this.truthy(await this.eval(e.l)) || this.truthy(await this.eval(e.r)) ? 1 : 0;
      case 'not':
        return this.truthy(await this.eval(e.e)) ? 0 : 1;
      case 'neg':
        return -toNum(await this.eval(e.e));
      case 'plus':
        return toNum(await this.eval(e.e));
      case 'bin': {
        const l = await this.eval(e.l);
        const r = await this.eval(e.r);
        switch (e.op) {
          case '<': return this.compare(l, r) < 0 ? 1 : 0;
          case '<=': return this.compare(l, r) <= 0 ? 1 : 0;
          case '>': return this.compare(l, r) > 0 ? 1 : 0;
          case '>=': return this.compare(l, r) >= 0 ? 1 : 0;
          case '==': return this.compare(l, r) === 0 ? 1 : 0;
          case '!=': return this.compare(l, r) !== 0 ? 1 : 0;
          default: return arith(e.op, toNum(l), toNum(r));
        }
      }
      case 'match': {
        const s = this.toStr(await this.eval(e.l));
        const re = await this.regexOf(e.r);
        return re.test(s) !== e.neg ? 1 : 0;
      }
      case 'in':
        return this.array(e.name).has(await this.subscript(e.subs)) ? 1 : 0;
      case 'concat':
        return this.toStr(await this.eval(e.l)) + this.toStr(await this.eval(e.r));
      case 'incdec': {
        const [cur, set] = await this.lvalue(e.target);
        const n = toNum(cur);
        const v = e.op === '++' ? n + 1 : n - 1;
        set(v);
        return e.prefix ? v : n;
      }
      case 'call':
        return this.call(e.name, e.args);
      case 'builtin':
        return this.builtin(e.name, e.args);
      case 'getline':
        return this.getline(e);
    }
  }

  private async call(name: string, args: Expr[]): Promise<Value> {
    const f = this.prog.funcs.get(name) as Func;
    const frame = new Map<string, Cell>();
    for (let i = 0; i < f.params.length; i++) {
      const a = args[i];
      if (!a) {
        frame.set(f.params[i], {});
        continue;
      }
      if (a.k === 'var' && a.name !== 'NF') {
        const c = this.cell(a.name);
        if (c.a) {
          frame.set(f.params[i], { a: c.a });
          continue;
        }
        if (c.v === undefined || c.v === UNINIT) {
          frame.set(f.params[i], { parent: c });
          continue;
        }
      }
      frame.set(f.params[i], { v: await this.eval(a) });
    }
    if (++this.depth > 5000) throw new AwkRuntimeError('function call nesting too deep');
    this.frames.push(frame);
    try {
      await this.block(f.body);
      return UNINIT;
    } catch (err) {
      if (err instanceof Return) return err.v;
      throw err;
    } finally {
      this.frames.pop();
      this.depth--;
    }
  }

  private nextRand(): number {
    // A 31-bit linear congruential generator: deterministic from the seed, as srand(n) promises.
    this.rng = (Math.imul(this.rng, 1103515245) + 12345) & 0x7fffffff;
    return this.rng / 0x80000000;
  }

  private async builtin(name: string, args: Expr[]): Promise<Value> {
    const ev = async (i: number): Promise<Value> => this.eval(args[i]);
    const s = async (i: number): Promise<string> => this.toStr(await ev(i));
    const n = async (i: number): Promise<number> => toNum(await ev(i));
    switch (name) {
      case 'length': {
        if (args.length === 0) return this.record.length;
        const a = args[0];
        if (a.k === 'var') {
          const c = this.cell(a.name);
          if (c.a) return c.a.size;
        }
        return (await s(0)).length;
      }
      case 'substr': {
        const str = await s(0);
        // mawk truncates: substr("hello", 1.5, 2) is "he".
        const m = Math.trunc(await n(1));
        const len = args.length > 2 ? Math.trunc(await n(2)) : Infinity;
        const start = Math.max(m, 1);
        const end = Math.min(m + len, str.length + 1);
        return end > start ? str.slice(start - 1, end - 1) : '';
      }
      case 'index':
        return (await s(0)).indexOf(await s(1)) + 1;
      case 'split': {
        const str = await s(0);
        const target = args[1];
        if (target.k !== 'var') throw new AwkRuntimeError('split: second argument is not an array');
        let parts: string[];
        if (args.length > 2 && args[2].k === 're') parts = str === '' ? [] : str.split(new RegExp(this.regex(args[2].src).source, 'u'));
        else parts = this.splitString(str, args.length > 2 ? await s(2) : this.str('FS'), false);
        const arr = this.array(target.name);
        arr.clear();
        parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = await this.regexOf(args[0]);
        const repl = await s(1);
        const target: Expr = args[2] ?? { k: 'field', e: { k: 'num', v: 0 } };
        const [cur, set] = await this.lvalue(target);
        const [text, count] = substitute(this.toStr(cur), re, repl, name === 'gsub');
        if (count > 0) set(text);
        return count;
      }
      case 'match': {
        const str = await s(0);
        const re = await this.regexOf(args[1]);
        const m = re.exec(str);
        this.setVar('RSTART', m ? m.index + 1 : 0);
        this.setVar('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf': {
        const vals: Value[] = [];
        for (let i = 1; i < args.length; i++) vals.push(await ev(i));
        return this.sprintf(await s(0), vals, 'sprintf');
      }
      case 'tolower':
        return (await s(0)).toLowerCase();
      case 'toupper':
        return (await s(0)).toUpperCase();
      case 'int':
        return Math.trunc(await n(0));
      case 'sqrt':
        return Math.sqrt(await n(0));
      case 'exp':
        return Math.exp(await n(0));
      case 'log':
        return Math.log(await n(0));
      case 'sin':
        return Math.sin(await n(0));
      case 'cos':
        return Math.cos(await n(0));
      case 'atan2':
        return Math.atan2(await n(0), await n(1));
      case 'rand':
        return this.nextRand();
      case 'srand': {
        const prev = this.prevSeed;
        const seed = args.length > 0 ? Math.trunc(await n(0)) : Math.floor(this.sys.now() / 1000);
        this.prevSeed = seed;
        this.rng = seed & 0x7fffffff;
        return prev;
      }
      case 'system': {
        const cmd = await s(0);
        await this.flushAll();
        const pid = this.sys.spawn({ path: '/bin/sh', argv: ['sh', '-c', cmd] });
        const st = await this.sys.wait(pid);
        return st ? (st.signal ? 256 + st.status - 128 : st.status) : 0;
      }
      case 'close':
        return this.close(await s(0));
      case 'fflush':
        await this.flushAll();
        return 0;
    }
    throw new AwkRuntimeError(`unknown function ${name}`);
  }

  sprintf(fmt: string, vals: Value[], who: string): string {
    let out = '';
    let ai = 0;
    const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])?|[^%]+/g;
    for (const m of fmt.matchAll(re)) {
      const tok = m[0];
      if (tok[0] !== '%') {
        out += tok;
        continue;
      }
      const [, flags, w, p, c] = m;
      if (c === '%') {
        out += '%';
        continue;
      }
      if (c === undefined || !'diouxXeEfFgGcs'.includes(c)) {
        out += tok;
        continue;
      }
      const take = (): Value => {
        if (ai >= vals.length) throw new AwkRuntimeError(`not enough arguments passed to ${who}("${fmt}")`);
        return vals[ai++];
      };
      const width = w === '*' ? Math.trunc(toNum(take())) : w === undefined ? undefined : Number(w);
      const prec = p === '*' ? Math.trunc(toNum(take())) : p === undefined ? undefined : Number(p || 0);
      const v = take();
      const f = width !== undefined && width < 0 ? `${flags}-` : flags;
      out += formatOne(f, width === undefined ? undefined : Math.abs(width), prec, c, {
        num: () => toNum(v),
        str: () => {
          if (c !== 'c') return this.toStr(v);
          if (typeof v === 'number') return String.fromCodePoint(Math.trunc(v) & 0xff);
          return this.toStr(v).slice(0, 1);
        },
      });
    }
    return out;
  }

  // ---- input

  private async openMainNext(): Promise<boolean> {
    for (;;) {
      const argc = Math.trunc(toNum(this.getVar('ARGC')));
      const argv = this.array('ARGV');
      if (this.main.arg >= argc) {
        if (this.main.opened) return false;
        this.main.opened = true;
        this.main.usedStdin = true;
        this.main.reader = new Reader(this.sys, 0);
        this.main.fd = 0;
        this.setVar('FILENAME', '-');
        return true;
      }
      const arg = this.toStr(argv.get(String(this.main.arg++)) ?? '');
      if (arg === '') continue;
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(arg);
      if (assign) {
        this.setVar(assign[1], new StrNum(processEscapes(assign[2])));
        continue;
      }
      this.main.opened = true;
      if (arg === '-' || arg === '/dev/stdin') {
        this.main.reader = new Reader(this.sys, 0);
        this.main.fd = 0;
      } else {
        let fd: number;
        try {
          fd = this.sys.open(arg, 'r');
        } catch (err) {
          if (!isSysError(err)) throw err;
          throw new AwkFatal(this.dialect.cannotOpen(arg, errorText(err)));
        }
        this.main.reader = new Reader(this.sys, fd);
        this.main.fd = fd;
      }
      this.setVar('FILENAME', arg);
      this.setVar('FNR', 0);
      return true;
    }
  }

  /** The next record of the main input, counting NR and FNR; null at the end of the last file. */
  private async nextMain(): Promise<string | null> {
    for (;;) {
      if (!this.main.reader) {
        if (!(await this.openMainNext())) return null;
      }
      const rec = await this.main.reader!.next(this.str('RS'));
      if (rec === null) {
        if (this.main.fd > 0) this.sys.close(this.main.fd);
        this.main.reader = null;
        continue;
      }
      this.setVar('NR', toNum(this.getVar('NR')) + 1);
      this.setVar('FNR', toNum(this.getVar('FNR')) + 1);
      return rec;
    }
  }

  private async getline(e: Extract<Expr, { k: 'getline' }>): Promise<Value> {
    let rec: string | null;
    if (e.file) {
      const name = this.toStr(await this.eval(e.file));
      let inp = this.inputs.get(name);
      if (!inp) {
        let fd: number;
        if (name === '-' || name === '/dev/stdin') fd = 0;
        else {
          try {
            fd = this.sys.open(name, 'r');
          } catch (err) {
            if (!isSysError(err)) throw err;
            return -1;
          }
        }
        inp = { reader: new Reader(this.sys, fd), fd };
        this.inputs.set(name, inp);
      }
      rec = await inp.reader.next(this.str('RS'));
    } else if (e.cmd) {
      const cmd = this.toStr(await this.eval(e.cmd));
      let inp = this.inputs.get(cmd);
      if (!inp) {
        await this.flushAll();
        const [r, w] = this.sys.pipe();
        const pid = this.sys.spawn({ path: '/bin/sh', argv: ['sh', '-c', cmd], fds: { 0: 0, 1: w, 2: 2 } });
        this.sys.close(w);
        inp = { reader: new Reader(this.sys, r), fd: r, pid };
        this.inputs.set(cmd, inp);
      }
      rec = await inp.reader.next(this.str('RS'));
      if (rec !== null) this.setVar('NR', toNum(this.getVar('NR')) + 1);
    } else {
      rec = await this.nextMain();
    }
    if (rec === null) return 0;
    if (e.target) await this.assignTo(e.target, new StrNum(rec));
    else this.setRecord(rec);
    return 1;
  }

  // ---- output

  private async stream(r: NonNullable<Redirect>): Promise<Output> {
    const name = this.toStr(await this.eval(r.dest));
    if (r.kind !== '|' && (name === '/dev/stdout' || name === '-')) return this.out;
    let s = this.streams.get(name);
    if (s) return s.out;
    if (r.kind === '|') {
      await this.flushAll();
      const [rd, w] = this.sys.pipe();
      const pid = this.sys.spawn({ path: '/bin/sh', argv: ['sh', '-c', name], fds: { 0: rd, 1: 1, 2: 2 } });
      this.sys.close(rd);
      s = { out: new Output(this.sys, w), fd: w, pid };
    } else if (name === '/dev/stderr') {
      s = { out: new Output(this.sys, 2, 1), fd: -1 };
    } else {
      let fd: number;
      try {
        fd = this.sys.open(name, r.kind === '>>' ? 'a' : 'w', 0o666);
      } catch (err) {
        if (!isSysError(err)) throw err;
        throw new AwkRuntimeError(`cannot open "${name}" for output`);
      }
      s = { out: new Output(this.sys, fd), fd };
    }
    this.streams.set(name, s);
    return s.out;
  }

  async flushAll(): Promise<void> {
    await this.out.flush();
    for (const s of this.streams.values()) await s.out.flush();
  }

  private async close(name: string): Promise<number> {
    const s = this.streams.get(name);
    if (s) {
      this.streams.delete(name);
      await s.out.flush();
      if (s.fd >= 0) this.sys.close(s.fd);
      if (s.pid !== undefined) {
        const st = await this.sys.wait(s.pid);
        return st ? st.status : 0;
      }
      return 0;
    }
    const inp = this.inputs.get(name);
    if (inp) {
      this.inputs.delete(name);
      if (inp.fd > 0) this.sys.close(inp.fd);
      if (inp.pid !== undefined) {
        const st = await this.sys.wait(inp.pid);
        return st ? st.status : 0;
      }
      return 0;
    }
    return -1;
  }

  async closeAll(): Promise<void> {
    await this.out.flush();
    for (const name of [...this.streams.keys()]) await this.close(name);
    for (const name of [...this.inputs.keys()]) await this.close(name);
  }

  // ---- statements

  private async block(body: Stmt[]): Promise<void> {
    for (const s of body) await this.exec(s);
  }

  /** One pass of a loop's body, after its CPU tick; true when the body ran `break`. */
  private async iteration(body: Stmt): Promise<boolean> {
    await this.tick();
    try {
      await this.exec(body);
    } catch (err) {
      if (err === BREAK) return true;
      if (err !== CONTINUE) throw err;
    }
    return false;
  }

  private async exec(s: Stmt): Promise<void> {
    switch (s.k) {
      case 'expr':
        await this.eval(s.e);
        return;
      case 'print': {
        let line: string;
        if (s.args.length === 0) line = this.record;
        else {
          const parts: string[] = [];
          for (const a of s.args) parts.push(this.outStr(await this.eval(a)));
          line = parts.join(this.str('OFS'));
        }
        line += this.str('ORS');
        const out = s.redir ? await this.stream(s.redir) : this.out;
        if (out.fd === 2) await this.out.flush();
        await out.write(line);
        if (out.fd === 2) await out.flush();
        return;
      }
      case 'printf': {
        const vals: Value[] = [];
        for (let i = 1; i < s.args.length; i++) vals.push(await this.eval(s.args[i]));
        const text = this.sprintf(this.toStr(await this.eval(s.args[0])), vals, 'printf');
        const out = s.redir ? await this.stream(s.redir) : this.out;
        if (out.fd === 2) await this.out.flush();
        await out.write(text);
        if (out.fd === 2) await out.flush();
        return;
      }
      case 'if':
        if (this.truthy(await this.eval(s.c))) await this.exec(s.then);
        else if (s.else) await this.exec(s.else);
        return;
      case 'block':
        return this.block(s.body);
      case 'while':
        while (this.truthy(await this.eval(s.c))) {
          if (await this.iteration(s.body)) break;
        }
        return;
      case 'do':
        do {
          if (await this.iteration(s.body)) break;
        } while (this.truthy(await this.eval(s.c)));
        return;
      case 'for':
        if (s.init) await this.eval(s.init);
        while (!s.c || this.truthy(await this.eval(s.c))) {
          if (await this.iteration(s.body)) break;
          if (s.step) await this.eval(s.step);
        }
        return;
      case 'forin': {
        const keys = [...this.array(s.arr).keys()];
        for (const k of keys) {
          await this.assignTo(s.v, new StrNum(k));
          if (await this.iteration(s.body)) break;
        }
        return;
      }
      case 'next':
        throw NEXT;
      case 'nextfile':
        throw NEXTFILE;
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'exit':
        throw new Exit(s.e ? Math.trunc(toNum(await this.eval(s.e))) : null);
      case 'return':
        throw new Return(s.e ? await this.eval(s.e) : UNINIT);
      case 'delete':
        if (s.subs) this.array(s.name).delete(await this.subscript(s.subs));
        else this.array(s.name).clear();
        return;
    }
  }

  // ---- the program

  private where(): { filename: string; fnr: number; nr: number } {
    return { filename: this.str('FILENAME'), fnr: toNum(this.getVar('FNR')), nr: toNum(this.getVar('NR')) };
  }

  /** Runs BEGIN, the main loop and END; returns the exit status. */
  async run(opts: RunOptions): Promise<number> {
    const argv: AwkArray = new Map();
    argv.set('0', opts.argv0);
    opts.args.forEach((a, i) => argv.set(String(i + 1), new StrNum(a)));
    this.globals.set('ARGV', { a: argv });
    this.globals.set('ARGC', { v: opts.args.length + 1 });
    try {
      for (const [k, v] of opts.assigns) this.setVar(k, new StrNum(processEscapes(v)));
      const items = this.prog.items;
      let exiting = false;
      try {
        for (const it of items) if (it.kind === 'begin') await this.block(it.action!);
      } catch (err) {
        if (!(err instanceof Exit)) throw err;
        if (err.code !== null) this.exitCode = err.code;
        exiting = true;
      }
      const mains = items.filter((it) => it.kind === 'main');
      const ends = items.filter((it) => it.kind === 'end');
      if (!exiting && (mains.length > 0 || ends.length > 0)) {
        try {
          await this.mainLoop(mains);
        } catch (err) {
          if (!(err instanceof Exit)) throw err;
          if (err.code !== null) this.exitCode = err.code;
        }
      }
      try {
        for (const it of ends) await this.block(it.action!);
      } catch (err) {
        if (!(err instanceof Exit)) throw err;
        if (err.code !== null) this.exitCode = err.code;
      }
      await this.closeAll();
      return this.exitCode;
    } catch (err) {
      if (isProcessEnd(err)) throw err;
      if (err instanceof AwkRuntimeError) {
        await this.flushAll().catch(() => undefined);
        await this.sys.write(2, this.dialect.runtimeError(err.message, this.where()));
        return 2;
      }
      if (err instanceof AwkFatal) {
        await this.flushAll().catch(() => undefined);
        await this.sys.write(2, `${err.message}\n`);
        return 2;
      }
      if (err instanceof Return) return this.exitCode;
      throw err;
    }
  }

  private async mainLoop(mains: Program['items']): Promise<void> {
    this.ranges = mains.map(() => false);
    let n = 0;
    for (;;) {
      const rec = await this.nextMain();
      if (rec === null) return;
      this.setRecord(rec);
      // A record costs CPU as a sed cycle or a shell statement does.
      this.sys.cpu(1);
      if (++n % 256 === 0) await this.sys.yield();
      try {
        for (let i = 0; i < mains.length; i++) {
          const it = mains[i];
          if (!(await this.matches(it, i))) continue;
          if (it.action) await this.block(it.action);
          else await this.exec({ k: 'print', args: [], redir: null });
        }
      } catch (err) {
        if (err === NEXT) continue;
        if (err === NEXTFILE) {
          if (this.main.fd > 0) this.sys.close(this.main.fd);
          this.main.reader = null;
          continue;
        }
        throw err;
      }
    }
  }

  private async matches(it: Program['items'][number], i: number): Promise<boolean> {
    if (!it.pattern) return true;
    if (!it.pattern2) return this.truthy(await this.eval(it.pattern));
    if (!this.ranges[i]) {
      if (!this.truthy(await this.eval(it.pattern))) return false;
      this.ranges[i] = !this.truthy(await this.eval(it.pattern2));
      return true;
    }
    if (this.truthy(await this.eval(it.pattern2))) this.ranges[i] = false;
    return true;
  }
}

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return a % b;
    case '^': return a ** b;
  }
  return NaN;
}

/** sub/gsub: `&` is the match, `\&` a literal `&`, `\\` a backslash. */
export function substitute(text: string, re: RegExp, repl: string, global: boolean): [string, number] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let out = '';
  let last = 0;
  let count = 0;
  let prevEnd = -1;
  for (;;) {
    const m = g.exec(text);
    if (!m) break;
    if (m[0] === '' && m.index === prevEnd) {
      if (m.index >= text.length) break;
      g.lastIndex = m.index + 1;
      continue;
    }
    out += text.slice(last, m.index);
    for (let i = 0; i < repl.length; i++) {
      const c = repl[i];
      if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) out += repl[++i];
      else if (c === '&') out += m[0];
      else out += c;
    }
    last = m.index + m[0].length;
    prevEnd = last;
    count++;
    if (!global) break;
    if (m[0] === '') {
      if (m.index >= text.length) break;
      out += text[m.index];
      last = m.index + 1;
      g.lastIndex = m.index + 1;
    }
  }
  return [out + text.slice(last), count];
}

/** Escapes in a -v or command-line assignment's value, as in a string literal. */
export function processEscapes(s: string): string {
  return s.replace(/\\([ntrfvab\\"/]|[0-7]{1,3})/g, (_, e: string) => {
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\', '"': '"', '/': '/' };
    return map[e] ?? String.fromCharCode(parseInt(e, 8));
  });
}
