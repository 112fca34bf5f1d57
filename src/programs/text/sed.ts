/**
 * GNU sed 4.9: the script compiler (with sed's own error texts and character positions) and the executor
 * (pattern and hold space, ranges, the append queue, branches, in-place editing). Regular expressions are
 * the POSIX ones of coreutils/regex.ts with sed's escapes (`\n`, `\t`) and flags (I, M).
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { utf8Encode } from '../../engine/kernel/utf8.js';
import { Output, errorText } from '../lib/output.js';
import { parseArgs } from '../lib/args.js';
import { readAll } from '../coreutils/common.js';
import { posixToJs } from '../coreutils/regex.js';

class SedError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

type Addr =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 'step'; first: number; step: number }
  | { kind: 're'; re: RegExp | null }
  | { kind: 'zero' };

type Addr2 = Addr | { kind: 'plus'; n: number } | { kind: 'mult'; n: number };

interface Subst {
  re: RegExp | null;
  repl: ReplPart[];
  global: boolean;
  nth: number;
  print: number;
  write: string | null;
  eval: boolean;
}

type ReplPart = string | { group: number } | { kase: 'L' | 'U' | 'l' | 'u' | 'E' };

interface Cmd {
  a1: Addr | null;
  a2: Addr2 | null;
  neg: boolean;
  name: string;
  /** Text of a/i/c, label of b/t/T/:, file of r/R/w/W. */
  text: string;
  int: number;
  subst?: Subst;
  y?: Map<string, string>;
  /** Index of the matching `}` for `{`, or jump target for b/t/T. */
  jump: number;
  inRange: boolean;
  rangeEnd: number;
}

interface Source {
  text: string;
  /** `-e expression #N` or `file F line`. */
  where: (pos: number) => string;
}

const USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the \`l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
`;

const VERSION = `sed (GNU sed) 4.9
Packaged by Debian
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by Jay Fenlason, Tom Lord, Ken Pizzini,
Paolo Bonzini, Jim Meyering, and Assaf Gordon.

This sed program was built with SELinux support.
SELinux is disabled on this system.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
E-mail bug reports to: <bug-sed@gnu.org>.
`;

/** Turns sed's escapes inside a regex (`\n`, `\t`, an escaped delimiter) into what posixToJs reads. */
function sedRegexSource(raw: string, delim: string): string {
  let out = '';
  let inBracket = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inBracket) {
      if (c === ']' && !/\[\^?$/.test(out.slice(out.lastIndexOf('[')))) inBracket = false;
      if (c === '\\' && (raw[i + 1] === 'n' || raw[i + 1] === 't')) {
        out += raw[i + 1] === 'n' ? '\n' : '\t';
        i++;
        continue;
      }
      out += c;
      continue;
    }
    if (c === '[') {
      inBracket = true;
      out += c;
      continue;
    }
    if (c === '\\' && i + 1 < raw.length) {
      const n = raw[i + 1];
      i++;
      if (n === delim && delim !== '\n') out += /[.*[\]^$\\+?(){}|/]/.test(n) && delim !== '/' ? `\\${n}` : n;
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += `\\${n}`;
      continue;
    }
    out += c;
  }
  return out;
}

export function compileRegex(raw: string, flags: string, extended: boolean): RegExp {
  const src = posixToJs(raw, extended);
  const f = `${flags.includes('I') ? 'i' : ''}${flags.includes('M') ? 'm' : ''}`;
  try {
    return new RegExp(src, `${f}gu`);
  } catch {
    return new RegExp(src, `${f}g`);
  }
}

interface Compiled {
  cmds: Cmd[];
  wfiles: Set<string>;
}

class Compiler {
  cmds: Cmd[] = [];
  wfiles = new Set<string>();
  private blocks: number[] = [];
  private src!: Source;
  private i = 0;
  constructor(private readonly extended: boolean) {}

  private fail(msg: string, pos = this.i): never {
    throw new SedError(`${this.src.where(pos)}: ${msg}`);
  }

  private peek(): string | undefined {
    return this.src.text[this.i];
  }

  private next(): string | undefined {
    const c = this.src.text[this.i];
    if (c !== undefined) this.i++;
    return c;
  }

  private skipWs(): void {
    while (this.i < this.src.text.length && /[ \t]/.test(this.src.text[this.i])) this.i++;
  }

