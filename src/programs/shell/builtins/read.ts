/** `read`: no login runs it before its first prompt (index.ts). */
import { ShellError } from '../errors.js';
import { isName } from '../parser.js';
import type { ShellContext } from '../context.js';
import { readRecord } from './vars.js';

export async function read(sh: ShellContext, argv: string[]): Promise<number> {
  let raw = false;
  let prompt = '';
  let delim = '\n';
  let fd = 0;
  let max = -1;
  let silent = false;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (names.length === 0 && a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const value = (): string => {
          const v = a.slice(j + 1) || argv[++i];
          j = a.length;
          if (v === undefined) throw new ShellError(`read: -${c}: option requires an argument`, 2);
          return v;
        };
        if (c === 'r') raw = true;
        else if (c === 's') silent = true;
        else if (c === 'p') prompt = value();
        else if (c === 'd') delim = value().slice(0, 1);
        else if (c === 'u') fd = Number(value());
        else if (c === 'n' || c === 'N') max = Number(value());
        else if (c === 't') value();
        else throw new ShellError(`read: -${c}: invalid option`, 2);
      }
    } else names.push(a);
  }
  for (const n of names) if (!isName(n)) throw new ShellError(`read: \`${n}': not a valid identifier`, 1);
  if (prompt && sh.sys.isatty(fd)) await sh.writeErr(prompt);
  let echoWas: boolean | undefined;
  if (silent && sh.sys.isatty(fd)) {
    echoWas = sh.sys.tcgetattr(fd).echo;
    sh.sys.tcsetattr(fd, { echo: false });
  }
  let text = '';
  let complete = false;
  try {
    for (;;) {
      const rec = await readRecord(sh, fd, delim, max);
      if (!rec) break;
      complete = rec.complete;
      if (!raw && rec.complete && delim === '\n' && /(^|[^\\])(\\\\)*\\$/.test(rec.text)) {
        text += rec.text.slice(0, -1);
        continue;
      }
      text += rec.text;
      break;
    }
  } finally {
    if (echoWas !== undefined) sh.sys.tcsetattr(fd, { echo: echoWas });
  }
  assignFields(sh, text, names, raw);
  return complete ? 0 : 1;
}

function assignFields(sh: ShellContext, text: string, names: string[], raw: boolean): void {
  const unescape = (s: string): string => (raw ? s : s.replace(/\\(.)/g, '$1'));
  if (names.length === 0) {
    sh.setVar('REPLY', unescape(text));
    return;
  }
  const ifs = sh.getVar('IFS') ?? ' \t\n';
  const isWs = (c: string): boolean => ifs.includes(c) && (c === ' ' || c === '\t' || c === '\n');
  const isSep = (c: string): boolean => ifs.includes(c);
  let i = 0;
  const skipWs = (): void => {
    while (i < text.length && isWs(text[i])) i++;
  };
  skipWs();
  for (let n = 0; n < names.length; n++) {
    if (n === names.length - 1) {
      let rest = text.slice(i);
      let e = rest.length;
      while (e > 0 && isWs(rest[e - 1]) && !(e > 1 && rest[e - 2] === '\\' && !raw)) e--;
      rest = rest.slice(0, e);
      if (rest.length === 1 && isSep(rest) && !isWs(rest)) rest = '';
      sh.setVar(names[n], unescape(rest));
      return;
    }
    let field = '';
    while (i < text.length && !isSep(text[i])) {
      if (text[i] === '\\' && !raw && i + 1 < text.length) {
        field += text.slice(i, i + 2);
        i += 2;
      } else field += text[i++];
    }
    skipWs();
    if (i < text.length && isSep(text[i]) && !isWs(text[i])) {
      i++;
      skipWs();
    }
    sh.setVar(names[n], unescape(field));
  }
}
