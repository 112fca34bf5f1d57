/**
 * The Dockerfile parser (BuildKit's frontend/dockerfile/parser, as moby v28.2.2 vendors it): logical lines
 * (continuations with the escape token, comment lines skipped), the instruction word lower-cased, and the rest
 * split the way each instruction's line parser splits it (JSON or not, name=value pairs, whitespace). `docker
 * commit --change` goes through it today; `docker build` will read whole files with it.
 */

export interface Node {
  /** The instruction, lower-cased (`env`); what moby's errors print. */
  readonly cmd: string;
  /** The logical line as written, continuations joined. */
  readonly original: string;
  readonly args: readonly string[];
  /** The arguments were a JSON array (exec form). */
  readonly json: boolean;
  /** ENV/LABEL: the pairs, `delim` '' for the legacy `ENV name value` form. */
  readonly pairs?: ReadonlyArray<{ key: string; value: string; delim: '' | '=' }>;
  /** ONBUILD: the trigger instruction. */
  readonly sub?: Node;
  readonly startLine: number;
  /** The last line, here-document bodies included (BuildKit's EndLine: the error excerpt's range). */
  readonly endLine?: number;
  /** RUN/COPY/ADD (an ONBUILD of one too): the here-documents the line opens, bodies read from the lines after it. */
  readonly heredocs?: readonly Heredoc[];
  /** Builder flags before the arguments (`COPY --from=build`), as `--name=value` words, quotes removed. */
  readonly flags: readonly string[];
  /** The file's escape token (`# escape=`), when not `\\`: its words are expanded with it. */
  readonly escape?: string;
}

/** A here-document (`<<EOF`, `<<-EOF`, `<<"EOF"`): its body as written, each line with its newline. */
export interface Heredoc {
  readonly name: string;
  /** No part of the delimiter was quoted: COPY/ADD expand `$VAR` in the body. */
  readonly expand: boolean;
  /** `<<-`: leading tabs come off the body's lines and the delimiter line. */
  readonly chomp: boolean;
  readonly content: string;
}

export class DockerfileParseError extends Error {}

const HEREDOC = /^(\d*)<<(-?)\s*([^<]*)$/;

/**
 * ParseHeredoc: a word that opens a here-document (`<<EOF`, `2<<-'END'`), or null. The name is the word with its
 * quotes removed; any quote in it turns expansion off.
 */
export function parseHeredoc(word: string): Omit<Heredoc, 'content'> | null {
  const m = HEREDOC.exec(word);
  if (!m || m[3] === '') return null;
  const words = unquotedWords(m[3]);
  if (words.length !== 1) return null;
  const quotes = (s: string): number => (s.match(/['"]/g) ?? []).length;
  return { name: words[0], expand: quotes(words[0]) === quotes(m[3]), chomp: m[2] === '-' };
}

/** The words of a delimiter with quotes and `\` escapes removed (no variables: the parser has no environment). */
function unquotedWords(s: string): string[] {
  const out: string[] = [];
  let word = '';
  let have = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'" || ch === '"') {
      const end = s.indexOf(ch, i + 1);
      if (end < 0) throw new DockerfileParseError(`unexpected end of statement while looking for matching ${ch === "'" ? 'single-quote' : 'double-quote'}`);
      word += s.slice(i + 1, end);
      have = true;
      i = end;
    } else if (ch === '\\') {
      if (i + 1 < s.length) word += s[++i];
      have = true;
    } else if (/\s/.test(ch)) {
      if (have) out.push(word);
      word = '';
      have = false;
    } else {
      word += ch;
      have = true;
    }
  }
  if (have) out.push(word);
  return out;
}

/**
 * heredocsFromLine: the line's words as the shell lexer sees them with quotes and escapes kept (`<<` followed by
 * blanks joins the next word), each that opens a here-document.
 */
function heredocsFromLine(line: string): Array<Omit<Heredoc, 'content'>> {
  const words = parseWords(line);
  const out: Array<Omit<Heredoc, 'content'>> = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    if (w.endsWith('<<') && i + 1 < words.length) w += ` ${words[++i]}`;
    const h = parseHeredoc(w);
    if (h) out.push(h);
  }
  return out;
}

/** ChompHeredocContent: leading tabs off every line. */
export const chompHeredoc = (s: string): string => s.replace(/^\t+/gm, '');

/** parseOnBuild's Expression: the trigger as written, each here-document's body and delimiter after it. */
export function onbuildExpression(n: Node): string {
  return n.original.replace(/^\s*ONBUILD\s*/i, '') + (n.heredocs ?? []).map((h) => `\n${h.content}${h.name}`).join('');
}