  /** Reads up to an unescaped `delim`; returns null at end of script. Newlines are allowed as `\n`. */
  private delimited(delim: string, isRegex: boolean): string | null {
    const t = this.src.text;
    let out = '';
    let bracket = false;
    while (this.i < t.length) {
      const c = t[this.i++];
      if (isRegex && bracket) {
        out += c;
        if (c === ']' && !/\[\^?$/.test(out.slice(out.lastIndexOf('['), -1))) bracket = false;
        continue;
      }
      if (c === '\\') {
        if (this.i >= t.length) return null;
        const n = t[this.i++];
        if (n === '\n' && !isRegex) out += '\n';
        else out += c + n;
        continue;
      }
      if (c === delim) return out;
      if (c === '\n' && isRegex) return null;
      if (isRegex && c === '[') bracket = true;
      out += c;
    }
    return null;
  }

  private regex(raw: string, delim: string, flags: string): RegExp | null {
    if (raw === '') return null;
    const source = sedRegexSource(raw, delim);
    try {
      return compileRegex(source, flags, this.extended);
    } catch (err) {
      this.fail((err as Error).message);
    }
  }

  private number(): number {
    let s = '';
    while (this.i < this.src.text.length && /[0-9]/.test(this.src.text[this.i])) s += this.src.text[this.i++];
    return Number(s);
  }

  private address(): Addr | null {
    const c = this.peek();
    if (c === undefined) return null;
    if (/[0-9]/.test(c)) {
      const n = this.number();
      if (this.peek() === '~') {
        this.i++;
        const step = /[0-9]/.test(this.peek() ?? '') ? this.number() : 0;
        return { kind: 'step', first: n, step };
      }
      return n === 0 ? { kind: 'zero' } : { kind: 'line', n };
    }
    if (c === '$') {
      this.i++;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      this.i++;
      const delim = c === '/' ? '/' : this.next();
      if (delim === undefined) this.fail('unexpected end of file'); // not reached in practice
      const raw = this.delimited(delim, true);
      if (raw === null) this.fail('unterminated address regex');
      let flags = '';
      while (this.peek() === 'I' || this.peek() === 'M') flags += this.next();
      return { kind: 're', re: this.regex(raw, delim, flags) };
    }
    return null;
  }

  compile(src: Source): void {
    this.src = src;
    this.i = 0;
    const t = src.text;
    for (;;) {
      while (this.i < t.length && /[ \t\n;]/.test(t[this.i])) this.i++;
      if (this.i >= t.length) break;
      const cmd: Cmd = { a1: null, a2: null, neg: false, name: '', text: '', int: 0, jump: -1, inRange: false, rangeEnd: 0 };
      cmd.a1 = this.address();
      if (cmd.a1) {
        this.skipWs();
        if (this.peek() === ',') {
          this.i++;
          this.skipWs();
          const c = this.peek();
          if (c === '+' || c === '~') {
            this.i++;
            if (!/[0-9]/.test(this.peek() ?? '')) this.fail("expected newer version of sed");
            cmd.a2 = { kind: c === '+' ? 'plus' : 'mult', n: this.number() };
          } else {
            const a2 = this.address();
            if (!a2) this.fail("unexpected `,'");
            cmd.a2 = a2.kind === 'zero' ? this.fail('invalid usage of line address 0') : a2;
          }
        }
      }
      const zeroMisused = cmd.a1?.kind === 'zero' && !(cmd.a2 && cmd.a2.kind === 're');
      this.skipWs();
      if (this.peek() === '!') {
        this.i++;
        cmd.neg = true;
        this.skipWs();
        if (this.peek() === '!') this.fail("multiple `!'s", this.i + 1);
      }
      const name = this.next();
      if (name === undefined) this.fail('missing command');
      cmd.name = name;
      if (zeroMisused) this.fail('invalid usage of line address 0');
      this.command(cmd);
    }
  }

  finish(): Compiled {
    if (this.blocks.length > 0) throw new SedError(`${this.src.where(0)}: unmatched \`{'`);
    const labels = new Map<string, number>();
    this.cmds.forEach((c, idx) => {
      if (c.name === ':') labels.set(c.text, idx);
    });
    for (const c of this.cmds) {
      if ('btT'.includes(c.name)) {
        if (c.text === '') c.jump = this.cmds.length;
        else {
          const at = labels.get(c.text);
          if (at === undefined) throw new SedError(`can't find label for jump to \`${c.text}'`, 4);
          c.jump = at;
        }
      }
    }
    return { cmds: this.cmds, wfiles: this.wfiles };
  }

  /** After a command: blanks, then `;`, `}`, `#`, a newline or the end. */
  private end(): void {
    this.skipWs();
    const c = this.peek();
    if (c === undefined || c === ';' || c === '\n' || c === '}' || c === '#') {
      if (c === ';' || c === '\n') this.i++;
      return;
    }
    this.fail('extra characters after command', this.i + 1);
  }

  private oneAddr(cmd: Cmd): void {
    if (cmd.a2) this.fail('command only uses one address');
  }

  private label(): string {
    this.skipWs();
    const t = this.src.text;
    let s = '';
    while (this.i < t.length && t[this.i] !== '\n' && t[this.i] !== ';') s += t[this.i++];
    return s.replace(/[ \t]+$/, '');
  }

  private filename(): string {
    this.skipWs();
    const t = this.src.text;
    let s = '';
    while (this.i < t.length && t[this.i] !== '\n') s += t[this.i++];
    if (s === '') this.fail('missing filename in r/R/w/W commands');
    return s;
  }

  /** The text of a, i, c: GNU's one-liner form (`a foo`) or the POSIX `a\` newline form. */
  private text(): string {
    const t = this.src.text;
    this.skipWs();
    if (t[this.i] === '\\') {
      this.i++;
      if (t[this.i] === '\n') this.i++;
      else this.skipWs();
    }
    let s = '';
    while (this.i < t.length) {
      const c = t[this.i++];
      if (c === '\\') {
        const n = t[this.i++];
        if (n === undefined) break;
        s += n;
        continue;
      }
      if (c === '\n') break;
      s += c;
    }
    return `${s}\n`;
  }

  private command(cmd: Cmd): void {
    const n = cmd.name;
    switch (n) {
      case '#':
        if (cmd.a1) this.fail("comments don't accept any addresses");
        while (this.i < this.src.text.length && this.src.text[this.i] !== '\n') this.i++;
        return;
      case '{':
        this.blocks.push(this.cmds.length);
        this.cmds.push(cmd);
        return;
      case '}': {
        if (cmd.a1) this.fail("} doesn't want any addresses");
        const open = this.blocks.pop();
        if (open === undefined) this.fail("unexpected `}'");
        this.cmds[open].jump = this.cmds.length;
        this.end();
        return;
      }
      case ':': {
        if (cmd.a1) this.fail(': doesn\'t want any addresses');
        const l = this.label();
        if (l === '') this.fail('":" lacks a label');
        cmd.text = l;
        if (this.peek() === ';') this.i++;
        break;
      }
      case 'a':
      case 'i':
      case 'c': {
        if (n !== 'c' && cmd.a2) this.oneAddr(cmd);
        this.skipWs();
        if (this.i >= this.src.text.length) this.fail("expected \\ after `a', `c' or `i'");
        cmd.text = this.text();
        if (cmd.text === '\n' && this.src.text[this.i - 1] !== '\n') cmd.text = '';
        break;
      }
      case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H': case 'n': case 'N': case 'p': case 'P':
      case 'x': case 'z': case 'F':
        this.end();
        break;
      case 'l': case 'L': case 'q': case 'Q': {
        if (n === 'q' || n === 'Q') this.oneAddr(cmd);
        this.skipWs();
        cmd.int = /[0-9]/.test(this.peek() ?? '') ? this.number() : n === 'l' ? -1 : 0;
        this.end();
        break;
      }
      case 'b': case 't': case 'T':
        cmd.text = this.label();
        if (this.peek() === ';') this.i++;
        break;
      case 'r': case 'R': case 'w': case 'W':
        cmd.text = this.filename();
        if (n === 'w' || n === 'W') this.wfiles.add(cmd.text);
        break;
      case 's':
        this.subst(cmd);
        break;
      case 'y':
        this.yCommand(cmd);
        break;
      case 'e':
        this.fail("the `e' command is not simulated in dockersim");
        break;
      case 'v':
        {
          const l = this.label();
          if (l !== '' && compareVersions(l, '4.9') > 0) this.fail('expected newer version of sed');
        }
        break;
      default:
        this.fail(`unknown command: \`${n}'`);
    }
    this.cmds.push(cmd);
  }

  private subst(cmd: Cmd): void {
    const delim = this.next();
    if (delim === undefined || delim === '\n' || delim === '\\') this.fail("unterminated `s' command");
    const raw = this.delimited(delim, true);
    if (raw === null) this.fail("unterminated `s' command");
    const rawRepl = this.delimited(delim, false);
    if (rawRepl === null) this.fail("unterminated `s' command");
    const s: Subst = { re: null, repl: [], global: false, nth: 0, print: 0, write: null, eval: false };
    let flags = '';
    for (;;) {
      const c = this.peek();
      if (c === 'g') {
        this.i++;
        if (s.global) this.fail("multiple `g' options to `s' command");
        s.global = true;
      } else if (c === 'p') {
        this.i++;
        if (s.print) this.fail("multiple `p' options to `s' command");
        s.print = 1;
      } else if (c === 'i' || c === 'I') {
        this.i++;
        flags += 'I';
      } else if (c === 'm' || c === 'M') {
        this.i++;
        flags += 'M';
      } else if (c === 'e') {
        this.i++;
        this.fail("the `e' flag of `s' is not simulated in dockersim");
      } else if (c !== undefined && /[0-9]/.test(c)) {
        if (s.nth) this.fail("multiple number options to `s' command", this.i + 1);
        const n = this.number();
        if (n === 0) this.fail("number option to `s' command may not be zero");
        s.nth = n;
      } else if (c === 'w') {
        this.i++;
        s.write = this.filename();
        this.wfiles.add(s.write);
        break;
      } else if (c === undefined || c === ';' || c === '\n' || c === '}' || c === '#' || c === ' ' || c === '\t') {
        this.end();
        break;
      } else this.fail("unknown option to `s'", this.i + 1);
    }
    s.re = this.regex(raw, delim, flags);
    s.repl = this.replacement(rawRepl, delim);
    const groups = s.re ? countGroups(s.re) : 9;
    for (const p of s.repl) if (typeof p === 'object' && 'group' in p && p.group > groups) this.fail(`invalid reference \\${p.group} on \`s' command's RHS`);
    cmd.subst = s;
  }

  private replacement(raw: string, delim: string): ReplPart[] {
    const parts: ReplPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push(lit);
      lit = '';
    };
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i];
      if (c === '&') {
        flush();
        parts.push({ group: 0 });
      } else if (c === '\\' && i + 1 < raw.length) {
        const n = raw[++i];
        if (/[0-9]/.test(n)) {
          flush();
          parts.push({ group: Number(n) });
        } else if (n === 'n') lit += '\n';
        else if (n === 't') lit += '\t';
        else if (n === 'L' || n === 'U' || n === 'l' || n === 'u' || n === 'E') {
          flush();
          parts.push({ kase: n });
        } else if (n === delim) lit += n;
        else lit += n;
      } else lit += c;
    }
    flush();
    return parts;
  }

  private yCommand(cmd: Cmd): void {
    const delim = this.next();
    if (delim === undefined || delim === '\n' || delim === '\\') this.fail("unterminated `y' command");
    const a = this.delimited(delim, false);
    if (a === null) this.fail("unterminated `y' command");
    const b = this.delimited(delim, false);
    if (b === null) this.fail("unterminated `y' command");
    const unesc = (s: string): string[] => {
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) {
        if (s[i] === '\\' && i + 1 < s.length) {
          const n = s[++i];
          out.push(n === 'n' ? '\n' : n === 't' ? '\t' : n === '\\' ? '\\' : n === delim ? n : `\\${n}`);
        } else out.push(s[i]);
      }
      return out;
    };
    const from = unesc(a);
    const to = unesc(b);
    if (from.length !== to.length || from.some((c) => c.length > 1) || to.some((c) => c.length > 1)) this.fail("strings for `y' command are different lengths");
    cmd.y = new Map(from.map((c, k) => [c, to[k]]));
    this.end();
  }
}

