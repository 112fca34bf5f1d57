/**
 * Recursive-descent parser for the POSIX sh grammar (with the bash forms people type). Pure: no Sys.
 * `parseNext` returns one complete command at a time, as a shell reads and runs a script line by line.
 */
import type {
  AndOrNode,
  Assign,
  Command,
  ListItem,
  ListNode,
  PipelineNode,
  Redir,
  RedirOp,
  SimpleNode,
  Word,
  WordPart,
} from './ast.js';
import { Lexer, ParseError, isNameChar, isNameStart, makeWord, type ParseOptions, type Token } from './lexer.js';

export { ParseError, type ParseOptions } from './lexer.js';

const REDIR_OPS: ReadonlySet<string> = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
const LIST_ENDERS: ReadonlySet<string> = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const END_OPS: ReadonlySet<string> = new Set([')', ';;', ';&', ';;&']);

/** The text of a word that is one unquoted literal (how reserved words are recognised). */
function litOf(tok: Token): string | undefined {
  if (tok.t !== 'word') return undefined;
  const p = tok.word.parts;
  return p.length === 1 && p[0].k === 'lit' ? p[0].v : undefined;
}

export function tokenText(tok: Token): string {
  switch (tok.t) {
    case 'word':
      return tok.word.raw;
    case 'op':
      return tok.v;
    case 'nl':
      return 'newline';
    default:
      return '';
  }
}

export class Parser extends Lexer {
  private peeked: Token | null = null;
  private lastEnd = 0;

  constructor(src: string, opts: ParseOptions = {}) {
    super(src, opts);
  }

  /** Line number the lexer has reached. */
  get currentLine(): number {
    return this.line;
  }

  /** How much of the input has been read: what `set -v` shows. */
  get offset(): number {
    return this.pos;
  }

  private peek(): Token {
    return (this.peeked ??= this.nextToken());
  }

  private next(): Token {
    const t = this.peek();
    this.peeked = null;
    this.lastEnd = this.pos;
    return t;
  }

  private unexpected(tok: Token, expecting?: string): never {
    if (tok.t === 'eof') this.incomplete(undefined, expecting);
    throw new ParseError(false, tokenText(tok), tok.line);
  }

  private skipNewlines(): void {
    while (this.peek().t === 'nl') this.next();
  }

  private isKeyword(tok: Token, kw: string): boolean {
    return litOf(tok) === kw;
  }

  private expectKeyword(kw: string): void {
    const tok = this.next();
    if (!this.isKeyword(tok, kw)) this.unexpected(tok, kw);
  }

  private expectOp(op: string): void {
    const tok = this.next();
    if (tok.t !== 'op' || tok.v !== op) this.unexpected(tok, op);
  }

  /** The next complete command (a list ended by a newline), or null at end of input. */
  parseNext(): ListNode | null {
    this.skipNewlines();
    if (this.peek().t === 'eof') return null;
    const list = this.parseList(true);
    const tok = this.peek();
    if (tok.t === 'nl') this.next();
    else if (tok.t !== 'eof') this.unexpected(tok);
    return list;
  }

  /** The whole input as one list. */
  parseAll(): ListNode {
    const items: ListItem[] = [];
    for (let l = this.parseNext(); l; l = this.parseNext()) items.push(...l.items);
    return { t: 'list', items };
  }

  protected parseSubst(): ListNode {
    const saved = this.peeked;
    this.peeked = null;
    const body = this.parseList(false);
    const tok = this.next();
    if (tok.t === 'eof') this.incomplete(')');
    if (tok.t !== 'op' || tok.v !== ')') this.unexpected(tok);
    this.peeked = saved;
    return body;
  }

  protected parseNested(text: string): ListNode {
    const p = new Parser(text, { final: true, line: this.line, depth: this.depth, posix: !this.timed });
    return p.parseAll();
  }

  /** Scans the whole input as a here-document body. */
  dqWord(text: string): Word {
    return makeWord(this.scanDq(null), text);
  }

  protected heredocWord(body: string): Word {
    const p = new Parser(body, { final: true, depth: this.depth });
    return makeWord(p.scanDq(null), body);
  }

