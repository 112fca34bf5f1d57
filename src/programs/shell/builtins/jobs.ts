/** Job and signal builtins: wait, jobs, kill, trap. */
import { jobControl, jobMark, jobState, reapJobsQuietly, waitForeground, waitPid } from '../jobctl.js';
import { isSysError, SysError } from '../../../engine/kernel/errno.js';
import { SIGNALS, parseSignal, signalByNumber, type Signal } from '../../../engine/kernel/signals.js';
import { ShellError } from '../errors.js';
import type { Job, ShellContext } from '../context.js';

function findJob(sh: ShellContext, spec: string): Job | undefined {
  const s = spec.slice(1);
  if (s === '' || s === '+' || s === '%') return sh.jobs[sh.jobs.length - 1];
  if (s === '-') return sh.jobs[sh.jobs.length - 2];
  if (/^[0-9]+$/.test(s)) return sh.jobs.find((j) => j.id === Number(s));
  return sh.jobs.find((j) => j.text.startsWith(s));
}

export async function wait(sh: ShellContext, argv: string[]): Promise<number> {
  const args = argv.slice(1).filter((a) => a !== '-n' && a !== '-f');
  if (args.length === 0) {
    for (const job of [...sh.jobs]) if (!job.status) job.status = await waitPid(sh, job.pids[0]);
    // An interactive shell still reports the jobs at its next prompt (`[1]+  Done  sleep 1`); a script does not.
    if (!sh.interactive) sh.jobs = [];
    // Reap any other children (pipeline stages started in the background by subshells).
    for (;;) {
      try {
        if (!(await sh.sys.wait(undefined, { nohang: false }))) break;
      } catch (e) {
        if (isSysError(e, 'ECHILD')) break;
        throw e;
      }
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    let pid: number;
    let job: Job | undefined;
    if (a.startsWith('%')) {
      job = findJob(sh, a);
      if (!job) {
        await sh.error(`wait: ${a}: no such job`);
        status = 127;
        continue;
      }
      pid = job.pids[0];
    } else {
      if (!/^[0-9]+$/.test(a)) {
        await sh.error(`wait: \`${a}': not a pid or valid job spec`);
        status = 2;
        continue;
      }
      pid = Number(a);
      job = sh.jobs.find((j) => j.pids.includes(pid));
    }
    if (job?.status) status = job.status.status;
    else {
      try {
        const st = await sh.sys.wait(pid);
        status = st ? st.status : 0;
        if (job) job.status = st;
      } catch (e) {
        if (!isSysError(e, 'ECHILD')) throw e;
        await sh.error(`wait: pid ${a} is not a child of this shell`);
        status = 127;
        continue;
      }
    }
    if (job && !sh.interactive) sh.jobs = sh.jobs.filter((j) => j !== job);
  }
  return status;
}

export async function jobs(sh: ShellContext, argv: string[]): Promise<number> {
  const pidsOnly = argv.includes('-p');
  const long = argv.includes('-l');
  await reapJobsQuietly(sh);
  let out = '';
  for (const job of sh.jobs) {
    if (pidsOnly) {
      out += `${job.pids[0]}\n`;
      continue;
    }
    const state = jobState(job.status);
    const pid = long ? `${job.pids[0]} ` : '';
    out += `[${job.id}]${jobMark(sh, job)}  ${pid}${state.padEnd(24)}${job.text}${job.status ? '' : ' &'}\n`;
  }
  sh.jobs = sh.jobs.filter((j) => !j.status);
  await sh.sys.write(1, out);
  return 0;
}

function listSignals(): string {
  const entries = Object.entries(SIGNALS);
  let out = '';
  entries.forEach(([name, n], i) => {
    out += `${String(n).padStart(2)}) ${name}`;
    out += (i + 1) % 5 === 0 || i === entries.length - 1 ? '\n' : '\t';
  });
  return out;
}

export async function kill(sh: ShellContext, argv: string[]): Promise<number> {
  let sig: Signal = 'SIGTERM';
  let i = 1;
  const usage = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]';
  if (argv[1] === '-l' || argv[1] === '-L') {
    if (argv.length === 2) {
      await sh.sys.write(1, listSignals());
      return 0;
    }
    let out = '';
    for (const a of argv.slice(2)) {
      if (/^[0-9]+$/.test(a)) {
        const s = signalByNumber(Number(a) > 128 ? Number(a) - 128 : Number(a));
        if (!s) throw new ShellError(`kill: ${a}: invalid signal specification`, 1);
        out += `${s.slice(3)}\n`;
      } else {
        const s = parseSignal(a);
        if (!s) throw new ShellError(`kill: ${a}: invalid signal specification`, 1);
        out += `${SIGNALS[s]}\n`;
      }
    }
    await sh.sys.write(1, out);
    return 0;
  }
  if (argv[1] === '-s' || argv[1] === '-n') {
    const s = argv[2] === undefined ? undefined : parseSignal(argv[2]);
    if (!s) throw new ShellError(argv[2] === undefined ? `kill: ${argv[1]}: option requires an argument` : `kill: ${argv[2]}: invalid signal specification`, 1);
    sig = s;
    i = 3;
  } else if (argv[1]?.startsWith('-') && argv[1].length > 1 && argv[1] !== '--') {
    const s = parseSignal(argv[1].slice(1));
    if (!s) throw new ShellError(`kill: ${argv[1].slice(1)}: invalid signal specification`, 1);
    sig = s;
    i = 2;
  }
  if (argv[i] === '--') i++;
  if (i >= argv.length) {
    await sh.writeErr(`${usage}\n`);
    return 2;
  }
  let status = 0;
  for (const a of argv.slice(i)) {
    let target: number;
    if (a.startsWith('%')) {
      const job = findJob(sh, a);
      if (!job) {
        await sh.error(`kill: ${a}: no such job`);
        status = 1;
        continue;
      }
      target = job.pgid === job.pids[0] && sh.opts.monitor ? -job.pgid : job.pids[0];
    } else if (/^-?[0-9]+$/.test(a)) target = Number(a);
    else {
      await sh.error(`kill: ${a}: arguments must be process or job IDs`);
      status = 1;
      continue;
    }
    try {
      sh.sys.kill(target, sig);
      // A signal to ourselves is delivered at the next system call: take it now, so a trap runs right after.
      if (target === sh.sys.pid || target <= 0 || target === -sh.sys.getpgrp()) await sh.sys.yield();
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      await sh.error(`kill: (${a}) - ${e.message}`);
      status = 1;
    }
  }
  return status;
}

