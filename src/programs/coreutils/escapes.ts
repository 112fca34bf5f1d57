/** Backslash escapes as echo -e and printf %b/format strings interpret them. */
import { byteChar } from '../lib/bytechars.js';

export interface Unescaped {
  readonly text: string;
  /** `\c` was seen: produce no further output. */
  readonly stop: boolean;
}

const SIMPLE: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * @param mode 'echo' and 'b' take `\0nnn` (up to 3 octal digits after the 0); 'format' takes `\nnn`,
 * and `\"` and `\'` as printf's format string does.
 */
export function unescape(s: string, mode: 'echo' | 'b' | 'format'): Unescaped {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== '\\' || i + 1 >= s.length) {
      out += ch;
      continue;
    }
    const n = s[++i];
    if (n in SIMPLE) out += SIMPLE[n];
    else if (n === 'c' && mode !== 'format') return { text: out, stop: true };
    else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0];
      out += byteChar(parseInt(m, 16));
      i += m.length;
    } else if (mode !== 'format' && n === '0') {
      // \0NNN: up to three octal digits after the zero.
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
      out += byteChar(parseInt(m || '0', 8) & 0xff);
      i += m.length;
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i))![0];
      out += byteChar(parseInt(m, 8) & 0xff);
      i += m.length - 1;
    } else if (mode === 'format' && (n === '"' || n === "'")) out += n;
    else if ((n === 'u' || n === 'U') && mode !== 'echo') {
      const m = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(s.slice(i + 1));
      if (!m) out += `\\${n}`;
      else {
        out += String.fromCodePoint(parseInt(m[0], 16));
        i += m[0].length;
      }
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}
