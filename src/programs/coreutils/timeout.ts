/**
 * coreutils timeout: runs COMMAND and signals it after DURATION (TERM, or -s), then KILL after -k; exits
 * 124 when it timed out (or the command's own status with --preserve-status), 125 for its own errors, 126
 * and 127 when the command cannot run. A watcher process of timeout's own does the waiting, so timeout
 * itself only waits for the command.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { SIGNALS, type Signal } from '../../engine/kernel/signals.js';
import { parseSig, shortName } from '../system/procps/signals.js';
import { errorText } from '../lib/output.js';
import { tool } from './common.js';
import { resolveCommand } from './pathsearch.js';

/** DURATION: a floating point number with an optional s/m/h/d suffix; null when invalid. */
function duration(s: string): number | null {
  const m = /^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?([smhd]?)$/i.exec(s.trim());
  if (!m) return null;
  const n = Number(m[1] + (m[2] ?? ''));
  return n * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[3]] * 1000;
}

export const timeout = tool(
  {
    name: 'timeout',
    short: '+k:s:v',
    long: [
      { name: 'kill-after', key: 'k', arg: 'required' }, { name: 'signal', key: 's', arg: 'required' },
      { name: 'verbose', key: 'v' }, { name: 'preserve-status' }, { name: 'foreground' },
    ],
    usageStatus: 125,
    authors: 'Written by Padraig Brady.',
  },
  async (t, opts, operands) => {
    const sys = t.sys;
    let sig: Signal = 'SIGTERM';
    let killAfter = 0;
    for (const o of opts) {
      if (o.key === 's') {
        const s = parseSig(o.value!);
        if (!s) return t.usage(`${t.lq(o.value!)}: invalid signal`);
        sig = s;
      } else if (o.key === 'k') {
        const d = duration(o.value!);
        if (d === null) return t.usage(`invalid time interval ${t.lq(o.value!)}`);
        killAfter = d;
      }
    }
    const verbose = opts.some((o) => o.key === 'v');
    const preserve = opts.some((o) => o.key === 'preserve-status');
    if (operands.length < 2) return t.usage();
    const limit = duration(operands[0]);
    if (limit === null) return t.usage(`invalid time interval ${t.lq(operands[0])}`);
    const cmd = operands.slice(1);
    let path: string;
    try {
      path = resolveCommand(sys, cmd[0], sys.env.PATH);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await t.error(`failed to run command ${t.lq(cmd[0])}: ${errorText(err)}`);
      return err.code === 'ENOENT' ? 127 : 126;
    }
    await t.out.flush();
    const child = sys.spawn({ path, argv: cmd });
    let timedOut = false;
    let killedSelf = false;
    const watcher = limit > 0
      ? sys.spawn({
          argv: ['timeout'],
          program: async (w) => {
            await w.sleep(limit);
            timedOut = true;
            if (verbose) await w.write(2, `timeout: sending signal ${shortName(sig)} to command ${t.lq(cmd[0])}\n`);
            w.kill(child, sig);
            // A stopped command would never see TERM: wake it as timeout does.
            if (sig !== 'SIGKILL' && sig !== 'SIGCONT') w.kill(child, 'SIGCONT');
            if (killAfter > 0) {
              await w.sleep(killAfter);
              if (verbose) await w.write(2, `timeout: sending signal KILL to command ${t.lq(cmd[0])}\n`);
              killedSelf = true;
              w.kill(child, 'SIGKILL');
            }
            return 0;
          },
        })
      : -1;
    const st = await sys.wait(child);
    if (watcher > 0) {
      try {
        sys.kill(watcher, 'SIGKILL');
      } catch {
        // already gone
      }
      await sys.wait(watcher);
    }
    // With -k, GNU timeout sends the KILL to its whole process group, itself included (status 137).
    if (killedSelf) return 128 + SIGNALS.SIGKILL;
    if (timedOut && !preserve) return 124;
    return st ? st.status : 0;
  },
);
