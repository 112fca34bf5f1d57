/**
 * vim's 'magic' search patterns as JavaScript regular expressions: `. * [] ^ $` mean what they say, `\+ \?
 * \= \| \( \) \{n,m} \< \>` are the operators, and `+ ? | ( ) {` alone are literal. 'ignorecase' is off.
 */

const BACKSLASHED: Readonly<Record<string, string>> = {
  '+': '+', '?': '?', '=': '?', '|': '|', '(': '(', ')': ')', '{': '{', '}': '}', '<': '\\b', '>': '\\b',
  s: '[ \\t]', S: '[^ \\t]', d: '\\d', D: '\\D', w: '\\w', W: '\\W', a: '[A-Za-z]', l: '[a-z]', u: '[A-Z]',
  t: '\\t', n: '\\n', '/': '/', '\\': '\\\\', '.': '\\.', '*': '\\*', '[': '\\[', ']': '\\]', '^': '\\^',
  $: '\\$', '~': '~',
};

/** The regular expression for `pattern`, or null when it is not one vim would take (E486 then). */
export function vimRegex(pattern: string): RegExp | null {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      if (next === '{') {
        // \{n,m} and \{-n,m}: the closing brace may itself be escaped.
        const m = /^(-?)(\d*)(,?)(\d*)\\?\}/.exec(pattern.slice(i + 1));
        if (!m) return null;
        out += `{${m[2] || (m[3] ? '0' : '')}${m[3]}${m[4]}}${m[1] ? '?' : ''}`;
        if (!m[2] && !m[3] && !m[4]) out = `${out.slice(0, -2)}*`;
        i += m[0].length;
        continue;
      }
      out += BACKSLASHED[next] ?? next.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      continue;
    }
    if ('+?|(){}'.includes(ch)) out += `\\${ch}`;
    else if (ch === '~') out += '~';
    else out += ch;
  }
  try {
    return new RegExp(out, 'g');
  } catch {
    return null;
  }
}