/** The here-documents a RUN, COPY or ADD in shell form (or an ONBUILD of one) may open. */
function canContainHeredoc(n: Node): boolean {
  const t = n.cmd === 'onbuild' ? n.sub : n;
  return t !== undefined && ['run', 'copy', 'add'].includes(t.cmd) && !t.json;
}

const WS = /[ \t\r\n\v\f]+/;

/** parseWords: whitespace-separated words, quotes kept (the shell lexer removes them later). */
export function parseWords(rest: string, escape = '\\'): string[] {
  const words: string[] = [];
  let word = '';
  let blankOK = false;
  let quote = '';
  let inWord = false;
  const chars = [...rest];
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i];
    if (!inWord && !quote) {
      if (/\s/.test(ch)) continue;
      inWord = true;
    }
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === escape && quote !== "'") {
        if (i + 1 === chars.length) continue;
        word += ch;
        ch = chars[++i];
      }
      word += ch;
      continue;
    }
    if (/\s/.test(ch)) {
      if (blankOK || word) words.push(word);
      word = '';
      blankOK = false;
      inWord = false;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      blankOK = true;
    }
    if (ch === escape) {
      if (i + 1 === chars.length) continue;
      word += ch;
      ch = chars[++i];
    }
    word += ch;
  }
  if (inWord || quote) if (blankOK || word) words.push(word);
  return words;
}

function parseJSON(rest: string): string[] | null {
  const t = rest.replace(/^\s+/, '');
  if (!t.startsWith('[')) return null;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return null;
  }
  if (!Array.isArray(v)) return null;
  if (!v.every((x) => typeof x === 'string')) {
    throw new DockerfileParseError('when using JSON array syntax, arrays must be comprised of strings only');
  }
  return v as string[];
}

const whitespaceList = (rest: string): string[] => (rest === '' ? [] : rest.split(WS));

type Parsed = Pick<Node, 'args' | 'json' | 'pairs' | 'sub'>;

function nameVal(rest: string, key: string, escape: string): Parsed {
  const words = parseWords(rest, escape);
  if (words.length === 0) return { args: [], json: false, pairs: [] };
  if (!words[0].includes('=')) {
    const m = /^(\S+)\s+([\s\S]*)$/.exec(rest);
    if (!m) throw new DockerfileParseError(`${key} must have two arguments`);
    return { args: [m[1], m[2]], json: false, pairs: [{ key: m[1], value: m[2], delim: '' }] };
  }
  const pairs = words.map((w) => {
    const i = w.indexOf('=');
    if (i < 0) throw new DockerfileParseError(`Syntax error - can't find = in ${JSON.stringify(w)}. Must be of the form: name=value`);
    return { key: w.slice(0, i), value: w.slice(i + 1), delim: '=' as const };
  });
  return { args: pairs.map((p) => p.key), json: false, pairs };
}

const maybeJSON = (rest: string): Parsed => {
  if (rest === '') return { args: [], json: false };
  const j = parseJSON(rest);
  return j ? { args: j, json: true } : { args: [rest], json: false };
};

const maybeJSONToList = (rest: string): Parsed => {
  const j = parseJSON(rest);
  return j ? { args: j, json: true } : { args: whitespaceList(rest), json: false };
};

const LINE_PARSERS: Readonly<Record<string, (rest: string, escape: string) => Parsed>> = {
  add: maybeJSONToList,
  arg: (rest, escape) => ({ args: parseWords(rest, escape), json: false }),
  cmd: maybeJSON,
  copy: maybeJSONToList,
  entrypoint: maybeJSON,
  env: (rest, escape) => nameVal(rest, 'ENV', escape),
  expose: (rest) => ({ args: whitespaceList(rest), json: false }),
  from: (rest) => ({ args: whitespaceList(rest), json: false }),
  // parseHealthConfig: the type word, then the command as CMD's (JSON or one string).
  healthcheck: (rest) => {
    const m = /^(\S+)\s*([\s\S]*)$/.exec(rest);
    if (!m) return { args: [], json: false };
    const cmd = maybeJSON(m[2]);
    return { args: [m[1], ...cmd.args], json: cmd.json };
  },
  label: (rest, escape) => nameVal(rest, 'LABEL', escape),
  maintainer: (rest) => ({ args: rest === '' ? [] : [rest], json: false }),
  run: maybeJSON,
  shell: maybeJSON,
  stopsignal: (rest) => ({ args: rest === '' ? [] : [rest], json: false }),
  user: (rest) => ({ args: rest === '' ? [] : [rest], json: false }),
  volume: maybeJSONToList,
  workdir: (rest) => ({ args: rest === '' ? [] : [rest], json: false }),
};

