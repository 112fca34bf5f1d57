/**
 * `docker top` (moby daemon/top_unix.go): dockerd runs `ps` on the host and keeps the lines whose PID belongs
 * to the container, so PIDs are host PIDs and users are host user names.
 */
import type { DaemonContext } from './context.js';
import { systemError } from '../../pkg/errdefs.js';
import { notRunning } from './kill.js';
import { containerIsRestarting } from './pause.js';
import { containerProcesses, processCommand, type ContainerProcess } from './query.js';

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

/** validatePSArgs: an `=PID…` header may only rename the pid column (parsing needs it). */
function validatePSArgs(psArgs: string): void {
  for (const m of psArgs.matchAll(/\s+(\S*)=\s*(PID\S*)/g)) {
    if (m[1] !== 'pid') throw systemError(`specifying "${m[1]}=${m[2]}" is not allowed`);
  }
}

/**
 * `-ef` (the default) is answered from the process table directly; other options run the host's `ps` as
 * dockerd does (first with `-q PIDS`, then without it if that fails) and keep the container's lines.
 */
export async function containerTop(d: DaemonContext, name: string, psArgs = ''): Promise<TopResponse> {
  const args = psArgs === '' ? '-ef' : psArgs;
  validatePSArgs(args);
  const engine = d.store;
  const c = engine.getContainer(name);
  if (!c.State.Running) throw notRunning(c.ID);
  if (c.State.Restarting) throw containerIsRestarting(c.ID);
  // containerd lists a container's pids from cgroup.procs: thread group leaders, never their threads.
  const procs = containerProcesses(engine, c).filter((p) => !p.thread);
  let res: TopResponse;
  if (args === '-ef' || args === '-f -e' || args === '-e -f') res = topEF(d, procs);
  else res = await runPsTop(d, args.split(' '), procs.map((p) => p.hostPid));
  engine.containerEvent(c, 'top');
  return res;
}

async function runPs(d: DaemonContext, argv: readonly string[]): Promise<{ status: number; out: string; err: string }> {
  const sys = d.sys;
  const [or, ow] = sys.pipe();
  const [er, ew] = sys.pipe();
  const pid = sys.spawn({ path: '/usr/bin/ps', argv: ['ps', ...argv], fds: { 1: ow, 2: ew } });
  sys.close(ow);
  sys.close(ew);
  const drain = async (fd: number): Promise<string> => {
    let text = '';
    for (let chunk = await sys.read(fd); chunk !== null; chunk = await sys.read(fd)) text += chunk;
    sys.close(fd);
    return text;
  };
  const [out, err] = await Promise.all([drain(or), drain(er)]);
  const st = await sys.wait(pid);
  return { status: st?.status ?? 1, out, err };
}

async function runPsTop(d: DaemonContext, args: readonly string[], pids: readonly number[]): Promise<TopResponse> {
  let r = await runPs(d, [...args, `-q${pids.join(',')}`]);
  if (r.status !== 0) {
    r = await runPs(d, args);
    if (r.status !== 0) throw systemError(`ps: ${r.err.split('\n')[0] || `exit status ${r.status}`}`);
  }
  return parsePSOutput(r.out, pids);
}

/** parsePSOutput: titles from the header, the PID column to pick lines; the last column takes the rest. */
function parsePSOutput(output: string, pids: readonly number[]): TopResponse {
  const fields = (s: string): string[] => s.split(/[\t\n\f\r ]+/).filter(Boolean);
  const lines = output.split('\n');
  const titles = fields(lines[0]);
  const pidIndex = titles.indexOf('PID');
  if (pidIndex < 0) throw systemError("Couldn't find PID field in ps output");
  const processes: string[][] = [];
  const add = (f: string[]): void => void processes.push([...f.slice(0, titles.length - 1), f.slice(titles.length - 1).join(' ')]);
  let inContainer = false;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const f = fields(line);
    if (f[pidIndex] === '-') {
      if (inContainer) add(f);
      continue;
    }
    if (!/^[+-]?\d+$/.test(f[pidIndex] ?? '')) throw systemError(`Unexpected pid '${f[pidIndex]}': strconv.Atoi: parsing ${JSON.stringify(f[pidIndex])}: invalid syntax`);
    inContainer = pids.includes(Number(f[pidIndex]));
    if (inContainer) add(f);
  }
  return { Titles: titles, Processes: processes };
}

function topEF(d: DaemonContext, procs: readonly ContainerProcess[]): TopResponse {
  const k = d.store.kernel;
  const users = hostUsers(d);
  const boot = k.clock.bootEpochMs;
  const now = k.clock.epochMs();
  return {
    Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
    Processes: procs.map((p) => [
      users.get(p.uid) ?? String(p.uid),
      String(p.hostPid),
      String(p.hostPpid),
      '0',
      stime(boot + p.startMs, now),
      p.tty,
      cputime(p.cpuMs),
      processCommand(p),
    ]),
  };
}
