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
    /** SkipProcessQuotes: quotes are plain characters (a here-document's body). */
    private readonly quotesPlain = false,
  ) {}

  run(stop = ''): Piece[] {
    const out: Piece[] = [];
    while (this.i < this.s.length) {
      const ch = this.s[this.i];
      if (stop && ch === stop) break;
      if (this.quotesPlain && (ch === "'" || ch === '"')) {
        out.push({ text: ch, quoted: false });
        this.i++;
      } else if (ch === "'") {
        const end = this.s.indexOf("'", this.i + 1);
        if (end < 0) throw new Error('unexpected end of statement while looking for matching single-quote');
        out.push({ text: this.s.slice(this.i + 1, end), quoted: true });
        this.i = end + 1;
      } else if (ch === '"') {
        this.i++;
        out.push({ text: this.doubleQuoted(), quoted: true });
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
      const m = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9]/.exec(this.s.slice(this.i));
      if (!m) return '$';
      this.i += m[0].length;
      return this.env(m[0]) ?? '';
    }
    this.i++;
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`missing ':' in substitution`);
    const name = m[0];
    this.i += name.length;
    const value = this.env(name);
    if (this.s[this.i] === '}') {
      this.i++;
      return value ?? '';
    }
    let op = this.s[this.i] ?? '';
    if (op === ':') op += this.s[++this.i] ?? '';
    this.i++;
    const word = this.run('}').map((p) => p.text).join('');
    if (this.s[this.i] !== '}') throw new Error(`syntax error: missing '}'`);
    this.i++;
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
  return new Lexer(body, env, '\\', true).run().map((p) => p.text).join('');
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
