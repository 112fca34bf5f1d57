/** coreutils printf: the format is reused until the arguments run out; %b, %q and C conversions. */
import { helpText, tool, versionText, type Tool } from './common.js';
import { toOutput } from '../lib/bytechars.js';
import { unescape } from './escapes.js';

/** printf %q: shell-quoted so the shell reads back the same word. */
function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_./:=+,%@-]+$/.test(s)) return s;
  if (!/[\x00-\x1f\x7f']/.test(s)) return `'${s}'`;
  if (!/[\x00-\x1f\x7f"$`\\]/.test(s)) return `"${s}"`;
  return `$'${s.replace(/[\\'\x00-\x1f\x7f]/g, (c) => ({ '\n': '\\n', '\t': '\\t', '\r': '\\r', "'": "\\'", '\\': '\\\\' })[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)}'`;
}

class Converter {
  status = 0;
  constructor(private readonly t: Tool) {}

  async number(arg: string | undefined, float: boolean): Promise<number> {
    if (arg === undefined || arg === '') return 0;
    if (/^['"]/.test(arg)) return arg.length > 1 ? arg.codePointAt(1)! : 0;
    const s = arg.trim();
    const m = float ? /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i.exec(s) : /^[-+]?(0x[0-9a-f]+|0[0-7]*|\d+)/i.exec(s);
    if (!m) {
      await this.t.error(`${this.t.lq(arg)}: expected a numeric value`);
      this.status = 1;
      return 0;
    }
    if (m[0].length !== s.length) {
      await this.t.error(`${this.t.lq(arg)}: value not completely converted`);
      this.status = 1;
    }
    if (float) return Number(m[0]);
    const neg = m[0].startsWith('-');
    const body = m[0].replace(/^[-+]/, '');
    const v = /^0x/i.test(body) ? parseInt(body, 16) : /^0\d/.test(body) ? parseInt(body, 8) : Number(body);
    return neg ? -v : v;
  }
}

function pad(s: string, flags: string, width: number | undefined): string {
  if (width === undefined || s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (flags.includes('0') && /^[-+ ]?[0-9a-fA-F.]/.test(s) && !/[a-z]{3}/i.test(s)) {
    const sign = /^[-+ ]/.test(s) ? s[0] : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

function expFormat(v: number, prec: number, upper: boolean): string {
  const s = v.toExponential(prec).replace(/e([-+])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

function gFormat(v: number, prec: number, alt: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  let s = exp < -4 || exp >= p ? expFormat(v, p - 1, false) : v.toFixed(Math.max(0, p - 1 - exp));
  if (!alt) s = s.replace(/\.?0+(e|$)/, '$1');
  return s;
}

export const printf = tool(
  { name: 'printf', authors: 'Written by David MacKenzie.', rawArgs: true },
  async (t, _o, args) => {
    if (args.length === 1 && (args[0] === '--help' || args[0] === '--version')) {
      await t.out.write(args[0] === '--help' ? await helpText(t.sys, 'printf') : versionText({ name: 'printf', authors: 'Written by David MacKenzie.' }));
      return 0;
    }
    if (args[0] === '--') args = args.slice(1);
    if (args.length === 0) return t.usage('missing operand');
    const format = args[0];
    const rest = args.slice(1);
    const conv = new Converter(t);
    let ai = 0;
    const next = (): string | undefined => rest[ai++];
    let out = '';
    do {
      const startAi = ai;
      const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])?|\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|.)?|[^%\\]+/g;
      for (const m of format.matchAll(re)) {
        const tok = m[0];
        if (tok[0] === '\\') {
          if (tok === '\\c') {
            await t.out.write(toOutput(out));
            return conv.status;
          }
          out += unescape(tok, 'format').text;
          continue;
        }
        if (tok[0] !== '%') {
          out += tok;
          continue;
        }
        const [, flags, w, p, c] = m;
        if (c === '%') {
          out += '%';
          continue;
        }
        if (c === undefined || !'diouxXfFeEgGcsbq'.includes(c)) {
          await t.out.write(toOutput(out));
          await t.error(`${tok}: invalid conversion specification`);
          return 1;
        }
        const width = w === '*' ? await conv.number(next(), false) : w === undefined ? undefined : Number(w);
        const prec = p === '*' ? await conv.number(next(), false) : p === undefined ? undefined : Number(p || 0);
        const arg = next();
        let s: string;
        switch (c) {
          case 's':
            s = arg ?? '';
            if (prec !== undefined) s = s.slice(0, prec);
            break;
          case 'b': {
            const u = unescape(arg ?? '', 'b');
            out += pad(u.text, flags, width);
            if (u.stop) {
              await t.out.write(toOutput(out));
              return conv.status;
            }
            continue;
          }
          case 'q':
            s = shellQuote(arg ?? '');
            break;
          case 'c':
            s = (arg ?? '').slice(0, 1);
            break;
          case 'd':
          case 'i': {
            const v = Math.trunc(await conv.number(arg, false));
            s = String(Math.abs(v));
            if (prec !== undefined) s = s.padStart(prec, '0');
            s = (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
            break;
          }
          case 'u':
          case 'o':
          case 'x':
          case 'X': {
            let v = BigInt(Math.trunc(await conv.number(arg, false)));
            if (v < 0n) v += 1n << 64n;
            s = v.toString(c === 'o' ? 8 : c === 'u' ? 10 : 16);
            if (c === 'X') s = s.toUpperCase();
            if (prec !== undefined) s = s.padStart(prec, '0');
            if (flags.includes('#') && v !== 0n) s = (c === 'o' ? '0' : c === 'x' ? '0x' : c === 'X' ? '0X' : '') + s;
            break;
          }
          default: {
            const v = await conv.number(arg, true);
            const pr = prec ?? 6;
            if (c === 'f' || c === 'F') s = v.toFixed(pr);
            else if (c === 'e' || c === 'E') s = expFormat(v, pr, c === 'E');
            else s = gFormat(v, pr, flags.includes('#'));
            if (c === 'G') s = s.toUpperCase();
            if (v >= 0 && flags.includes('+')) s = `+${s}`;
            else if (v >= 0 && flags.includes(' ')) s = ` ${s}`;
          }
        }
        out += pad(s, flags, width);
      }
      if (ai === startAi) {
        if (rest.length > 0) {
          await t.out.write(toOutput(out));
          out = '';
          await t.error(`warning: ignoring excess arguments, starting with ${t.lq(rest[0])}`);
        }
        break;
      }
      if (out.length > 8192) {
        await t.out.write(toOutput(out));
        out = '';
      }
    } while (ai < rest.length);
    await t.out.write(toOutput(out));
    return conv.status;
  },
);
