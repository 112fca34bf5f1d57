/** Pipelines and jobs: process groups, the terminal's foreground group, waiting, and bash's job notices. */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import { SIGNAL_DESCRIPTIONS, type Signal } from '../../engine/kernel/signals.js';
import type { WaitStatus } from '../../engine/kernel/sys.js';
import type { AndOrNode, PipelineNode } from './ast.js';
import { CommandInterrupt } from './errors.js';
import { ForkFailed } from './forkretry.js';
import type { Job, ShellContext } from './context.js';

export function jobControl(sh: ShellContext): boolean {
  return sh.opts.monitor && sh.sys.isatty(0);
}

export async function runMulti(sh: ShellContext, p: PipelineNode): Promise<number> {
  const n = p.cmds.length;
  const pids: number[] = [];
  const jc = jobControl(sh);
  let prevRead = -1;
  for (let i = 0; i < n; i++) {
    let r = -1;
    let w = -1;
    if (i < n - 1) [r, w] = sh.sys.pipe();
    const fds = sh.childFds([r, w, prevRead]);
    if (prevRead >= 0) fds[0] = prevRead;
    if (w >= 0) fds[1] = w;
    const cmd = p.cmds[i];
    try {
      pids.push(await sh.forkChild((sh) => sh.runCommand(cmd, true), fds, jc ? (i === 0 ? 0 : pids[0]) : undefined));
    } catch (e) {
      if (r >= 0) sh.sys.close(r);
      // bash's terminate_current_pipeline: with job control, the stages already started are stopped too.
      if (e instanceof ForkFailed && jc && pids.length > 0) killGroup(sh, pids[0]);
      throw e;
    } finally {
      if (prevRead >= 0) sh.sys.close(prevRead);
      if (w >= 0) sh.sys.close(w);
    }
    prevRead = r;
  }
  const statuses = await waitForeground(sh, pids, jc ? pids[0] : 0, p.cmds.map(() => ''));
  sh.pipestatus = statuses;
  if (sh.opts.pipefail) {
    for (let i = statuses.length - 1; i >= 0; i--) if (statuses[i] !== 0) return statuses[i];
    return 0;
  }
  return statuses[n - 1];
}

/** Waits for a foreground job, with the terminal handed to its group meanwhile. */
export async function waitForeground(sh: ShellContext, pids: number[], pgid: number, _titles: string[]): Promise<number[]> {
  if (pgid) setFg(sh, pgid);
  const out: number[] = [];
  let signalled: WaitStatus | undefined;
  try {
    for (const pid of pids) {
      const st = await waitPid(sh, pid);
      out.push(st.status);
      if (st.signal) signalled = st;
    }
  } finally {
    if (pgid) setFg(sh, sh.sys.getpgrp());
  }
  if (signalled?.signal) {
    await reportSignal(sh, signalled.signal);
    if (signalled.signal === 'SIGINT' && sh.interactive && sh.sys.pid === sh.rootPid) throw new CommandInterrupt(true);
  }
  return out;
}

export async function waitPid(sh: ShellContext, pid: number): Promise<WaitStatus> {
  for (;;) {
    try {
      const st = await sh.sys.wait(pid);
      if (st) return st;
    } catch (e) {
      if (isSysError(e, 'ECHILD')) return { pid, code: 127, signal: undefined, status: 127 };
      throw e;
    }
  }
}

function killGroup(sh: ShellContext, pgid: number): void {
  for (const sig of ['SIGTERM', 'SIGCONT'] as const) {
    try {
      sh.sys.kill(-pgid, sig);
    } catch {
      /* already gone */
    }
  }
}

export function setFg(sh: ShellContext, pgid: number): void {
  try {
    sh.sys.tcsetpgrp(0, pgid);
  } catch {
    /* not a terminal */
  }
}

