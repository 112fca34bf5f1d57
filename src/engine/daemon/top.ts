/**
 * `docker top` (moby daemon/top_unix.go): dockerd runs `ps` on the host and keeps the lines whose PID belongs
 * to the container, so PIDs are host PIDs and users are host user names. `-ef` (the default) is modelled.
 */
import type { Process } from '../kernel/process.js';
import type { DaemonContext } from './context.js';
import { invalidParameter } from './errdefs.js';
import { notRunning } from './kill.js';
import { containerIsRestarting } from './pause.js';

export interface TopResponse {
  readonly Titles: string[];
  readonly Processes: string[][];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

function hostUsers(d: DaemonContext): Map<number, string> {
  const users = new Map<number, string>();
  try {
    for (const line of d.sys.fs.readText('/etc/passwd').split('\n')) {
      const f = line.split(':');
      if (f.length > 2 && !users.has(Number(f[2]))) users.set(Number(f[2]), f[0]);
    }
  } catch {
    // no passwd: numeric uids, as ps prints them
  }
  return users;
}

/** procps STIME: HH:MM within the last 24 hours, else MonDD. */
function stime(startEpochMs: number, nowEpochMs: number): string {
  const t = new Date(startEpochMs);
  if (nowEpochMs - startEpochMs < 24 * 3600_000) return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  return `${MONTHS[t.getUTCMonth()]}${pad(t.getUTCDate())}`;
}

function cputime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const hh = Math.floor(s / 3600);
  const days = Math.floor(hh / 24);
  const body = `${pad(hh % 24)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  return days > 0 ? `${days}-${body}` : body;
}

export function containerTop(d: DaemonContext, name: string, psArgs = ''): TopResponse {
  const args = psArgs === '' ? '-ef' : psArgs;
  if (args !== '-ef' && args !== '-f -e' && args !== '-e -f') throw invalidParameter(`ps ${args} is not modelled: use -ef`);
  const engine = d.engine;
  const c = engine.getContainer(name);
  if (!c.State.Running) throw notRunning(c.ID);
  if (c.State.Restarting) throw containerIsRestarting(c.ID);
  const pid1 = engine.runtime(c).pid1;
  const k = engine.kernel;
  const procs: Process[] = pid1 ? k.processesIn(pid1.pidns).filter((p) => p.state === 'running') : [];
  procs.sort((a, b) => a.hostPid - b.hostPid);
  const users = hostUsers(d);
  const boot = k.clock.bootEpochMs;
  const now = k.clock.epochMs();
  return {
    Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
    Processes: procs.map((p) => [
      users.get(p.fsctx.cred.uid) ?? String(p.fsctx.cred.uid),
      String(p.hostPid),
      String(p.parent ? p.parent.hostPid : 0),
      '0',
      stime(boot + p.startMs, now),
      p.ctty ? p.ctty.name : '?',
      cputime(p.cpuMs),
      p.argv.length > 0 ? p.argv.join(' ') : `[${p.comm}]`,
    ]),
  };
}
