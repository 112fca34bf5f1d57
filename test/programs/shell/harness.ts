/** Runs a shell on a booted machine with a terminal as stdin/stdout/stderr, and collects what it printed. */
import type { Program } from '../../../src/engine/kernel/sys.js';
import { Machine } from '../../../src/machine/machine.js';
import { runShell } from '../../../src/programs/shell/index.js';

export interface ShellRun {
  readonly out: string;
  readonly status: number | undefined;
  readonly machine: Machine;
}

export interface RunOptions {
  /** Files to create first (as root). */
  readonly files?: Record<string, string>;
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  /** Virtual ms to run for at most. */
  readonly ms?: number;
  /** Typed at the terminal once the shell starts. */
  readonly input?: string;
  readonly machine?: Machine;
}

export async function runShellArgv(path: string | Program, argv: string[], opts: RunOptions = {}): Promise<ShellRun> {
  const machine = opts.machine ?? Machine.boot();
  const k = machine.kernel;
  const init = k.hostPidNs.init!;
  for (const [p, text] of Object.entries(opts.files ?? {})) {
    init.fsView.mkdir(p.slice(0, p.lastIndexOf('/')) || '/', { recursive: true });
    init.fsView.writeFile(p, text, { mode: 0o755 });
  }
  const tty = k.createTty();
  tty.termios.onlcr = false;
  let out = '';
  tty.onOutput((d: string, echo?: boolean) => {
    if (!echo) out += d;
  });
  const env = opts.env ?? { HOME: '/root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' };
  const what = typeof path === 'string' ? { path } : { program: path };
  const p = k.spawn(init, { ...what, argv, env, cwd: opts.cwd ?? '/root', setsid: true });
  k.attachTty(p, tty);
  if (opts.input !== undefined) tty.input(opts.input);
  await k.run({ until: k.now() + (opts.ms ?? 60_000), stop: () => p.state !== 'running' });
  if (k.faults.length > 0) {
    const f = k.faults[0];
    throw new Error(`fault in ${f.argv.join(' ')}: ${(f.error as Error)?.stack ?? String(f.error)}`);
  }
  return { out, status: p.exit?.status, machine };
}

export function bashC(script: string, opts: RunOptions = {}): Promise<ShellRun> {
  return runShellArgv('/bin/bash', ['bash', '-c', script], opts);
}

export function dashC(script: string, opts: RunOptions = {}): Promise<ShellRun> {
  return runShellArgv('/bin/sh', ['sh', '-c', script], opts);
}

/** Busybox's `sh -c`: the ash flavour, as the busybox applet runs it. */
export function ashC(script: string, opts: RunOptions = {}): Promise<ShellRun> {
  const argv = ['sh', '-c', script];
  return runShellArgv((sys) => runShell(sys, { flavor: 'ash', argv }), argv, opts);
}
