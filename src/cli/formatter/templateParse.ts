/**
 * The subset of Go's text/template that `docker … --format` users write: actions with pipelines, fields
 * (`.State.Running`, `$v.Name`), variables, string/number/bool literals, parenthesised pipelines,
 * `if`/`else if`/`else`, `range` (with `$i, $v :=`), `with`, `end`, comments and `{{-`/`-}}` trimming.
 * Parse errors read like Go's: `template: :1: unclosed action`.
 */
export type Operand =
  | { t: 'field'; pos: number; base: 'dot' | string; names: string[]; text: string }
  | { t: 'str'; pos: number; v: string }
  | { t: 'num'; pos: number; v: number }
  | { t: 'bool'; pos: number; v: boolean }
  | { t: 'nil'; pos: number }
  | { t: 'ident'; pos: number; name: string }
  | { t: 'pipe'; pos: number; pipe: Pipeline };

export interface Pipeline {
  readonly decl: string[];
  readonly cmds: Operand[][];
}

export type Node =
  | { t: 'text'; v: string }
  | { t: 'action'; pos: number; pipe: Pipeline }
  | { t: 'if' | 'with'; pos: number; pipe: Pipeline; list: Node[]; elseList: Node[] }
  | { t: 'range'; pos: number; pipe: Pipeline; list: Node[]; elseList: Node[] };

export class TemplateError extends Error {}

const KNOWN_FUNCTIONS = new Set(['and', 'or', 'not', 'len', 'index', 'print', 'printf', 'println', 'eq', 'ne',
  'lt', 'le', 'gt', 'ge', 'json', 'join', 'split', 'upper', 'lower', 'title', 'pad', 'truncate', 'slice']);

export function isKnownFunction(name: string): boolean {
  return KNOWN_FUNCTIONS.has(name);
}

interface Action {
  pos: number;
  line: number;
  body: string;
  bodyPos: number;
}

export function parseTemplate(src: string): Node[] {
  const pieces: Array<string | Action> = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      pieces.push(src.slice(i));
      break;
    }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src.startsWith('- ', start) || src.startsWith('-\t', start) || src.startsWith('-\n', start)) {
      text = text.replace(/[ \t\r\n]+$/, '');
      start += 1;
    }
    if (text) pieces.push(text);
    const close = findClose(src, start);
    const line = 1 + (src.slice(0, open).match(/\n/g)?.length ?? 0);
    if (close < 0) throw new TemplateError(`template: :${line}: unclosed action`);
    let end = close;
    let next = close + 2;
    if (/[ \t\r\n]-$/.test(src.slice(start, close))) {
      end = close - 1;
      next = close + 2;
      while (next < src.length && ' \t\r\n'.includes(src[next])) next++;
    }
    pieces.push({ pos: open, line, body: src.slice(start, end), bodyPos: start });
    i = next;
  }
  let k = 0;
  const list = (stopAt: string[]): [Node[], string, Action | null] => {
    const out: Node[] = [];
    while (k < pieces.length) {
      const p = pieces[k++];
      if (typeof p === 'string') {
        out.push({ t: 'text', v: p });
        continue;
      }
      const body = p.body.trim();
      if (body.startsWith('/*')) continue;
      const word = /^(\w+)/.exec(body)?.[1] ?? '';
      if (word === 'end' || word === 'else') {
        if (!stopAt.includes(word)) throw new TemplateError(`template: :${p.line}: unexpected {{${word}}}`);
        return [out, word, p];
      }
      if (word === 'if' || word === 'with' || word === 'range') {
        out.push(block(p, word, body));
        continue;
      }
      out.push({ t: 'action', pos: p.pos, pipe: parsePipeline(body, p, p.bodyPos + (p.body.length - p.body.trimStart().length)) });
    }
    return [out, '', null];
  };
  // `{{else if x}}` is `{{else}}{{if x}}…{{end}}` whose end is shared with the outer block.
  const block = (p: Action, word: 'if' | 'with' | 'range', body: string): Node => {
    const pipe = parsePipeline(body.slice(word.length), p, p.bodyPos + p.body.indexOf(word) + word.length);
    const [inner, stop, at] = list(['end', 'else']);
    let elseList: Node[] = [];
    if (stop === 'else') {
      const rest = at!.body.trim().slice(4).trim();
      const w = /^(if|with)\b/.exec(rest)?.[1] as 'if' | 'with' | undefined;
      if (w) elseList = [block(at!, w, rest)];
      else {
        const [e, stop2] = list(['end']);
        if (stop2 !== 'end') throw new TemplateError(`template: :${p.line}: unexpected EOF`);
        elseList = e;
      }
    } else if (stop !== 'end') {
      throw new TemplateError(`template: :${p.line}: unexpected EOF`);
    }
    return { t: word, pos: p.pos, pipe, list: inner, elseList };
  };
  const [nodes, stop] = list([]);
  if (stop) throw new TemplateError(`template: :1: unexpected {{${stop}}}`);
  return nodes;
}

