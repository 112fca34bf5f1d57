/** `printf` (its escapes are `echo -e`'s, in escapes.ts). */
import { byteChar, toOutput } from '../../lib/bytechars.js';
import { echoEscapes } from './escapes.js';
import { ShellError } from '../errors.js';
import type { ShellContext } from '../context.js';

const FORMAT_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', '"': '"', "'": "'",
};

/** Format-string escapes (`\n`, `\NNN`, `\xHH`, `\"`). */
function formatEscape(fmt: string, i: number): [string, number] {
  const n = fmt[i + 1];
  if (n === undefined) return ['\\', i + 1];
  if (n >= '0' && n <= '7') {
    const m = /^[0-7]{1,3}/.exec(fmt.slice(i + 1))![0];
    return [byteChar(parseInt(m, 8) & 0xff), i + 1 + m.length];
  }
  if (n === 'x') {
    const m = /^[0-9a-fA-F]{1,2}/.exec(fmt.slice(i + 2));
    return m ? [byteChar(parseInt(m[0], 16)), i + 2 + m[0].length] : ['\\x', i + 2];
  }
  if (n in FORMAT_ESCAPES) return [FORMAT_ESCAPES[n], i + 2];
  return [`\\${n}`, i + 2];
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

export async function printfBuiltin(sh: ShellContext, argv: string[]): Promise<number> {
  let args = argv.slice(1);
  let target: string | undefined;
  if (args[0] === '-v') {
    target = args[1];
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) throw new ShellError('printf: usage: printf [-v var] format [arguments]', 2);
  const fmt = args[0];
  const vals = args.slice(1);
  let ai = 0;
  let out = '';
  let status = 0;
  const errors: string[] = [];
  const nextArg = (): string | undefined => (ai < vals.length ? vals[ai++] : undefined);
  const num = (s: string | undefined): number => {
    if (s === undefined || s === '') return 0;
    if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
    const t = s.trim();
    if (/^[+-]?(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(t)) {
      if (/^[+-]?0[0-7]+$/.test(t)) return parseInt(t, 8);
      return Number(t);
    }
    const lead = /^[+-]?[0-9]+/.exec(t);
    errors.push(`printf: ${s}: invalid number`);
    status = 1;
    return lead ? Number(lead[0]) : 0;
  };
  let stop = false;
  do {
    const startAi = ai;
    for (let i = 0; i < fmt.length && !stop; ) {
      const c = fmt[i];
      if (c === '\\') {
        if (fmt[i + 1] === 'c') {
          stop = true;
          break;
        }
        const [t, ni] = formatEscape(fmt, i);
        out += t;
        i = ni;
        continue;
      }
      if (c !== '%') {
        out += c;
        i++;
        continue;
      }
      if (fmt[i + 1] === '%') {
        out += '%';
        i += 2;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([a-zA-Z])/.exec(fmt.slice(i));
      if (!m) {
        out += '%';
        i++;
        continue;
      }
      i += m[0].length;
      const flags = m[1];
      const width = m[2] === '*' ? num(nextArg()) : m[2] ? Number(m[2]) : 0;
      const precRaw = m[3] === '*' ? String(num(nextArg())) : m[3];
      const prec = precRaw === undefined ? undefined : Number(precRaw || '0');
      const left = flags.includes('-') || width < 0;
      const w = Math.abs(width);
      const zero = flags.includes('0') && !left;
      const conv = m[4];
      const arg = nextArg();
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, w, left, false);
          break;
        case 'b': {
          const r = echoEscapes(arg ?? '');
          s = r.text;
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, w, left, false);
          if (r.stop) stop = true;
          break;
        }
        case 'c':
          out += pad((arg ?? '').slice(0, 1), w, left, false);
          break;
        case 'd':
        case 'i': {
          const n = Math.trunc(num(arg));
          s = String(Math.abs(n));
          if (prec !== undefined) s = s.padStart(prec, '0');
          s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          out += pad(s, w, left, zero && prec === undefined);
          break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
          let n = BigInt(Math.trunc(num(arg)));
          if (n < 0n) n = BigInt.asUintN(64, n);
          s = n.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
          if (conv === 'X') s = s.toUpperCase();
          if (prec !== undefined) s = s.padStart(prec, '0');
          if (flags.includes('#') && n !== 0n) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + s;
          out += pad(s, w, left, zero && prec === undefined);
          break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const n = arg === undefined ? 0 : Number(arg.trim());
          const v = Number.isNaN(n) ? num(arg) : n;
          const p = prec ?? 6;
          s = conv === 'f' || conv === 'F' ? v.toFixed(p) : conv === 'e' || conv === 'E' ? v.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(v.toPrecision(p || 1)));
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          if (v >= 0 && flags.includes('+')) s = `+${s}`;
          out += pad(s, w, left, zero);
          break;
        }
        default:
          throw new ShellError(`printf: \`${conv}': invalid format character`, 1);
      }
    }
    if (ai === startAi) break;
  } while (ai < vals.length && !stop);
  for (const e of errors) await sh.error(e);
  if (target !== undefined) sh.setVar(target, out);
  else if (out) await sh.sys.write(1, toOutput(out));
  return status;
}