export async function reportSignal(sh: ShellContext, sig: Signal): Promise<void> {
  if (sig === 'SIGPIPE') return;
  if (sig === 'SIGINT') {
    if (sh.interactive) await sh.writeErr('\n');
    return;
  }
  const desc = SIGNAL_DESCRIPTIONS[sig] ?? sig;
  await sh.writeErr(`${desc}\n`);
}

export async function startBackground(sh: ShellContext, node: AndOrNode, text: string): Promise<void> {
  const jc = jobControl(sh);
  // A lone command runs as the forked child itself (fork + exec), so `sleep 100 &` is one process, as in bash.
  const lone = node.rest.length === 0 && !node.first.bang && node.first.cmds.length === 1 ? node.first.cmds[0] : null;
  const body = (child: ShellContext): Promise<number> => (lone ? child.runCommand(lone, true) : child.runAndOr(node));
  const fds = sh.childFds();
  if (!sh.interactive && !jc && fds[0] !== undefined) {
    // Non-interactive background jobs read /dev/null, as POSIX asks.
    let nul = -1;
    try {
      nul = sh.sys.open('/dev/null', 'r');
    } catch (e) {
      if (isProcessEnd(e)) throw e;
    }
    if (nul >= 0) {
      try {
        fds[0] = nul;
        const pid = await sh.forkChild(body, fds, undefined);
        addJob(sh, pid, pid, text);
        return;
      } finally {
        sh.sys.close(nul);
      }
    }
  }
  const pid = await sh.forkChild(body, fds, jc ? 0 : undefined);
  const job = addJob(sh, pid, pid, text);
  if (sh.interactive) await sh.writeErr(`[${job.id}] ${pid}\n`);
}

export function addJob(sh: ShellContext, pid: number, pgid: number, text: string): Job {
  sh.lastBg = pid;
  const id = sh.jobs.length === 0 ? 1 : Math.max(...sh.jobs.map((j) => j.id)) + 1;
  const job: Job = { id, pgid, pids: [pid], text, status: null };
  sh.jobs.push(job);
  return job;
}

/** Polls background jobs; returns the finished ones (removed from the table). */
export async function reapJobs(sh: ShellContext): Promise<Job[]> {
  const done: Job[] = [];
  for (const job of sh.jobs) {
    if (!job.status) {
      try {
        const st = await sh.sys.wait(job.pids[0], { nohang: true });
        if (st) job.status = st;
      } catch (e) {
        if (isProcessEnd(e)) throw e;
        job.status = { pid: job.pids[0], code: 0, signal: undefined, status: 0 };
      }
    }
    if (job.status) done.push(job);
  }
  sh.jobs = sh.jobs.filter((j) => !done.includes(j));
  return done;
}

export function jobMark(sh: ShellContext, job: Job): string {
  const live = sh.jobs;
  if (live[live.length - 1] === job) return '+';
  if (live[live.length - 2] === job) return '-';
  return ' ';
}

export function jobState(st: WaitStatus | null): string {
  if (!st) return 'Running';
  if (st.signal) return SIGNAL_DESCRIPTIONS[st.signal] ?? st.signal;
  return st.code === 0 ? 'Done' : `Exit ${st.code}`;
}

export async function notifyJobs(sh: ShellContext): Promise<void> {
  const all = [...sh.jobs];
  const done = await reapJobs(sh);
  for (const job of done) {
    const mark = all[all.length - 1] === job ? '+' : all[all.length - 2] === job ? '-' : ' ';
    await sh.writeErr(`[${job.id}]${mark}  ${jobState(job.status).padEnd(24)}${job.text}\n`);
  }
}

export async function reapJobsQuietly(sh: ShellContext): Promise<void> {
  for (const job of sh.jobs) {
    if (job.status) continue;
    try {
      const st = await sh.sys.wait(job.pids[0], { nohang: true });
      if (st) job.status = st;
    } catch (e) {
      if (isProcessEnd(e)) throw e;
      job.status = { pid: job.pids[0], code: 0, signal: undefined, status: 0 };
    }
  }
}
