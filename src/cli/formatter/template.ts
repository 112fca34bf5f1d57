/**
 * Executes the Go-template subset of templateParse.ts with docker's extra functions (json, join, split,
 * upper, lower, title, pad, truncate) and Go's builtins (len, index, print, printf, println, and, or, not, eq…).
 * Struct-like data (objects with GO_TYPE) reject unknown fields as Go does; plain objects act as
 * map[string]interface{} (a missing key prints `<no value>`).
 */
import { GO_TYPE, goJSON, goSprint, goTitle } from './gofmt.js';
import { parseTemplate, TemplateError, type Node, type Operand, type Pipeline } from './templateParse.js';
import { sprintf } from './sprintf.js';
import { utf8Encode } from '../../engine/kernel/utf8.js';

export { TemplateError };

const NO_VALUE = Symbol('noValue');

export interface Template {
  execute(data: unknown): string;
}

/** Parse once; errors are TemplateError with Go's message (`template: :1: unclosed action`). */
export function compileTemplate(src: string): Template {
  const nodes = parseTemplate(src);
  return { execute: (data) => run(nodes, data, src) };
}

function run(nodes: Node[], root: unknown, src: string): string {
  let out = '';
  const vars: Array<Map<string, unknown>> = [new Map([['$', root]])];
  const lookupVar = (name: string): unknown => {
    for (let i = vars.length - 1; i >= 0; i--) if (vars[i].has(name)) return vars[i].get(name);
    throw new TemplateError(`template: :1: undefined variable: ${name}`);
  };
  const fail = (pos: number, text: string, msg: string): never => {
    const before = src.slice(0, pos);
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = pos - (before.lastIndexOf('\n') + 1);
    throw new TemplateError(`template: :${line}:${col}: executing "" at <${text}>: ${msg}`);
  };

  const field = (op: Extract<Operand, { t: 'field' }>, dot: unknown): unknown => {
    let v = op.base === 'dot' ? dot : lookupVar(op.base);
    for (const name of op.names) {
      if (v === NO_VALUE || v === null || v === undefined) {
        if (v === NO_VALUE) return NO_VALUE;
        fail(op.pos, op.text, `nil pointer evaluating interface {}.${name}`);
      }
      if (typeof v !== 'object' || Array.isArray(v)) {
        fail(op.pos, op.text, `can't evaluate field ${name} in type ${goTypeOf(v)}`);
      }
      const o = v as Record<string | symbol, unknown>;
      if (GO_TYPE in o) {
        if (!(name in o)) fail(op.pos, op.text, `can't evaluate field ${name} in type ${String(o[GO_TYPE])}`);
        v = typeof o[name] === 'function' ? (o[name] as () => unknown)() : o[name];
      } else {
        v = Object.prototype.hasOwnProperty.call(o, name) ? o[name] : NO_VALUE;
      }
    }
    return v;
  };

  const evalOperand = (op: Operand, dot: unknown): unknown => {
    switch (op.t) {
      case 'field': return field(op, dot);
      case 'str': case 'num': case 'bool': return op.v;
      case 'nil': return null;
      case 'pipe': return evalPipe(op.pipe, dot);
      case 'ident': return call(op.name, [], op);
    }
  };

  const call = (name: string, args: unknown[], op: Operand): unknown => {
    const a = args.map((x) => (x === NO_VALUE ? null : x));
    const str = (x: unknown): string => (typeof x === 'string' ? x : goSprint(x));
    switch (name) {
      case 'json': return goJSON(a[0]);
      case 'join': return (Array.isArray(a[0]) ? a[0] : []).map(str).join(str(a[1]));
      case 'split': return str(a[0]).split(str(a[1]));
      case 'upper': return str(a[0]).toUpperCase();
      case 'lower': return str(a[0]).toLowerCase();
      case 'title': return goTitle(str(a[0]));
      case 'pad': return ' '.repeat(Number(a[1])) + str(a[0]) + ' '.repeat(Number(a[2]));
      case 'truncate': return [...str(a[0])].slice(0, Number(a[1])).join('');
      case 'len': {
        const x = a[0];
        if (typeof x === 'string') return utf8Encode(x).length;
        if (Array.isArray(x)) return x.length;
        if (x && typeof x === 'object') return Object.keys(x).length;
        return fail(op.pos, name, `error calling len: len of type ${goTypeOf(x)}`);
      }
      case 'index': {
        let x = a[0];
        for (const k of a.slice(1)) {
          if (Array.isArray(x)) x = x[Number(k)];
          else if (x && typeof x === 'object') x = (x as Record<string, unknown>)[str(k)] ?? null;
          else x = null;
        }
        return x;
      }
      case 'print': return a.map((x, i) => (i > 0 && typeof x !== 'string' && typeof a[i - 1] !== 'string' ? ' ' : '') + str(x)).join('');
      case 'println': return a.map(str).join(' ') + '\n';
      case 'printf': return sprintf(str(a[0]), a.slice(1));
      case 'not': return !truth(a[0]);
      case 'and': return a.find((x) => !truth(x)) ?? a[a.length - 1];
      case 'or': return a.find((x) => truth(x)) ?? a[a.length - 1];
      case 'eq': return a.slice(1).some((x) => x === a[0]);
      case 'ne': return a[0] !== a[1];
      case 'lt': return (a[0] as number) < (a[1] as number);
      case 'le': return (a[0] as number) <= (a[1] as number);
      case 'gt': return (a[0] as number) > (a[1] as number);
      case 'ge': return (a[0] as number) >= (a[1] as number);
      case 'slice': return Array.isArray(a[0]) ? a[0].slice(Number(a[1] ?? 0), a[2] === undefined ? undefined : Number(a[2])) : str(a[0]).slice(Number(a[1] ?? 0), a[2] === undefined ? undefined : Number(a[2]));
      default: throw new TemplateError(`template: :1: function "${name}" not defined`);
    }
  };

  const evalPipe = (pipe: Pipeline, dot: unknown): unknown => {
    let prev: unknown = undefined;
    let first = true;
    for (const cmd of pipe.cmds) {
      const head = cmd[0];
      const extra = first ? [] : [prev];
      if (head.t === 'ident') {
        prev = call(head.name, [...cmd.slice(1).map((o) => evalOperand(o, dot)), ...extra], head);
      } else {
        if (cmd.length > 1 || !first) {
          const text = head.t === 'field' ? head.text : '';
          fail(head.pos, text, `can't give argument to non-function ${text}`);
        }
        prev = evalOperand(head, dot);
      }
      first = false;
    }
    if (pipe.decl.length === 1) vars[vars.length - 1].set(pipe.decl[0], prev);
    return prev;
  };

  const walk = (list: Node[], dot: unknown): void => {
    for (const n of list) {
      if (n.t === 'text') out += n.v;
      else if (n.t === 'action') {
        const v = evalPipe(n.pipe, dot);
        if (n.pipe.decl.length === 0) out += v === NO_VALUE ? '<no value>' : goSprint(v);
      } else if (n.t === 'if' || n.t === 'with') {
        vars.push(new Map());
        const v = evalPipe(n.pipe, dot);
        if (truth(v)) walk(n.list, n.t === 'with' ? v : dot);
        else walk(n.elseList, dot);
        vars.pop();
      } else {
        const decl = n.pipe.decl;
        const v = evalPipe({ decl: [], cmds: n.pipe.cmds }, dot);
        const entries: Array<[unknown, unknown]> = Array.isArray(v)
          ? v.map((x, i) => [i, x])
          : v && typeof v === 'object'
            ? Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])
            : [];
        if (entries.length === 0) walk(n.elseList, dot);
        for (const [k, x] of entries) {
          const scope = new Map<string, unknown>();
          if (decl.length === 1) scope.set(decl[0], x);
          if (decl.length === 2) {
            scope.set(decl[0], k);
            scope.set(decl[1], x);
          }
          vars.push(scope);
          walk(n.list, x);
          vars.pop();
        }
      }
    }
  };
  walk(nodes, root);
  return out;
}

function truth(v: unknown): boolean {
  if (v === NO_VALUE || v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return GO_TYPE in (v as object) || Object.keys(v as object).length > 0;
  return true;
}

function goTypeOf(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (v && typeof v === 'object') return GO_TYPE in v ? String((v as Record<symbol, unknown>)[GO_TYPE]) : 'map[string]interface {}';
  return 'interface {}';
}
