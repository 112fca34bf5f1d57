/** local, declare (typeset), readonly and let: no login runs them before its first prompt (index.ts). */
import { evalArith, ArithError } from '../arith.js';
import { ShellError } from '../errors.js';
import { isName, Parser } from '../parser.js';
import { assignArray, declareArray, toArray } from '../arrays.js';
import { expandString, expandWords } from '../expand.js';
import type { ShellContext } from '../context.js';
import { splitAssign } from './vars.js';
import { functionText } from '../printcmd.js';

const USAGE: Record<string, string> = {
  declare: 'declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]',
  typeset: 'typeset [-aAfFgiIlnrtux] name[=value] ... or typeset -p [-aAfFilnrtux] [name ...]',
  local: 'local [option] name[=value] ...',
  readonly: 'readonly [-aAf] [name[=value] ...] or readonly -p',
};

/** `declare -f` (functions as bash prints them) and `declare -F` (their names). */
async function printFunctions(sh: ShellContext, names: string[], namesOnly: boolean): Promise<number> {
  let out = '';
  let status = 0;
  for (const n of names.length ? names : [...sh.funcs.keys()].sort()) {
    const body = sh.funcs.get(n);
    if (!body) {
      status = 1;
      continue;
    }
    if (namesOnly) out += names.length ? `${n}\n` : `declare -f ${n}\n`;
    else out += `${functionText(n, body)}\n`;
  }
  await sh.sys.write(1, out);
  return status;
}

async function declareLike(sh: ShellContext, argv: string[], opts: { local?: boolean; readonly?: boolean }): Promise<number> {
  let exp = false;
  let ro = opts.readonly ?? false;
  let print = false;
  let array = false;
  let funcs = '' as '' | 'f' | 'F';
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 'x') exp = a[0] === '-';
        else if (c === 'r') ro = true;
        else if (c === 'p') print = true;
        else if (c === 'a') array = a[0] === '-';
        else if (c === 'f' || c === 'F') funcs = c === 'F' || funcs === 'F' ? 'F' : 'f';
        else if (c === 'g' && argv[0] !== 'local') continue;
        else if (c === 'A') throw new ShellError(`${argv[0]}: -A: associative arrays are not simulated in dockersim`, 2);
        else if ('ilnuctI'.includes(c)) throw new ShellError(`${argv[0]}: -${c}: this attribute is not simulated in dockersim`, 2);
        else throw new ShellError(`${argv[0]}: ${a[0]}${c}: invalid option\n${argv[0]}: usage: ${USAGE[argv[0]] ?? USAGE.declare}`, 2);
      }
    } else names.push(a);
  }
  if (funcs) return printFunctions(sh, names, funcs === 'F');
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