/** extractBuilderFlags: the leading `--` words of an instruction's arguments, and what follows them. */
function builderFlags(line: string, escape: string): { rest: string; flags: string[] } {
  const flags: string[] = [];
  let pos = 0;
  for (;;) {
    while (pos < line.length && /\s/.test(line[pos])) pos++;
    if (pos >= line.length || !line.startsWith('--', pos)) return { rest: line.slice(pos), flags };
    let word = '';
    let quote = '';
    let blankOK = false;
    for (; pos < line.length; pos++) {
      const ch = line[pos];
      if (quote) {
        if (ch === quote) quote = '';
        else if (ch === escape && pos + 1 < line.length) word += line[++pos];
        else if (ch !== escape) word += ch;
        continue;
      }
      if (/\s/.test(ch)) break;
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
      } else if (ch === escape) {
        if (pos + 1 < line.length) word += line[++pos];
      } else word += ch;
    }
    if (word === '--') return { rest: line.slice(pos).replace(/^\s+/, ''), flags };
    if (blankOK || word) flags.push(word);
  }
}

/** newNodeFromLine: an unknown instruction parses with no arguments (the instruction layer rejects it). */
function nodeFromLine(line: string, startLine: number, escape: string): Node {
  const m = /^(\S*)\s*([\s\S]*)$/.exec(line.trim())!;
  const cmd = m[1].toLowerCase();
  if (cmd === 'onbuild') {
    const sub = m[2] === '' ? undefined : nodeFromLine(m[2], startLine, escape);
    return { cmd, original: line, args: sub ? [sub.cmd] : [], json: false, sub, startLine, flags: [] };
  }
  const { rest, flags } = builderFlags(m[2], escape);
  const parse = LINE_PARSERS[cmd];
  const p = parse ? parse(rest.trim(), escape) : { args: [], json: false };
  return { cmd, original: line, ...p, startLine, flags, ...(escape === '\\' ? {} : { escape }) };
}

/**
 * The parser directives at the top of a Dockerfile (BuildKit's DirectiveParser): `# name=value` lines before
 * anything else, for `syntax`, `escape` and `check`; the first other line (an unknown directive, a comment, a
 * blank line, an instruction) ends them. Values by lower-cased name.
 */
export function parseDirectives(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    if (!raw.startsWith('#')) break;
    const m = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/.exec(raw.slice(1).replace(/^\s+/, ''));
    const k = m?.[1].toLowerCase();
    if (!m || !k || !['syntax', 'escape', 'check'].includes(k)) break;
    if (out.has(k)) throw new DockerfileParseError(`only one ${k} parser directive can be used`);
    out.set(k, m[2]);
  }
  const escape = out.get('escape');
  if (escape !== undefined && escape !== '\\' && escape !== '`') throw new DockerfileParseError(`invalid escape token '${escape}' does not match \` or \\`);
  return out;
}

/** parser.Parse: the instructions of a Dockerfile's text, with the escape token its directive sets. */
export function parseDockerfile(text: string, escape = parseDirectives(text).get('escape') ?? '\\'): Node[] {
  const nodes: Node[] = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const first = lines[i].replace(/^[ \t]+/, '');
    i++;
    if (first.trim() === '' || first.startsWith('#')) continue;
    const start = i;
    let line = first;
    // A line ending in the escape token continues on the next one that is not a comment or blank.
    while (line.replace(/[ \t\r]+$/, '').endsWith(escape) && i <= lines.length) {
      line = line.replace(/[ \t\r]+$/, '').slice(0, -escape.length);
      while (i < lines.length && (lines[i].trim() === '' || lines[i].replace(/^[ \t]+/, '').startsWith('#'))) i++;
      if (i >= lines.length) break;
      // A continuation keeps its indentation (BuildKit's parser: the step's name shows it).
      line += lines[i];
      i++;
    }
    let node = nodeFromLine(line, start, escape);
    // A here-document's body is the lines after the instruction up to its delimiter (tabs off it for `<<-`), each
    // with its newline; several take their bodies in order.
    if (canContainHeredoc(node) && line.includes('<<')) {
      const heredocs: Heredoc[] = [];
      for (const h of heredocsFromLine(line)) {
        let content = '';
        let done = false;
        while (i < lines.length) {
          const raw = lines[i];
          i++;
          const last = i === lines.length;
          let maybe = raw.replace(/[\r\n]+$/, '');
          if (h.chomp) maybe = maybe.replace(/^\t+/, '');
          if (maybe === h.name) {
            done = true;
            break;
          }
          if (last && raw === '') break;
          content += last ? raw : `${raw}\n`;
        }
        if (!done) throw new DockerfileParseError('unterminated heredoc');
        heredocs.push({ ...h, content });
      }
      if (heredocs.length > 0) node = { ...node, heredocs };
    }
    nodes.push({ ...node, endLine: i });
  }
  if (nodes.length === 0) throw new DockerfileParseError('file with no instructions');
  return nodes;
}