function trapSignal(spec: string): Signal | 'EXIT' | undefined {
  if (spec === 'EXIT' || spec === '0' || spec === 'SIGEXIT') return 'EXIT';
  return parseSignal(spec);
}

export async function trap(sh: ShellContext, argv: string[]): Promise<number> {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0 || args[0] === '-p') {
    let out = '';
    for (const [name, cmd] of sh.traps) {
      out += `trap -- ${`'${cmd.replace(/'/g, "'\\''")}'`} ${name === 'EXIT' ? 'EXIT' : `SIG${name}`}\n`;
    }
    await sh.sys.write(1, out);
    return 0;
  }
  if (args[0] === '-l') {
    await sh.sys.write(1, listSignals());
    return 0;
  }
  let action: string | null = args[0];
  let specs = args.slice(1);
  if (specs.length === 0 || /^[0-9]+$/.test(action)) {
    specs = args;
    action = null;
  } else if (action === '-') action = null;
  let status = 0;
  for (const spec of specs) {
    const sig = trapSignal(spec);
    if (!sig) {
      await sh.error(`trap: ${spec}: invalid signal specification`);
      status = 1;
      continue;
    }
    const key = sig === 'EXIT' ? 'EXIT' : sig.slice(3);
    if (action === null) sh.traps.delete(key);
    else sh.traps.set(key, action);
    if (sig === 'EXIT' || sig === 'SIGKILL' || sig === 'SIGSTOP') continue;
    if (action === null) sh.sys.signal(sig, sh.defaultDisposition(sig));
    else if (action === '') sh.sys.signal(sig, 'ignore');
    else sh.sys.signal(sig, () => {
      sh.pendingTraps.push(sig);
      sh.onTrappedSignal();
    });
  }
  return status;
}

/** The live job a `fg`/`bg` argument names (`%1`, `%+`, `%sleep`, `1`, none: the current one), or why not. */
async function jobFor(sh: ShellContext, name: 'fg' | 'bg', arg: string | undefined): Promise<Job | null> {
  if (!jobControl(sh)) {
    await sh.error(`${name}: no job control`);
    return null;
  }
  await reapJobsQuietly(sh);
  const job = arg === undefined ? sh.jobs[sh.jobs.length - 1] : findJob(sh, arg.startsWith('%') ? arg : `%${arg}`);
  if (!job || job.status) {
    await sh.error(`${name}: ${arg ?? 'current'}: no such job`);
    return null;
  }
  return job;
}

/** fg: the job gets the terminal (and SIGCONT); the shell waits for it as for any foreground command. */
export async function fg(sh: ShellContext, argv: string[]): Promise<number> {
  const job = await jobFor(sh, 'fg', argv[1]);
  if (!job) return 1;
  await sh.sys.write(1, `${job.text}\n`);
  try {
    sh.sys.kill(-job.pgid, 'SIGCONT');
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  sh.jobs = sh.jobs.filter((j) => j !== job);
  const statuses = await waitForeground(sh, job.pids, job.pgid, [job.text]);
  return statuses[statuses.length - 1] ?? 0;
}

/** bg: every job here keeps running in the background (nothing is ever stopped), as bash then says. */
export async function bg(sh: ShellContext, argv: string[]): Promise<number> {
  const job = await jobFor(sh, 'bg', argv[1]);
  if (!job) return 1;
  await sh.error(`bg: job ${job.id} already in background`);
  return 0;
}