function findClose(src: string, from: number): number {
  let q: string | null = null;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = null;
      continue;
    }
    if (c === '"' || c === '`' || c === "'") q = c;
    else if (c === '}' && src[i + 1] === '}') return i;
  }
  return -1;
}

function parsePipeline(text: string, at: Action, base: number): Pipeline {
  const toks = tokenize(text, at, base);
  let p = 0;
  const decl: string[] = [];
  const save = p;
  while (toks[p]?.s.startsWith('$') && (toks[p + 1]?.s === ',' || toks[p + 1]?.s === ':=' || toks[p + 1]?.s === '=')) {
    decl.push(toks[p].s);
    p++;
    if (toks[p].s === ',') p++;
    else {
      p++;
      break;
    }
  }
  if (decl.length === 0) p = save;
  const parse = (stop: string | null): Pipeline => {
    const cmds: Operand[][] = [[]];
    while (p < toks.length && toks[p].s !== stop) {
      const tk = toks[p++];
      if (tk.s === '|') {
        if (cmds[cmds.length - 1].length === 0) throw new TemplateError(`template: :${at.line}: missing command`);
        cmds.push([]);
        continue;
      }
      if (tk.s === '(') {
        const inner = parse(')');
        if (toks[p]?.s !== ')') throw new TemplateError(`template: :${at.line}: unclosed left paren`);
        p++;
        cmds[cmds.length - 1].push({ t: 'pipe', pos: tk.pos, pipe: inner });
        continue;
      }
      cmds[cmds.length - 1].push(operand(tk.s, tk.pos, at));
    }
    if (cmds[cmds.length - 1].length === 0) throw new TemplateError(`template: :${at.line}: missing value for command`);
    return { decl: [], cmds };
  };
  const pipe = parse(null);
  return { decl, cmds: pipe.cmds };
}

function operand(s: string, pos: number, at: Action): Operand {
  if (s.startsWith('"')) return { t: 'str', pos, v: JSON.parse(s.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) as string };
  if (s.startsWith('`')) return { t: 'str', pos, v: s.slice(1, -1) };
  if (/^[-+]?\d/.test(s)) return { t: 'num', pos, v: Number(s) };
  if (s === 'true' || s === 'false') return { t: 'bool', pos, v: s === 'true' };
  if (s === 'nil') return { t: 'nil', pos };
  if (s === '.') return { t: 'field', pos, base: 'dot', names: [], text: s };
  if (s.startsWith('.') || s.startsWith('$')) {
    const parts = s.split('.');
    const base = s.startsWith('$') ? parts.shift()! : 'dot';
    if (base === 'dot') parts.shift();
    return { t: 'field', pos, base, names: parts, text: s };
  }
  if (/^\w+$/.test(s)) {
    if (!isKnownFunction(s)) throw new TemplateError(`template: :${at.line}: function "${s}" not defined`);
    return { t: 'ident', pos, name: s };
  }
  throw new TemplateError(`template: :${at.line}: unexpected "${s}" in command`);
}

function tokenize(text: string, at: Action, base: number): Array<{ s: string; pos: number }> {
  const out: Array<{ s: string; pos: number }> = [];
  const re = /\s+|"(?:[^"\\]|\\.)*"|`[^`]*`|:=|[|(),=]|[^\s|(),=]+/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    if (!/^\s+$/.test(m[0])) out.push({ s: m[0], pos: base + m.index });
  }
  if (re.lastIndex < text.length) throw new TemplateError(`template: :${at.line}: unterminated quoted string`);
  return out;
}
