/** seq: FIRST [INCREMENT] LAST, with -s and -w, in GNU's precision rules; yields on long runs. */
import { tool } from './common.js';

function decimals(s: string): number {
  const m = /\.(\d*)/.exec(s);
  return m && !/e/i.test(s) ? m[1].length : 0;
}

export const seq = tool(
  {
    name: 'seq',
    short: 'f:s:w',
    long: [
      { name: 'format', key: 'f', arg: 'required' },
      { name: 'separator', key: 's', arg: 'required' },
      { name: 'equal-width', key: 'w' },
    ],
    authors: 'Written by Ulrich Drepper.',
    // Negative numbers are operands, not options (seq -1 1).
    operandLike: /^-(\d|\.\d|inf|nan)/i,
  },
  async (t, opts, args) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const sep = opts.filter((o) => o.key === 's').map((o) => o.value!).pop() ?? '\n';
    if (args.length === 0) return t.usage('missing operand');
    if (args.length > 3) return t.usage(`extra operand ${t.lq(args[3])}`);
    for (const a of args) {
      if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(a.trim())) return t.usage(`invalid floating point argument: ${t.lq(a)}`);
    }
    const [firstS, stepS, lastS] = args.length === 1 ? ['1', '1', args[0]] : args.length === 2 ? [args[0], '1', args[1]] : args;
    const first = Number(firstS);
    const step = Number(stepS);
    const last = Number(lastS);
    if (step === 0) return t.usage(`invalid Zero increment value: ${t.lq(stepS)}`);
    const prec = Math.max(decimals(firstS), decimals(stepS));
    const fmt = (v: number): string => v.toFixed(prec);
    let width = 0;
    if (has('w')) width = Math.max(fmt(first).length, fmt(last).length);
    const pad = (s: string): string => (s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0'));
    let n = 0;
    for (let i = 0; ; i++) {
      const v = first + i * step;
      if (step > 0 ? v > last + 1e-12 : v < last - 1e-12) break;
      await t.out.write((i === 0 ? '' : sep) + pad(fmt(v)));
      if (++n % 1024 === 0) {
        t.sys.cpu(4);
        await t.sys.yield();
      }
    }
    if (n > 0) await t.out.write('\n');
    return 0;
  },
);