function countGroups(re: RegExp): number {
  return new RegExp(`${re.source}|`, re.flags.replace('g', '')).exec('')!.length - 1;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** `l`'s escaping: C escapes, octal for the rest, lines wrapped at width-1 with a trailing `\`. */
function unambiguous(s: string, width: number): string {
  const bytes = utf8Encode(s);
  const esc: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' };
  let out = '';
  let col = 0;
  for (const b of bytes) {
    const piece = esc[b] ?? (b >= 32 && b < 127 ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`);
    if (width > 1 && col + piece.length > width - 1) {
      out += '\\\n';
      col = 0;
    }
    out += piece;
    col += piece.length;
  }
  return `${out}$\n`;
}

interface Input {
  files: string[];
  /** Index of the next file to open. */
  next: number;
  lines: string[];
  pos: number;
  /** Whether the last line read had no trailing newline. */
  missingNewline: boolean;
  name: string;
}

interface Options {
  quiet: boolean;
  separate: boolean;
  inPlace: string | null;
  nul: boolean;
  lineLength: number;
  debug: boolean;
}

class Executor {
  private ps = '';
  private hs = '';
  private lineNo = 0;
  private appendQueue: { text?: string; file?: string; line?: boolean }[] = [];
  private tflag = false;
  private quitStatus: number | null = null;
  private wfds = new Map<string, number>();
  private rfiles = new Map<string, { lines: string[]; pos: number }>();
  private lastRe: RegExp | null = null;
  status = 0;
  private out: Output;
  private current!: Input;
  private lastLineNoNl = false;
  private steps = 0;
  private pendingNl = false;
  private readonly eol: string;

  constructor(
    private readonly sys: Sys,
    private readonly prog: Compiled,
    private readonly o: Options,
    stdout: Output,
  ) {
    this.out = stdout;
    this.eol = o.nul ? '\0' : '\n';
  }

  async openWfiles(): Promise<void> {
    for (const f of this.prog.wfiles) {
      if (f === '/dev/stdout' || f === '/dev/stderr') continue;
      try {
        this.wfds.set(f, this.sys.open(f, 'w', 0o666));
      } catch (err) {
        if (!isSysError(err)) throw err;
        throw new SedError(`couldn't open file ${f}: ${errorText(err)}`, 4);
      }
    }
  }

  closeWfiles(): void {
    for (const fd of this.wfds.values()) this.sys.close(fd);
  }

  private async error(msg: string): Promise<void> {
    await this.out.flush();
    await this.sys.write(2, `sed: ${msg}\n`);
  }

  /** Loads the next readable file of `input`; false when none is left. */
  private async load(input: Input): Promise<boolean> {
    while (input.next < input.files.length) {
      const f = input.files[input.next++];
      let text: string;
      try {
        if (f === '-') text = await readAll(this.sys, 0);
        else {
          const st = this.sys.fs.stat(f);
          if (st.type === 'dir') {
            await this.error(`couldn't edit ${f}: not a regular file`);
            this.status = 2;
            continue;
          }
          text = this.sys.fs.readText(f);
        }
      } catch (err) {
        if (!isSysError(err)) throw err;
        if (isSysError(err, 'EISDIR')) await this.error(`read error on ${f}: Is a directory`);
        else await this.error(`can't read ${f}: ${errorText(err)}`);
        this.status = 2;
        continue;
      }
      if (text === '') continue;
      const lines = text.split(this.eol);
      const noNl = lines[lines.length - 1] !== '';
      if (!noNl) lines.pop();
      input.lines = lines;
      input.pos = 0;
      input.missingNewline = noNl;
      input.name = f === '-' ? '-' : f;
      this.sys.cpu(1 + (text.length >> 14));
      return true;
    }
    return false;
  }

  private async hasNext(input: Input): Promise<boolean> {
    if (input.pos < input.lines.length) return true;
    return this.load(input);
  }

  private async readLine(input: Input): Promise<boolean> {
    if (!(await this.hasNext(input))) return false;
    this.ps = input.lines[input.pos++];
    this.lastLineNoNl = input.pos === input.lines.length && input.missingNewline;
    this.lineNo++;
    return true;
  }

  private async isLast(): Promise<boolean> {
    return !(await this.hasNext(this.current));
  }

  /** GNU's output_missing_newline: a line written without its newline gets one once more output follows. */
  private async put(text: string): Promise<void> {
    if (text === '') return;
    if (this.pendingNl) {
      this.pendingNl = false;
      await this.out.write(this.eol);
    }
    await this.out.write(text);
  }

  private async emit(text: string, noNl = false): Promise<void> {
    if (noNl) {
      await this.put(text);
      this.pendingNl = true;
      return;
    }
    await this.put(noNl ? text : text + this.eol);
  }

  /** Writes the pattern space as the input had it: a last line without a newline stays without one. */
  private async printPs(s = this.ps): Promise<void> {
    await this.emit(s, this.lastLineNoNl);
  }

  private async writeTo(file: string, text: string): Promise<void> {
    if (file === '/dev/stdout') return this.put(text + this.eol);
    if (file === '/dev/stderr') {
      await this.out.flush();
      return this.sys.write(2, text + this.eol);
    }
    await this.sys.write(this.wfds.get(file)!, text + this.eol);
  }

  private async flushAppends(): Promise<void> {
    for (const a of this.appendQueue) {
      if (a.text !== undefined) await this.put(a.text);
      else if (a.file !== undefined) {
        if (a.line) {
          let r = this.rfiles.get(a.file);
          if (!r) {
            let lines: string[] = [];
            try {
              const t = this.sys.fs.readText(a.file);
              lines = t === '' ? [] : t.replace(/\n$/, '').split('\n');
            } catch {
              lines = [];
            }
            r = { lines, pos: 0 };
            this.rfiles.set(a.file, r);
          }
          if (r.pos < r.lines.length) await this.put(`${r.lines[r.pos++]}\n`);
        } else {
          try {
            await this.put(a.file === '/dev/stdin' ? (await readAll(this.sys, 0)) : this.sys.fs.readText(a.file));
          } catch {
            // r of a missing file reads nothing, silently, as GNU sed does.
          }
        }
      }
    }
    this.appendQueue = [];
  }

  private async matchAddr(a: Addr): Promise<boolean> {
    switch (a.kind) {
      case 'line':
        return this.lineNo === a.n;
      case 'last':
        return this.isLast();
      case 'zero':
        return false;
      case 'step':
        return a.step <= 0 ? this.lineNo === a.first : this.lineNo >= a.first && (this.lineNo - a.first) % a.step === 0;
      case 're':
        return this.test(a.re);
    }
  }

  private regexFor(re: RegExp | null): RegExp {
    if (re) {
      this.lastRe = re;
      return re;
    }
    if (!this.lastRe) throw new SedError('no previous regular expression');
    return this.lastRe;
  }

  private test(re: RegExp | null): boolean {
    const r = this.regexFor(re);
    r.lastIndex = 0;
    return r.test(this.ps);
  }

  private async selected(c: Cmd): Promise<boolean> {
    if (!c.a1) return true;
    if (!c.a2) return (await this.matchAddr(c.a1)) !== c.neg;
    let hit: boolean;
    if (c.inRange) {
      hit = true;
      const a2 = c.a2;
      if (a2.kind === 'line') {
        if (this.lineNo >= a2.n) c.inRange = false;
        if (this.lineNo > a2.n) hit = false;
      } else if (a2.kind === 'plus' || a2.kind === 'mult') {
        if (this.lineNo >= c.rangeEnd) c.inRange = false;
      } else if (await this.matchAddr(a2)) c.inRange = false;
    } else {
      const start = c.a1.kind === 'zero' ? this.lineNo === 1 || false : await this.matchAddr(c.a1);
      hit = start;
      if (start) {
        const a2 = c.a2;
        c.inRange = true;
        if (c.a1.kind === 'zero') {
          if (a2.kind === 're' && this.test(a2.re)) c.inRange = false;
        } else if (a2.kind === 'line') {
          if (a2.n <= this.lineNo) c.inRange = false;
        } else if (a2.kind === 'plus') {
          c.rangeEnd = this.lineNo + a2.n;
          if (a2.n === 0) c.inRange = false;
        } else if (a2.kind === 'mult') {
          c.rangeEnd = a2.n <= 0 ? this.lineNo : Math.ceil(this.lineNo / a2.n) * a2.n;
          if (c.rangeEnd <= this.lineNo) c.inRange = false;
        } else if (a2.kind === 'last') {
          if (await this.isLast()) c.inRange = false;
        }
      }
    }
    return hit !== c.neg;
  }

  private substitute(s: Subst): boolean {
    const re = this.regexFor(s.re);
    re.lastIndex = 0;
    let out = '';
    let last = 0;
    let count = 0;
    let did = false;
    const ps = this.ps;
    let prevEnd = -1;
    for (;;) {
      const m = re.exec(ps);
      if (!m) break;
      // An empty match right where the previous match ended is no match (`s/x*/-/g` on "fox" gives "-f-o-").
      if (m[0] === '' && m.index === prevEnd) {
        if (m.index >= ps.length) break;
        re.lastIndex = m.index + 1;
        continue;
      }
      prevEnd = m.index + m[0].length;
      count++;
      const start = m.index;
      const end = start + m[0].length;
      if (count >= (s.nth || 1)) {
        out += ps.slice(last, start) + this.expand(s.repl, m);
        last = end;
        did = true;
        if (!s.global) break;
      }
      if (m[0] === '') {
        if (start >= ps.length) break;
        re.lastIndex = start + 1;
      }
    }
    if (!did) return false;
    this.ps = out + ps.slice(last);
    return true;
  }

  private expand(repl: ReplPart[], m: RegExpExecArray): string {
    let out = '';
    let mode: 'L' | 'U' | 'E' = 'E';
    let once: 'l' | 'u' | null = null;
    const add = (s: string): void => {
      if (s === '') return;
      let t = mode === 'L' ? s.toLowerCase() : mode === 'U' ? s.toUpperCase() : s;
      if (once) {
        t = (once === 'u' ? t[0].toUpperCase() : t[0].toLowerCase()) + t.slice(1);
        once = null;
      }
      out += t;
    };
    for (const p of repl) {
      if (typeof p === 'string') add(p);
      else if ('group' in p) add(m[p.group] ?? '');
      else if (p.kase === 'l' || p.kase === 'u') once = p.kase;
      else {
        mode = p.kase;
        once = null;
      }
    }
    return out;
  }

  /** Runs the whole script over `input`; returns false once a q/Q ended it. */
  async run(input: Input): Promise<boolean> {
    this.current = input;
    const cmds = this.prog.cmds;
    let restartWithoutRead = false;
    for (;;) {
      if (!restartWithoutRead) {
        if (!(await this.readLine(input))) return true;
        if (this.lineNo % 256 === 0) await this.sys.yield();
      }
      restartWithoutRead = false;
      this.tflag = false;
      let autoprint = !this.o.quiet;
      let pc = 0;
      let endCycle: 'normal' | 'delete' | 'restart' | 'quit' | 'quitSilent' = 'normal';
      while (pc < cmds.length) {
        this.sys.cpu(1);
        if (++this.steps % 256 === 0) await this.sys.yield();
        const c = cmds[pc];
        if (c.name === '}' || c.name === ':' || c.name === '#') {
          pc++;
          continue;
        }
        if (!(await this.selected(c))) {
          pc = c.name === '{' ? c.jump + 1 : pc + 1;
          continue;
        }
        pc++;
        switch (c.name) {
          case '{':
            break;
          case '=':
            await this.put(`${this.lineNo}\n`);
            break;
          case 'a':
            this.appendQueue.push({ text: c.text });
            break;
          case 'i':
            await this.put(c.text);
            break;
          case 'c':
            if (!c.a2 || !c.inRange || c.neg) await this.put(c.text);
            endCycle = 'delete';
            break;
          case 'd':
            endCycle = 'delete';
            break;
          case 'D': {
            const nl = this.ps.indexOf('\n');
            if (nl < 0) endCycle = 'delete';
            else {
              this.ps = this.ps.slice(nl + 1);
              endCycle = 'restart';
            }
            break;
          }
          case 'F':
            await this.put(`${input.name}\n`);
            break;
          case 'g':
            this.ps = this.hs;
            break;
          case 'G':
            this.ps += `\n${this.hs}`;
            break;
          case 'h':
            this.hs = this.ps;
            break;
          case 'H':
            this.hs += `\n${this.ps}`;
            break;
          case 'l':
            await this.put(unambiguous(this.ps, c.int === -1 ? this.o.lineLength : c.int));
            break;
          case 'n':
            if (await this.isLast()) {
              // GNU: without more input, n prints (unless -n) and ends without running the rest.
              endCycle = 'quit';
              break;
            }
            if (autoprint) await this.printPs();
            await this.flushAppends();
            await this.readLine(input);
            break;
          case 'N':
            if (await this.isLast()) {
              endCycle = 'quit';
              break;
            }
            {
              const prev = this.ps;
              await this.flushAppends();
              await this.readLine(input);
              this.ps = `${prev}\n${this.ps}`;
            }
            break;
          case 'p':
            await this.printPs();
            break;
          case 'P': {
            const nl = this.ps.indexOf('\n');
            await this.emit(nl < 0 ? this.ps : this.ps.slice(0, nl));
            break;
          }
          case 'q':
            this.quitStatus = c.int;
            endCycle = 'quit';
            break;
          case 'Q':
            this.quitStatus = c.int;
            endCycle = 'quitSilent';
            break;
          case 'r':
            this.appendQueue.push({ file: c.text });
            break;
          case 'R':
            this.appendQueue.push({ file: c.text, line: true });
            break;
          case 's':
            if (this.substitute(c.subst!)) {
              this.tflag = true;
              if (c.subst!.print) await this.printPs();
              if (c.subst!.write) await this.writeTo(c.subst!.write, this.ps);
            }
            break;
          case 'b':
            pc = c.jump;
            break;
          case 't':
            if (this.tflag) {
              this.tflag = false;
              pc = c.jump;
            }
            break;
          case 'T':
            if (!this.tflag) pc = c.jump;
            else this.tflag = false;
            break;
          case 'w':
            await this.writeTo(c.text, this.ps);
            break;
          case 'W': {
            const nl = this.ps.indexOf('\n');
            await this.writeTo(c.text, nl < 0 ? this.ps : this.ps.slice(0, nl));
            break;
          }
          case 'x': {
            const t = this.ps;
            this.ps = this.hs;
            this.hs = t;
            break;
          }
          case 'y': {
            const map = c.y!;
            let s = '';
            for (const ch of this.ps) s += map.get(ch) ?? ch;
            this.ps = s;
            break;
          }
          case 'z':
            this.ps = '';
            break;
        }
        if (endCycle !== 'normal') break;
      }
      if (endCycle === 'delete') autoprint = false;
      if (endCycle === 'quitSilent') {
        return false;
      }
      if (endCycle === 'restart') {
        await this.flushAppends();
        restartWithoutRead = true;
        continue;
      }
      if (autoprint) await this.printPs();
      await this.flushAppends();
      if (endCycle === 'quit') return false;
    }
  }

  get exitStatus(): number {
    return this.quitStatus ?? this.status;
  }

  get quit(): boolean {
    return this.quitStatus !== null;
  }

  resetLineNumbers(): void {
    this.lineNo = 0;
  }

  setOutput(out: Output): void {
    this.out = out;
    this.pendingNl = false;
  }
}

