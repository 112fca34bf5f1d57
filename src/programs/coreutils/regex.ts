/**
 * POSIX regular expressions (basic and extended, with GNU's extensions) translated to JavaScript RegExp
 * source: what grep, sed-like tools and expr need. Throws an Error with GNU's message on bad syntax.
 */

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f', word: '0-9A-Za-z_',
};

/** Translates a bracket expression starting at `re[i]` === '['; returns [source, next index]. */
function bracket(re: string, start: number): [string, number] {
  if (start + 1 >= re.length) throw new Error('Invalid regular expression');
  const cls = /^\[:(\w+):\]/.exec(re.slice(start));
  if (cls) throw new Error(`character class syntax is [[:${cls[1]}:]], not [:${cls[1]}:]`);
  let i = start + 1;
  let out = '[';
  if (re[i] === '^') {
    out += '^';
    i++;
  }
  let first = true;
  for (; i < re.length; i++) {
    const c = re[i];
    if (c === ']' && !first) return [`${out}]`, i + 1];
    first = false;
    if (c === '[' && (re[i + 1] === ':' || re[i + 1] === '=' || re[i + 1] === '.')) {
      const kind = re[i + 1];
      const end = re.indexOf(`${kind}]`, i + 2);
      if (end < 0) throw new Error('Unmatched [, [^, [:, [., or [=');
      const name = re.slice(i + 2, end);
      if (kind === ':') {
        if (!(name in CLASSES)) throw new Error('Invalid character class name');
        out += CLASSES[name];
      } else out += name.replace(/[\\\]^-]/g, '\\$&');
      i = end + 1;
      continue;
    }
    // A `]` first in the list is a member; JavaScript would read `[]` as an empty class.
    out += c === '\\' || c === '[' || c === ']' || (c === '^' && out.length > 1) ? `\\${c}` : c;
  }
  throw new Error('Unmatched [, [^, [:, [., or [=');
}

export function posixToJs(re: string, extended: boolean): string {
  let out = '';
  let depth = 0;
  // Where an operator like `*` would have nothing to repeat, POSIX takes it literally.
  let atStart = true;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    let piece: string;
    let starts = false;
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i];
      if (!extended && n === '(') {
        piece = '(';
        depth++;
        starts = true;
      } else if (!extended && n === ')') {
        if (depth === 0) throw new Error('Unmatched ) or \\)');
        depth--;
        piece = ')';
      } else if (!extended && n === '|') {
        piece = '|';
        starts = true;
      } else if (!extended && (n === '{')) {
        const end = re.indexOf('\\}', i);
        if (end < 0) throw new Error('Unmatched \\{');
        piece = atStart ? '\\{' : `{${re.slice(i + 1, end)}}`;
        if (!atStart) i = end + 1;
      } else if (!extended && (n === '+' || n === '?')) piece = atStart ? `\\${n}` : n;
      else if (n === '<') piece = '\\b(?=\\w)';
      else if (n === '>') piece = '\\b(?<=\\w)';
      else if (n === '`') piece = '^';
      else if (n === "'") piece = '$';
      else if ('wWsSbB'.includes(n) || /[1-9]/.test(n)) piece = `\\${n}`;
      else piece = /[A-Za-z0-9]/.test(n) ? n : `\\${n}`;
    } else if (c === '\\') throw new Error('Trailing backslash');
    else if (c === '[') {
      const [src, next] = bracket(re, i);
      piece = src;
      i = next - 1;
    } else if (c === '*') piece = atStart ? '\\*' : '*';
    else if (c === '^') {
      piece = atStart || extended ? '^' : '\\^';
      starts = true;
    } else if (c === '$') {
      const end = i === re.length - 1 || (!extended && re.startsWith('\\)', i + 1)) || (!extended && re.startsWith('\\|', i + 1));
      piece = end || extended ? '$' : '\\$';
    } else if (extended && c === '(') {
      depth++;
      piece = '(';
      starts = true;
    } else if (extended && c === ')') {
      if (depth === 0) piece = '\\)';
      else {
        depth--;
        piece = ')';
      }
    } else if (extended && c === '|') {
      piece = '|';
      starts = true;
    } else if (extended && (c === '+' || c === '?')) piece = atStart ? `\\${c}` : c;
    else if (extended && c === '{') {
      const m = /^\{(\d*)(,(\d*))?\}/.exec(re.slice(i));
      if (m && !atStart && (m[1] !== '' || m[3])) {
        piece = `{${m[1] || '0'}${m[2] ?? ''}}`;
        i += m[0].length - 1;
      } else piece = '\\{';
    } else if ('(){}|+?/'.includes(c)) piece = `\\${c}`;
    else piece = c;
    out += piece;
    atStart = starts;
  }
  if (depth > 0) throw new Error(extended ? 'Unmatched ( or \\(' : 'Unmatched ( or \\(');
  return out;
}

export function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
