/** Backslash escapes as `echo -e` and printf's `%b` read them (echo is in every login; printf's code comes later). */
import { byteChar } from '../../lib/bytechars.js';

/** Backslash escapes as `echo -e` and `%b` read them; `stop` is set by `\c`. */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'e':
      case 'E': out += '\x1b'; break;
      case '\\': out += '\\'; break;
      case 'c': return { text: out, stop: true };
      case '0': {
        const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
        out += byteChar(parseInt(m || '0', 8) & 0xff);
        i += m.length;
        break;
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (m) {
          out += byteChar(parseInt(m[0], 16));
          i += m[0].length;
        } else out += '\\x';
        break;
      }
      default:
        if (n >= '1' && n <= '7') {
          const m = /^[0-7]{1,3}/.exec(s.slice(i))![0];
          out += byteChar(parseInt(m, 8) & 0xff);
          i += m.length - 1;
        } else out += `\\${n}`;
    }
  }
  return { text: out, stop: false };
}
