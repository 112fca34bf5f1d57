/**
 * bash's indexed arrays: `a=(x y)`, `a+=(z)`, `a[i]=v`, `${a[i]}`, `${a[@]}`, `${#a[@]}`, `${!a[@]}`,
 * `declare -a`, `unset 'a[i]'`, and PIPESTATUS. A scalar is an array's element 0 and the other way round,
 * as in bash; arrays are never exported. Associative arrays (`declare -A`) are not modelled.
 */
import type { Assign, Word } from './ast.js';
import { evalArith } from './arith.js';
import { ShellError } from './errors.js';
import type { ShellContext, Var } from './context.js';

type Expand = (sh: ShellContext, w: Word) => Promise<string>;

/** The elements in index order, or undefined when `name` is unset. PIPESTATUS is the last pipeline's. */
export function arrayOf(sh: ShellContext, name: string): Map<number, string> | undefined {
  if (name === 'PIPESTATUS' && sh.flavor === 'bash') return new Map(sh.pipestatus.map((s, i) => [i, String(s)]));
  const v = sh.vars.get(name);
  if (!v || v.unsetExported) return undefined;
  return v.arr ?? new Map([[0, v.value]]);
}

export function sortedIndices(arr: Map<number, string>): number[] {
  return [...arr.keys()].sort((a, b) => a - b);
}

/** Makes `name` an array (keeping a scalar value as element 0) and returns its variable. */
export function toArray(sh: ShellContext, name: string): Var {
  let v = sh.vars.get(name);
  if (v?.readonly) throw new ShellError(`${name}: readonly variable`, 1, true);
  if (!v) {
    v = { value: '', exported: false, arr: new Map() };
    sh.vars.set(name, v);
  } else if (!v.arr) {
    v.arr = v.unsetExported ? new Map() : new Map([[0, v.value]]);
    v.unsetExported = undefined;
  }
  return v;
}

async function index(sh: ShellContext, sub: string, arr: Map<number, string> | undefined, name: string): Promise<number> {
  let i = Number(evalArith(sub, sh.arithVars));
  if (i < 0) {
    const top = arr && arr.size > 0 ? Math.max(...arr.keys()) + 1 : 0;
    if (i + top < 0) throw new ShellError(`${name}[${sub}]: bad array subscript`, 1);
    i += top;
  }
  return i;
}

/** `name[sub]=value`, `name=(…)` and their `+=` forms. */
export async function assignArray(sh: ShellContext, a: Assign, expandWords: (sh: ShellContext, w: readonly Word[]) => Promise<string[]>, expand: Expand): Promise<void> {
  if (a.sub) {
    const v = toArray(sh, a.name);
    const i = await index(sh, await expand(sh, a.sub), v.arr, a.name);
    const val = await expand(sh, a.value);
    v.arr!.set(i, a.append ? (v.arr!.get(i) ?? '') + val : val);
    return;
  }
  const v = toArray(sh, a.name);
  if (!a.append) v.arr!.clear();
  let next = v.arr!.size > 0 ? Math.max(...v.arr!.keys()) + 1 : 0;
  for (const item of a.items ?? []) {
    const m = item.parts[0]?.k === 'lit' ? /^\[([^\]]*)\]=/.exec((item.parts[0] as { v: string }).v) : null;
    if (m) {
      // `[k]=v` inside the list: an explicit index, later items follow it.
      const rest: Word = { parts: [{ k: 'lit', v: (item.parts[0] as { v: string }).v.slice(m[0].length) }, ...item.parts.slice(1)], raw: item.raw };
      next = await index(sh, m[1], v.arr, a.name);
      v.arr!.set(next++, await expand(sh, rest));
      continue;
    }
    for (const f of await expandWords(sh, [item])) v.arr!.set(next++, f);
  }
}

/** `unset 'a[i]'`: true when `arg` was an element (handled), false when it is a plain name. */
export async function unsetElement(sh: ShellContext, arg: string): Promise<boolean> {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/.exec(arg);
  if (!m) return false;
  const v = sh.vars.get(m[1]);
  if (!v) return true;
  if (m[2] === '@' || m[2] === '*') {
    sh.unsetVar(m[1]);
    return true;
  }
  const arr = v.arr ?? new Map([[0, v.value]]);
  const i = await index(sh, m[2], arr, m[1]);
  if (!v.arr) {
    if (i === 0) sh.unsetVar(m[1]);
    return true;
  }
  v.arr.delete(i);
  return true;
}

/** What a `${name[sub]…}` stands for before any operator: the list for `@`/`*`, else the one element. */
export async function subscripted(sh: ShellContext, name: string, sub: Word, expand: Expand): Promise<{ all: boolean; star: boolean; values: string[]; keys: string[] }> {
  const arr = arrayOf(sh, name);
  if (sub.raw === '@' || sub.raw === '*') {
    const keys = arr ? sortedIndices(arr) : [];
    return { all: true, star: sub.raw === '*', values: keys.map((k) => arr!.get(k)!), keys: keys.map(String) };
  }
  const i = await index(sh, await expand(sh, sub), arr, name);
  const v = arr?.get(i);
  return { all: false, star: false, values: v === undefined ? [] : [v], keys: [] };
}

/** `declare -p` of an array: `declare -a a=([0]="x" [1]="y")`. */
export function declareArray(name: string, v: Var, flags: string): string {
  const items = sortedIndices(v.arr!).map((k) => `[${k}]="${v.arr!.get(k)!.replace(/(["\\$`])/g, '\\$1')}"`);
  return `declare -a${flags} ${name}=(${items.join(' ')})\n`;
}
