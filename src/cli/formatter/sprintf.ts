/** A small fmt.Sprintf: %v %s %d %q %t %x %f with flags `-`, `0`, width and precision; `%%`. */
import { goQuote } from '../../pkg/strconv.js';
import { goSprint } from './gofmt.js';

export function sprintf(format: string, args: readonly unknown[]): string {
  let n = 0;
  return format.replace(/%([-0+ #]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags: string, width: string, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (n >= args.length) return `%!${verb}(MISSING)`;
    const a = args[n++];
    let s: string;
    switch (verb) {
      case 'd': s = typeof a === 'number' ? String(Math.trunc(a)) : `%!d(${goSprint(a)})`; break;
      case 'f': s = typeof a === 'number' ? a.toFixed(prec === undefined ? 6 : Number(prec)) : `%!f(${goSprint(a)})`; break;
      case 'q': s = goQuote(typeof a === 'string' ? a : goSprint(a)); break;
      case 'x': s = typeof a === 'number' ? a.toString(16) : [...(typeof a === 'string' ? a : goSprint(a))].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(''); break;
      case 't': s = typeof a === 'boolean' ? String(a) : `%!t(${goSprint(a)})`; break;
      default: s = goSprint(a);
    }
    if ((verb === 's' || verb === 'v') && prec !== undefined) s = [...s].slice(0, Number(prec)).join('');
    const w = Number(width || 0);
    if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : s.padStart(w, flags.includes('0') && verb !== 's' ? '0' : ' ');
    return s;
  }) + (n < args.length ? `%!(EXTRA ${args.slice(n).map((a) => `${typeof a === 'string' ? 'string' : 'float64'}=${goSprint(a)}`).join(', ')})` : '');
}
