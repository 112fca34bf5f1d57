/**
 * busybox tail's open phase (coreutils/tail.c) in front of GNU tail, whose output it shares (`==> F <==`
 * headers, the last lines, -f's following): busybox opens every file first, says `tail: can't open 'F': …`
 * for each it cannot, leaves those out of the headers' count, ends with `tail: no files` when none opened,
 * and exits 1 if any failed. -F keeps the missing ones to retry, as busybox does.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program } from '../../engine/kernel/sys.js';
import { parseArgs } from '../lib/args.js';
import { getoptMessage, withArgv } from './common.js';
import { showUsage } from './usage.js';

export function busyboxTail(gnuTail: Program): Program {
  return async (sys) => {
    let args = sys.argv.slice(1);
    const gnuArgs: string[] = [];
    // The legacy first argument: `-5` or `+5` lines.
    if (/^[-+]\d/.test(args[0] ?? '')) {
      gnuArgs.push('-n', args[0].startsWith('+') ? args[0] : args[0].slice(1));
      args = args.slice(1);
    }
    const parsed = parseArgs(args, { short: 'fc:n:qs:vF' });
    if (!parsed.ok) {
      await sys.write(2, `${sys.argv[0] || 'tail'}: ${getoptMessage(sys, parsed.error, args)}\n`);
      return showUsage(sys, 'tail');
    }
    for (const o of parsed.opts) gnuArgs.push(`-${o.key}`, ...(o.value === undefined ? [] : [o.value]));
    const retry = parsed.opts.some((o) => o.key === 'F');
    if (parsed.operands.length === 0) return gnuTail(withArgv(sys, [sys.argv[0], ...gnuArgs]));
    const opened: string[] = [];
    let failed = false;
    for (const f of parsed.operands) {
      try {
        if (f !== '-') sys.close(sys.open(f, 'r'));
        opened.push(f);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await sys.write(2, `tail: can't open '${f}': ${e.message}\n`);
        failed = true;
        if (retry) opened.push(f);
      }
    }
    if (opened.length === 0) {
      await sys.write(2, 'tail: no files\n');
      return 1;
    }
    const status = await gnuTail(withArgv(sys, [sys.argv[0], ...gnuArgs, '--', ...opened]));
    return failed ? 1 : status;
  };
}
