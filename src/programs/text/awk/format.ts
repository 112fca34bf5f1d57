/** C's printf conversions as awk's printf and sprintf use them (glibc's output for doubles and integers). */

export type FormatArg = { num: () => number; str: () => string };

function expForm(v: number, prec: number, upper: boolean): string {
  const s = v.toExponential(Math.min(prec, 100)).replace(/e([-+])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

function fixed(v: number, prec: number): string {
  if (Math.abs(v) < 1e21) return v.toFixed(Math.min(prec, 100));
  // toFixed switches to exponent form past 1e21; C prints every digit.
  const int = BigInt(Math.trunc(v)).toString();
  return prec > 0 ? `${int}.${'0'.repeat(prec)}` : int;
}

function gForm(v: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (v === 0) return alt ? `0.${'0'.repeat(p - 1)}` : '0';
  // The exponent after rounding to p significant digits decides the style.
  const e = Number(v.toExponential(p - 1).split('e')[1]);
  let s = e < -4 || e >= p ? expForm(v, p - 1, upper) : fixed(v, Math.max(0, p - 1 - e));
  if (!alt) s = s.includes('e') || s.includes('E') ? s.replace(/\.?0+([eE])/, '$1') : s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return s;
}

function special(v: number, upper: boolean): string | null {
  if (Number.isNaN(v)) return upper ? '-NAN' : '-nan';
  if (!Number.isFinite(v)) return (v < 0 ? '-' : '') + (upper ? 'INF' : 'inf');
  return null;
}

function pad(s: string, flags: string, width: number, numeric: boolean): string {
  if (s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (numeric && flags.includes('0') && !/inf|nan/i.test(s)) {
    const m = /^([-+ ]|0[xX])?/.exec(s)!;
    const sign = m[0];
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

/** Formats one conversion; `conv` is the letter. Returns null for a letter C does not know. */
export function formatOne(flags: string, width: number | undefined, prec: number | undefined, conv: string, arg: FormatArg): string {
  let s: string;
  let numeric = true;
  switch (conv) {
    case 'd':
    case 'i': {
      const v = arg.num();
      const sp = special(v, false);
      if (sp !== null) {
        s = sp;
        break;
      }
      const n = Math.trunc(v);
      let digits = Math.abs(n) >= 2 ** 63 ? (n < 0 ? '9223372036854775808' : '9223372036854775807') : Math.abs(n) >= 1e21 ? BigInt(Math.abs(n)).toString() : String(Math.abs(n));
      if (prec !== undefined) digits = prec === 0 && n === 0 ? '' : digits.padStart(prec, '0');
      s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + digits;
      if (prec !== undefined) flags = flags.replace('0', '');
      break;
    }
    case 'o':
    case 'x':
    case 'X':
    case 'u': {
      const v = Math.trunc(arg.num());
      const n = v < 0 ? BigInt.asUintN(64, BigInt(v)) : BigInt(Math.min(v, 2 ** 64 - 1));
      let digits = n.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
      if (conv === 'X') digits = digits.toUpperCase();
      if (prec !== undefined) digits = prec === 0 && n === 0n ? '' : digits.padStart(prec, '0');
      if (flags.includes('#') && n !== 0n) digits = conv === 'o' ? `0${digits}` : conv === 'x' ? `0x${digits}` : conv === 'X' ? `0X${digits}` : digits;
      s = digits;
      break;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const v = arg.num();
      const upper = conv === 'E' || conv === 'G' || conv === 'F';
      const p = prec ?? 6;
      const sp = special(v, upper);
      if (sp !== null) s = sp.startsWith('-') || Number.isNaN(v) ? sp : (flags.includes('+') ? '+' : '') + sp;
      else {
        const a = Math.abs(v);
        let body = conv === 'e' || conv === 'E' ? expForm(a, p, upper) : conv === 'f' || conv === 'F' ? fixed(a, p) : gForm(a, p, flags.includes('#'), upper);
        if (flags.includes('#') && p === 0 && !body.includes('.') && (conv === 'f' || conv === 'F')) body += '.';
        const neg = v < 0 || Object.is(v, -0);
        s = (neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + body;
      }
      break;
    }
    case 'c': {
      numeric = false;
      s = arg.str();
      break;
    }
    case 's': {
      numeric = false;
      s = arg.str();
      if (prec !== undefined) s = s.slice(0, prec);
      break;
    }
    default:
      return '';
  }
  return width === undefined ? s : pad(s, flags, width, numeric);
}
