/** local, declare (typeset), readonly and let: no login runs them before its first prompt (index.ts). */
import { evalArith, ArithError } from '../arith.js';
import { ShellError } from '../errors.js';
import { isName, Parser } from '../parser.js';
import { assignArray, declareArray, toArray } from '../arrays.js';
import { expandString, expandWords } from '../expand.js';
import type { ShellContext } from '../context.js';
import { splitAssign } from './vars.js';

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

