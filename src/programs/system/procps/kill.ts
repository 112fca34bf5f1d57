/** procps-ng `kill` (/usr/bin/kill; shells usually run their builtin instead). */
import { SysError } from '../../../engine/kernel/errno.js';
import { isProcessEnd } from '../../../engine/kernel/process.js';
import { SIGNALS, type Signal } from '../../../engine/kernel/signals.js';
import type { Sys } from '../../../engine/kernel/sys.js';
import { errorText } from '../../lib/output.js';
import { parseSig, shortName, signalList, signalTable } from './signals.js';

const USAGE = `
Usage:
 kill [options] <pid> [...]

Options:
 <pid> [...]            send signal to every <pid> listed
 -<signal>, -s, --signal <signal>
                        specify the <signal> to be sent
 -q, --queue <value>    integer value to be sent with the signal
 -l, --list=[<signal>]  list all signal names, or convert one to a name
 -L, --table            list all signal names in a nice table

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see kill(1).
`;

export async function kill(sys: Sys): Promise<number> {
  const me = sys.argv[0] ?? 'kill';
  const args = sys.argv.slice(1);
  let sig: Signal | undefined = 'SIGTERM';
  let zero = false;
  let given = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-l' || a === '--list' || a.startsWith('--list=')) {
      const what = a.startsWith('--list=') ? a.slice(7) : args[i + 1];
      if (what === undefined) {
        await sys.write(1, signalList());
        return 0;
      }
      const s = parseSig(/^\d+$/.test(what) && Number(what) > 128 ? String(Number(what) - 128) : what);
      if (!s) {
        await sys.write(2, `${me}: unknown signal name ${what}\n`);
        return 0;
      }
      await sys.write(1, /^\d+$/.test(what) ? `${shortName(s)}\n` : `${SIGNALS[s]}\n`);
      return 0;
    }
    if (a === '-L' || a === '--table') {
      await sys.write(1, signalTable());
      return 0;
    }
    if (a === '-h' || a === '--help') {
      await sys.write(1, USAGE);
      return 0;
    }
    if (a === '-V' || a === '--version') {
      await sys.write(1, 'kill from procps-ng 4.0.4\n');
      return 0;
    }
    if (a === '-s' || a === '--signal') {
      sig = parseSig(args[++i] ?? '');
      given = true;
      continue;
    }
    if (/^-\w+$/.test(a) && !given) {
      zero = a === '-0';
      sig = zero ? undefined : parseSig(a.slice(1));
      given = true;
      continue;
    }
    break;
  }
  const targets = args.slice(i);
  if (targets.length === 0) {
    await sys.write(2, USAGE);
    return 1;
  }
  let status = 0;
  for (const t of targets) {
    if (!/^-?\d+$/.test(t)) {
      await sys.write(2, `${me}: failed to parse argument: '${t}'\n`);
      status = 1;
      continue;
    }
    try {
      if (zero) probe(sys, Number(t));
      else if (!sig) throw new SysError('EINVAL', 'kill');
      else sys.kill(Number(t), sig);
    } catch (e) {
      if (isProcessEnd(e)) throw e;
      await sys.write(2, `${me}: (${t}): ${errorText(e)}\n`);
      status = 1;
    }
  }
  return status;
}

/** Signal 0: only asks whether the process exists (the kernel API has no null signal, /proc answers). */
function probe(sys: Sys, pid: number): void {
  if (pid > 0 && !sys.fs.exists(`/proc/${pid}`)) throw new SysError('ESRCH', 'kill');
}