  private parseList(top: boolean): ListNode {
    const items: ListItem[] = [];
    for (;;) {
      if (!top) this.skipNewlines();
      const tok = this.peek();
      if (tok.t === 'eof' || tok.t === 'nl') break;
      if (tok.t === 'op' && END_OPS.has(tok.v)) break;
      const kw = litOf(tok);
      if (kw !== undefined && LIST_ENDERS.has(kw)) break;
      const start = tok.start;
      const node = this.parseAndOr();
      const text = this.src.slice(start, this.lastEnd).trim();
      const sep = this.peek();
      let bg = false;
      if (sep.t === 'op' && sep.v === '&') {
        bg = true;
        this.next();
      } else if (sep.t === 'op' && sep.v === ';') this.next();
      else if (sep.t === 'nl' && !top) this.next();
      items.push({ node, bg, text });
      if (sep.t !== 'op' || (sep.v !== '&' && sep.v !== ';')) {
        if (!(sep.t === 'nl' && !top)) break;
      }
    }
    return { t: 'list', items };
  }

  private nonEmpty(list: ListNode, expecting?: string): ListNode {
    if (list.items.length === 0) this.unexpected(this.peek(), expecting);
    return list;
  }

  private parseAndOr(): AndOrNode {
    const first = this.parsePipeline();
    const rest: { op: '&&' | '||'; cmd: PipelineNode }[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || (tok.v !== '&&' && tok.v !== '||')) break;
      this.next();
      this.skipNewlines();
      rest.push({ op: tok.v, cmd: this.parsePipeline() });
    }
    return { t: 'andor', first, rest };
  }

  private parsePipeline(): PipelineNode {
    const line = this.peek().line;
    let bang = false;
    let time: 'bash' | 'posix' | undefined;
    for (;;) {
      if (this.isKeyword(this.peek(), '!')) {
        this.next();
        bang = !bang;
      } else if (this.timed && time === undefined && this.isKeyword(this.peek(), 'time')) {
        this.next();
        time = 'bash';
        if (litOf(this.peek()) === '-p') {
          this.next();
          time = 'posix';
        }
        if (litOf(this.peek()) === '--') this.next();
      } else break;
    }
    // `time` alone times nothing (bash's `timespec list_terminator`).
    const end = this.peek();
    if (time && (end.t === 'eof' || end.t === 'nl' || (end.t === 'op' && (end.v === ';' || end.v === '&' || end.v === ')')))) {
      return { t: 'pipeline', bang, time, cmds: [], line };
    }
    const cmds: Command[] = [this.parseCommand()];
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || (tok.v !== '|' && tok.v !== '|&')) break;
      this.next();
      if (tok.v === '|&') {
        const prev = cmds[cmds.length - 1];
        const dup: Redir = { op: '>&', fd: 2, target: makeWord([{ k: 'lit', v: '1' }], '1') };
        cmds[cmds.length - 1] = { ...prev, redirs: [...prev.redirs, dup] } as Command;
      }
      this.skipNewlines();
      cmds.push(this.parseCommand());
    }
    return time ? { t: 'pipeline', bang, time, cmds, line } : { t: 'pipeline', bang, cmds, line };
  }

  private parseCommand(): Command {
    this.enter();
    try {
      const tok = this.peek();
      if (tok.t === 'eof') this.incomplete();
      if (tok.t === 'op' && tok.v === '(') {
        this.next();
        if (this.src[this.pos] === '(' && this.peeked === null) {
          this.pos++;
          const expr = this.scanArith('))');
          return { t: 'arithcmd', expr, redirs: this.parseRedirs(), line: tok.line };
        }
        const body = this.nonEmpty(this.parseList(false));
        this.expectOp(')');
        return { t: 'subshell', body, redirs: this.parseRedirs(), line: tok.line };
      }
      switch (litOf(tok)) {
        case 'if':
          return this.parseIf();
        case 'while':
        case 'until':
          return this.parseWhile();
        case 'for':
          return this.parseFor();
        case 'case':
          return this.parseCase();
        case '{': {
          this.next();
          const body = this.nonEmpty(this.parseList(false));
          this.expectKeyword('}');
          return { t: 'group', body, redirs: this.parseRedirs(), line: tok.line };
        }
        case 'function':
          return this.parseFunction();
        case '[[':
          return this.parseCond();
        default:
          return this.parseSimple();
      }
    } finally {
      this.depth--;
    }
  }

  private parseRedirs(): Redir[] {
    const redirs: Redir[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || !REDIR_OPS.has(tok.v)) return redirs;
      redirs.push(this.parseRedir());
    }
  }

  private parseRedir(): Redir {
    const op = this.next() as Token & { t: 'op' };
    const target = this.next();
    if (target.t !== 'word') {
      if (target.t === 'eof' || target.t === 'nl') throw new ParseError(false, 'newline', op.line, { atEof: target.t === 'eof' });
      this.unexpected(target);
    }
    const redir: Redir = { op: op.v as RedirOp, fd: op.fd, target: target.word };
    if (op.v === '<<' || op.v === '<<-') this.addHeredoc(redir, target.word);
    return redir;
  }

  private parseSimple(): Command {
    const first = this.peek();
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'op' && REDIR_OPS.has(tok.v)) {
        redirs.push(this.parseRedir());
        continue;
      }
      if (tok.t !== 'word') break;
      if (words.length === 0) {
        const a = splitAssignment(tok.word);
        if (a) {
          this.next();
          assigns.push(a);
          continue;
        }
      }
      this.next();
      // `name=(…)` is an argument only to the builtins that take assignments (they re-read its text).
      if (tok.word.parts.some((p) => p.k === 'list') && !DECLARERS.has(words[0]?.raw ?? '')) {
        throw new ParseError(false, '(', tok.line);
      }
      words.push(tok.word);
      if (words.length === 1 && assigns.length === 0 && redirs.length === 0) {
        const n = this.peek();
        if (n.t === 'op' && n.v === '(') return this.parseFunctionBody(tok.word.raw, tok.line);
      }
    }
    if (assigns.length === 0 && words.length === 0 && redirs.length === 0) this.unexpected(this.peek());
    const node: SimpleNode = { t: 'simple', assigns, words, redirs, line: first.line };
    return node;
  }

  private parseFunctionBody(name: string, line: number): Command {
    this.expectOp('(');
    this.expectOp(')');
    this.skipNewlines();
    const body = this.parseCommand();
    if (body.t === 'simple') throw new ParseError(false, tokenText(this.peek()) || 'newline', line);
    return { t: 'func', name, body, redirs: [], line };
  }

  private parseFunction(): Command {
    const kw = this.next();
    const name = this.next();
    if (name.t !== 'word') this.unexpected(name);
    const n = this.peek();
    if (n.t === 'op' && n.v === '(') return this.parseFunctionBody(name.word.raw, kw.line);
    this.skipNewlines();
    const body = this.parseCommand();
    return { t: 'func', name: name.word.raw, body, redirs: [], line: kw.line };
  }

  private parseIf(): Command {
    const line = this.next().line;
    const clauses: { cond: ListNode; body: ListNode }[] = [];
    let otherwise: ListNode | undefined;
    let cond = this.nonEmpty(this.parseList(false), 'then');
    this.expectKeyword('then');
    clauses.push({ cond, body: this.nonEmpty(this.parseList(false), 'fi') });
    for (;;) {
      const tok = this.next();
      const kw = litOf(tok);
      if (kw === 'fi') break;
      if (kw === 'elif') {
        cond = this.nonEmpty(this.parseList(false));
        this.expectKeyword('then');
        clauses.push({ cond, body: this.nonEmpty(this.parseList(false)) });
      } else if (kw === 'else' && otherwise === undefined) {
        otherwise = this.nonEmpty(this.parseList(false));
      } else this.unexpected(tok, 'fi');
    }
    return { t: 'if', clauses, otherwise, redirs: this.parseRedirs(), line };
  }

  private parseWhile(): Command {
    const kw = this.next();
    const cond = this.nonEmpty(this.parseList(false));
    const body = this.parseDoGroup();
    return { t: 'while', until: litOf(kw) === 'until', cond, body, redirs: this.parseRedirs(), line: kw.line };
  }

  private parseDoGroup(): ListNode {
    this.expectKeyword('do');
    const body = this.nonEmpty(this.parseList(false), 'done');
    this.expectKeyword('done');
    return body;
  }

  private parseFor(): Command {
    const line = this.next().line;
    const tok = this.peek();
    if (tok.t === 'op' && tok.v === '(' && this.src[this.pos] === '(') {
      this.next();
      this.pos++;
      const init = this.scanArith(';');
      const cond = this.scanArith(';');
      const step = this.scanArith('))');
      const sep = this.peek();
      if (sep.t === 'op' && sep.v === ';') this.next();
      this.skipNewlines();
      return { t: 'cfor', init, cond, step, body: this.parseDoGroup(), redirs: this.parseRedirs(), line };
    }
    const nameTok = this.next();
    const name = litOf(nameTok);
    if (name === undefined || !isName(name)) {
      if (nameTok.t === 'word') throw new ParseError(false, nameTok.word.raw, nameTok.line, { message: `\`${nameTok.word.raw}': not a valid identifier` });
      this.unexpected(nameTok);
    }
    let items: Word[] | undefined;
    const sep = this.peek();
    if (sep.t === 'op' && sep.v === ';') this.next();
    this.skipNewlines();
    if (this.isKeyword(this.peek(), 'in')) {
      this.next();
      items = [];
      for (;;) {
        const w = this.peek();
        if (w.t !== 'word') break;
        items.push(w.word);
        this.next();
      }
      const end = this.peek();
      if (end.t === 'op' && end.v === ';') this.next();
      else if (end.t !== 'nl') this.unexpected(end, 'do');
      this.skipNewlines();
    }
    return { t: 'for', name, items, body: this.parseDoGroup(), redirs: this.parseRedirs(), line };
  }

  private parseCase(): Command {
    const line = this.next().line;
    const wt = this.next();
    if (wt.t !== 'word') this.unexpected(wt);
    this.skipNewlines();
    this.expectKeyword('in');
    const arms: { patterns: Word[]; body: ListNode; fall: ';;' | ';&' | ';;&' }[] = [];
    for (;;) {
      this.skipNewlines();
      let tok = this.next();
      if (this.isKeyword(tok, 'esac')) break;
      if (tok.t === 'op' && tok.v === '(') tok = this.next();
      const patterns: Word[] = [];
      for (;;) {
        if (tok.t !== 'word') this.unexpected(tok, 'esac');
        patterns.push(tok.word);
        const sep = this.next();
        if (sep.t === 'op' && sep.v === ')') break;
        if (sep.t !== 'op' || sep.v !== '|') this.unexpected(sep, ')');
        tok = this.next();
      }
      const body = this.parseList(false);
      const end = this.peek();
      if (end.t === 'op' && (end.v === ';;' || end.v === ';&' || end.v === ';;&')) {
        this.next();
        arms.push({ patterns, body, fall: end.v });
      } else if (this.isKeyword(end, 'esac')) {
        arms.push({ patterns, body, fall: ';;' });
      } else this.unexpected(end, 'esac');
    }
    return { t: 'case', word: wt.word, arms, redirs: this.parseRedirs(), line };
  }

  private parseCond(): Command {
    const line = this.next().line;
    const words: Word[] = [];
    for (;;) {
      const tok = this.next();
      if (tok.t === 'nl') continue;
      if (tok.t === 'eof') this.incomplete(undefined, ']]');
      if (tok.t === 'word') {
        if (litOf(tok) === ']]') break;
        words.push(tok.word);
        if (litOf(tok) === '=~') words.push(this.scanRegex());
      } else if (tok.t === 'op' && ['&&', '||', '(', ')', '<', '>', '!'].includes(tok.v)) {
        words.push(makeWord([{ k: 'sq', v: tok.v }], tok.v));
      } else this.unexpected(tok);
    }
    if (words.length === 0) throw new ParseError(false, ']]', line);
    return { t: 'cond', words, redirs: this.parseRedirs(), line };
  }

  /** The right side of `=~` is read raw: `(`, `|` are regex characters there, not operators. */
  private scanRegex(): Word {
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos++;
    const start = this.pos;
    let depth = 0;
    const parts: WordPart[] = [];
    let lit = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if ((ch === ' ' || ch === '\t' || ch === '\n') && depth === 0) break;
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      if (ch === '\\' && this.pos + 1 < this.src.length) {
        lit += this.src.slice(this.pos, this.pos + 2);
        this.pos += 2;
        continue;
      }
      if (ch === "'" || ch === '"') {
        const end = this.src.indexOf(ch, this.pos + 1);
        if (end < 0) this.incomplete(ch);
        if (lit) parts.push({ k: 'lit', v: lit });
        lit = '';
        parts.push({ k: 'sq', v: this.src.slice(this.pos + 1, end) });
        this.pos = end + 1;
        continue;
      }
      if (ch === '$' && isNameStart(this.src.charCodeAt(this.pos + 1))) {
        if (lit) parts.push({ k: 'lit', v: lit });
        lit = '';
        let e = this.pos + 1;
        while (isNameChar(this.src.charCodeAt(e))) e++;
        parts.push({ k: 'dq', parts: [{ k: 'param', name: this.src.slice(this.pos + 1, e) }] });
        this.pos = e;
        continue;
      }
      lit += ch;
      this.pos++;
    }
    if (lit) parts.push({ k: 'lit', v: lit });
    return { parts, raw: this.src.slice(start, this.pos) };
  }
}