/** A buffer standing in for stdout while a file is edited in place. */
class StringOutput extends Output {
  text = '';
  constructor(sys: Sys) {
    super(sys, 1);
  }
  override async write(s: string): Promise<void> {
    this.text += s;
  }
  override async flush(): Promise<void> {}
}

export async function sed(sys: Sys): Promise<number> {
  const out = new Output(sys, 1);
  const fail = async (msg: string, status = 1): Promise<number> => {
    await out.flush();
    await sys.write(2, `sed: ${msg}\n`);
    return status;
  };
  const parsed = parseArgs(sys.argv.slice(1), {
    short: 'ne:f:i::l:Ersuz',
    long: [
      { name: 'quiet', key: 'n' }, { name: 'silent', key: 'n' }, { name: 'expression', key: 'e', arg: 'required' },
      { name: 'file', key: 'f', arg: 'required' }, { name: 'in-place', key: 'i', arg: 'optional' },
      { name: 'line-length', key: 'l', arg: 'required' }, { name: 'regexp-extended', key: 'E' },
      { name: 'separate', key: 's' }, { name: 'unbuffered', key: 'u' }, { name: 'null-data', key: 'z' },
      { name: 'zero-terminated', key: 'z' }, { name: 'posix' }, { name: 'debug' }, { name: 'sandbox' },
      { name: 'follow-symlinks' }, { name: 'help' }, { name: 'version' },
    ],
  });
  if (!parsed.ok) {
    await sys.write(2, `sed: ${parsed.error}\n${USAGE}`);
    return 1;
  }
  const o: Options = { quiet: false, separate: false, inPlace: null, nul: false, lineLength: 70, debug: false };
  const scripts: { text: string; file?: string }[] = [];
  let extended = false;
  for (const opt of parsed.opts) {
    switch (opt.key) {
      case 'help':
        await sys.write(1, `${USAGE}E-mail bug reports to: <bug-sed@gnu.org>.\n`);
        return 0;
      case 'version':
        await sys.write(1, VERSION);
        return 0;
      case 'n': o.quiet = true; break;
      case 'e': scripts.push({ text: opt.value! }); break;
      case 'f':
        try {
          const text = opt.value === '-' ? await readAll(sys, 0) : sys.fs.readText(opt.value!);
          scripts.push({ text: text.replace(/\n$/, ''), file: opt.value });
        } catch (err) {
          if (!isSysError(err)) throw err;
          return fail(`couldn't open file ${opt.value}: ${errorText(err)}`);
        }
        break;
      case 'i': o.inPlace = opt.value ?? ''; o.separate = true; break;
      case 'l': {
        const n = Number(opt.value);
        if (!/^\d+$/.test(opt.value!)) return fail(`invalid line length: ${opt.value}`); // not reached with digits
        o.lineLength = n;
        break;
      }
      case 'E': case 'r': extended = true; break;
      case 's': o.separate = true; break;
      case 'z': o.nul = true; break;
      case 'debug':
        return fail('--debug is not simulated in dockersim');
      case 'sandbox': case 'posix': case 'u': case 'follow-symlinks':
        break;
    }
  }
  const operands = parsed.operands;
  if (scripts.length === 0) {
    if (operands.length === 0) {
      await sys.write(2, USAGE);
      return 1;
    }
    scripts.push({ text: operands.shift()! });
  }
  const compiler = new Compiler(extended);
  let prog: Compiled;
  try {
    // Consecutive -e pieces are one script joined by newlines (so `-e 'a\' -e text` works), numbered apart.
    let exprNo = 0;
    for (let k = 0; k < scripts.length; k++) {
      const s = scripts[k];
      while (s.file === undefined && /(^|[^\\])(\\\\)*\\$/.test(s.text) && scripts[k + 1]?.file === undefined && k + 1 < scripts.length) {
        s.text += `\n${scripts[k + 1].text}`;
        scripts.splice(k + 1, 1);
      }
      if (s.file !== undefined) {
        const text = s.text;
        compiler.compile({ text, where: (pos) => `file ${s.file} line ${text.slice(0, Math.max(0, pos - 1)).split('\n').length}` });
      } else {
        const n = ++exprNo;
        compiler.compile({ text: s.text, where: (pos) => `-e expression #${n}, char ${pos}` });
      }
    }
    prog = compiler.finish();
  } catch (err) {
    if (err instanceof SedError) return fail(err.message, err.status);
    throw err;
  }
  if (o.inPlace !== null && operands.length === 0) return fail('no input files', 4);
  const files = operands.length > 0 ? operands : ['-'];
  const ex = new Executor(sys, prog, o, out);
  try {
    await ex.openWfiles();
    if (o.inPlace !== null) {
      for (const f of files) {
        let st;
        try {
          st = sys.fs.stat(f);
        } catch (err) {
          if (!isSysError(err)) throw err;
          await fail(`can't read ${f}: ${errorText(err)}`);
          ex.status = 2;
          continue;
        }
        if (st.type !== 'file') {
          await fail(`couldn't edit ${f}: not a regular file`);
          ex.status = 4;
          continue;
        }
        const buf = new StringOutput(sys);
        ex.setOutput(buf);
        ex.resetLineNumbers();
        const more = await ex.run({ files: [f], next: 0, lines: [], pos: 0, missingNewline: false, name: f });
        if (o.inPlace !== '') {
          const base = f.slice(f.lastIndexOf('/') + 1);
          const dir = f.slice(0, f.lastIndexOf('/') + 1);
          const backup = o.inPlace.includes('*') ? o.inPlace.replace(/\*/g, base) : base + o.inPlace;
          const target = backup.includes('/') ? backup : dir + backup;
          sys.fs.writeFile(target, sys.fs.readFile(f), { mode: st.mode });
        }
        try {
          sys.fs.writeFile(f, buf.text);
        } catch (err) {
          if (!isSysError(err)) throw err;
          // GNU sed writes a temporary file beside the original and renames it over.
          const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
          const name = Array.from({ length: 6 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(sys.random() * 62)]).join('');
          return fail(`couldn't open temporary file ${dir}sed${name}: ${errorText(err)}`, 4);
        }
        if (!more) break;
      }
      ex.setOutput(out);
    } else if (o.separate) {
      for (const f of files) {
        if (!(await ex.run({ files: [f], next: 0, lines: [], pos: 0, missingNewline: false, name: f }))) break;
      }
    } else await ex.run({ files, next: 0, lines: [], pos: 0, missingNewline: false, name: files[0] });
  } catch (err) {
    ex.closeWfiles();
    if (err instanceof SedError) return fail(err.message, err.status === 1 ? 4 : err.status);
    if (isSysError(err) && !isSysError(err, 'EPIPE')) return fail(`couldn't edit: ${errorText(err)}`, 4);
    throw err;
  }
  ex.closeWfiles();
  await out.flush();
  return ex.exitStatus;
}
