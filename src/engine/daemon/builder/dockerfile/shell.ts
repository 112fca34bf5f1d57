/**
 * The Dockerfile word lexer (BuildKit's frontend/dockerfile/shell.Lex): quote removal and `$VAR`, `${VAR}`,
 * `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}`, `${VAR+word}`, `${VAR:?msg}` against the build's environment.
 * No command substitution or globbing: the Dockerfile language has none.
 */

export type EnvLookup = (name: string) => string | undefined;

/** An env list (`K=V`) as a lookup; the last definition of a name wins. */
export function envLookup(env: readonly string[]): EnvLookup {
  const m = new Map<string, string>();
  for (const kv of env) {
    const i = kv.indexOf('=');
    if (i < 0) m.set(kv, '');
    else m.set(kv.slice(0, i), kv.slice(i + 1));
  }
  return (name) => m.get(name);
}

/** The Lex switches a caller sets (BuildKit's shell.Lex fields). */
interface LexMode {
  /** SkipProcessQuotes: quotes are plain characters (a here-document's body). */
  readonly quotesPlain?: boolean;
  /** RawQuotes: quotes are processed (no expansion inside '…') but kept in the result. */
  readonly rawQuotes?: boolean;
  /** SkipUnsetEnv: a variable the environment lacks stays as written (`$X`, `${X}`, `${X:-w}`). */
  readonly skipUnset?: boolean;
}

interface Piece {
  readonly text: string;
  /** The text came from inside quotes (no word splitting there). */
  readonly quoted: boolean;
}

class Lexer {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly env: EnvLookup,
    private readonly escape: string,
    private readonly mode: LexMode = {},
  ) {}

  run(stop = ''): Piece[] {
    const out: Piece[] = [];
    while (this.i < this.s.length) {
      const ch = this.s[this.i];
      if (stop && ch === stop) break;
      if (this.mode.quotesPlain && (ch === "'" || ch === '"')) {
        out.push({ text: ch, quoted: false });
        this.i++;
      } else if (ch === "'") {
        const end = this.s.indexOf("'", this.i + 1);
        if (end < 0) throw new Error('unexpected end of statement while looking for matching single-quote');
        out.push({ text: this.mode.rawQuotes ? this.s.slice(this.i, end + 1) : this.s.slice(this.i + 1, end), quoted: true });
        this.i = end + 1;
      } else if (ch === '"') {
        this.i++;
        const q = this.mode.rawQuotes ? '"' : '';
        out.push({ text: q + this.doubleQuoted() + q, quoted: true });
      } else if (ch === '$') {
        out.push({ text: this.dollar(), quoted: false });
      } else if (ch === this.escape) {
        this.i++;
        if (this.i < this.s.length) out.push({ text: this.s[this.i++], quoted: true });
      } else {
        out.push({ text: ch, quoted: false });
        this.i++;
      }
    }
    return out;
  }

  private doubleQuoted(): string {
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) throw new Error('unexpected end of statement while looking for matching double-quote');
      const ch = this.s[this.i];
      if (ch === '"') {
        this.i++;
        return out;
      }
      if (ch === '$') out += this.dollar();
      else if (ch === this.escape && ['"', '$', this.escape].includes(this.s[this.i + 1] ?? '')) {
        out += this.s[this.i + 1];
        this.i += 2;
      } else {
        out += ch;
        this.i++;
      }
    }
  }

  private dollar(): string {
    this.i++;
    const ch = this.s[this.i];
    if (ch !== '{') {
      // processName: a run of digits, one special parameter, or a name.
      const m = /^[0-9]+|^[@*#?\-$!]|^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
      if (!m) return '$';
      this.i += m[0].length;
      const v = this.env(m[0]);
      return v === undefined && this.mode.skipUnset ? `$${m[0]}` : v ?? '';
    }
    this.i++;
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`missing ':' in substitution`);
    const name = m[0];
    this.i += name.length;
    const value = this.env(name);
    if (this.s[this.i] === '}') {
      this.i++;
      return value === undefined && this.mode.skipUnset ? `\${${name}}` : value ?? '';
    }
    let op = this.s[this.i] ?? '';
    if (op === ':') op += this.s[++this.i] ?? '';
    this.i++;
    const word = this.run('}').map((p) => p.text).join('');
    if (this.s[this.i] !== '}') throw new Error(`syntax error: missing '}'`);
    this.i++;
    if (value === undefined && this.mode.skipUnset && ['-', '+', '?', ':-', ':+', ':?'].includes(op)) return `\${${name}${op}${word}}`;
    switch (op) {
      case ':-':
        return value ? value : word;
      case '-':
        return value ?? word;
      case ':+':
        return value ? word : '';
      case '+':
        return value !== undefined ? word : '';
      case ':?':
      case '?':
        if (op === ':?' ? !value : value === undefined) throw new Error(`${name}: ${word || 'is not allowed to be unset'}`);
        return value ?? '';
      default:
        throw new Error(`unsupported modifier (${op}) in substitution`);
    }
  }
}

/** ProcessWord: one word, quotes removed, variables expanded. */
export function processWord(word: string, env: EnvLookup, escape = '\\'): string {
  return new Lexer(word, env, escape).run().map((p) => p.text).join('');
}

/**
 * COPY/ADD's expansion of an unquoted here-document's body (dispatch's ExpandRaw): `$VAR` and `\\` escapes as in a
 * word, quotes left as they are.
 */
export function expandHeredoc(body: string, env: EnvLookup): string {
  return new Lexer(body, env, '\\', { quotesPlain: true }).run().map((p) => p.text).join('');
}

/**
 * A RUN step's name as dockerfile2llb's dispatchRun gives it to processCmdEnv: the stage's variables expanded,
 * quotes kept (RawQuotes), unset variables left as written (SkipUnsetEnv); the line as written if that fails.
 */
export function processRunName(line: string, env: EnvLookup, escape = '\\'): string {
  try {
    return new Lexer(line, env, escape, { rawQuotes: true, skipUnset: true }).run().map((p) => p.text).join('');
  } catch {
    return line;
  }
}

/** ProcessWords: like processWord, then split on unquoted whitespace (EXPOSE's `$PORTS`). */
export function processWords(word: string, env: EnvLookup, escape = '\\'): string[] {
  const words: string[] = [];
  let cur = '';
  let have = false;
  for (const p of new Lexer(word, env, escape).run()) {
    if (p.quoted) {
      cur += p.text;
      have = true;
      continue;
    }
    for (const ch of p.text) {
      if (/\s/.test(ch)) {
        if (have) words.push(cur);
        cur = '';
        have = false;
      } else {
        cur += ch;
        have = true;
      }
    }
  }
  if (have) words.push(cur);
  return words;
}