export function isName(s: string): boolean {
  if (s.length === 0 || !isNameStart(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) if (!isNameChar(s.charCodeAt(i))) return false;
  return true;
}

const DECLARERS = new Set(['declare', 'typeset', 'local', 'readonly', 'export']);

/** `NAME[sub]=value` / `NAME[sub]+=value`: the subscript may hold expansions (`a[$i]=x`). */
function splitIndexed(word: Word): Assign | undefined {
  const first = word.parts[0];
  if (!first || first.k !== 'lit') return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[/.exec(first.v);
  if (!m) return undefined;
  const subParts: WordPart[] = [];
  let rest: WordPart[] = [{ k: 'lit', v: first.v.slice(m[0].length) }, ...word.parts.slice(1)];
  for (let i = 0; i < rest.length; i++) {
    const p = rest[i];
    const close = p.k === 'lit' ? /\](\+?)=/.exec(p.v) : null;
    if (!close || p.k !== 'lit') {
      subParts.push(p);
      continue;
    }
    if (close.index > 0) subParts.push({ k: 'lit', v: p.v.slice(0, close.index) });
    const after = p.v.slice(close.index + close[0].length);
    rest = [...(after ? [{ k: 'lit', v: after } as WordPart] : []), ...rest.slice(i + 1)];
    const sub = makeWord(subParts, word.raw.slice(m[0].length, word.raw.indexOf(']')));
    return { name: m[1], sub, value: makeWord(rest, word.raw.slice(word.raw.indexOf('=') + 1)), append: close[1] === '+' };
  }
  return undefined;
}

/** `NAME=value` / `NAME+=value` as the leading words of a simple command. */
function splitAssignment(word: Word): Assign | undefined {
  const first = word.parts[0];
  if (!first || first.k !== 'lit') return undefined;
  const v = first.v;
  if (v.includes('[') && /^[A-Za-z_][A-Za-z0-9_]*\[/.test(v)) return splitIndexed(word);
  const list = word.parts[1];
  if (list?.k === 'list' && word.parts.length === 2 && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(v)) {
    const append = v.endsWith('+=');
    return { name: v.slice(0, append ? -2 : -1), value: makeWord([], ''), append, items: list.items };
  }
  if (!isNameStart(v.charCodeAt(0))) return undefined;
  let i = 1;
  while (i < v.length && isNameChar(v.charCodeAt(i))) i++;
  let append = false;
  if (v[i] === '+' && v[i + 1] === '=') {
    append = true;
    i++;
  }
  if (v[i] !== '=') return undefined;
  const rest = v.slice(i + 1);
  const parts: WordPart[] = [];
  if (rest.startsWith('~') && (rest.length === 1 || rest[1] === '/')) {
    parts.push({ k: 'tilde', user: '' });
    if (rest.length > 1) parts.push({ k: 'lit', v: rest.slice(1) });
  } else if (rest) parts.push({ k: 'lit', v: rest });
  parts.push(...word.parts.slice(1));
  return { name: v.slice(0, append ? i - 1 : i), value: makeWord(parts, word.raw.slice(word.raw.indexOf('=') + 1)), append };
}

/** Parses a whole program; throws ParseError. */
export function parse(src: string, opts: ParseOptions = { final: true }): ListNode {
  return new Parser(src, opts).parseAll();
}

/** A string read with double-quote rules where `"` is ordinary (here-document bodies, prompts). */
export function parseDqString(text: string): Word {
  return new Parser(text, { final: true }).dqWord(text);
}
