/** Helpers for the HTTP daemon's tests: a daemon on ephemeral addresses, the real CLI, the in-sim CLI. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ListenAddress } from '../../../src/node/daemon/args.js';
import type { ConnectionTap } from '../../../src/node/daemon/bridge.js';
import type { ClockMode, SimHost } from '../../../src/node/daemon/host.js';
import { startDaemon, type RunningDaemon } from '../../../src/node/daemon/start.js';
import type { Sys } from '../../../src/engine/kernel/sys.js';
import type { CpuCosts } from '../../../src/engine/kernel/scheduler.js';

export interface TestDaemon extends RunningDaemon {
  readonly tcp: Extract<ListenAddress, { kind: 'tcp' }>;
  readonly socketPath: string;
  readonly dockerHost: string;
}

export async function testDaemon(opts: { clock: ClockMode; seed?: number; bootEpochMs?: number; costs?: CpuCosts; tap?: () => ConnectionTap }): Promise<TestDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'dockersim-daemon-'));
  const socketPath = join(dir, 'docker.sock');
  const d = await startDaemon({
    hosts: [
      { kind: 'tcp', host: '127.0.0.1', port: 0, url: 'tcp://127.0.0.1:0' },
      { kind: 'unix', path: socketPath, url: `unix://${socketPath}` },
    ],
    seed: opts.seed,
    bootEpochMs: opts.bootEpochMs,
    costs: opts.costs,
    clock: opts.clock,
    tap: opts.tap,
    onError: (e) => {
      throw e;
    },
  });
  const tcp = d.addresses[0] as Extract<ListenAddress, { kind: 'tcp' }>;
  return { ...d, tcp, socketPath, dockerHost: `tcp://127.0.0.1:${tcp.port}` };
}

/**
 * Two daemons booted alike (same seed, same boot time `bootBackMs` ago, manual clocks): the real CLI drives one
 * and the in-sim CLI the other, and their outputs are compared.
 */
export async function twinDaemons(seed: number, bootBackMs: number): Promise<[TestDaemon, TestDaemon]> {
  const bootEpochMs = Date.now() - bootBackMs;
  const a = await testDaemon({ clock: { kind: 'manual' }, seed, bootEpochMs });
  const b = await testDaemon({ clock: { kind: 'manual' }, seed, bootEpochMs });
  return [a, b];
}

export interface Result {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

const realDocker = process.env.DOCKERSIM_DOCKER_BIN ?? 'docker';

/** True when the real docker CLI runs here. */
export async function haveDockerCli(): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn(realDocker, ['--version'], { stdio: 'ignore' });
    p.on('error', () => resolve(false));
    p.on('exit', (code) => resolve(code === 0));
  });
}

/**
 * Runs the real CLI against the daemon. With `drive`, virtual time moves on (in steps of `stepMs`) while the
 * command waits: a pull's download, a stop's timeout. Without it, time stands still.
 */
export async function realDockerRun(
  d: TestDaemon,
  args: readonly string[],
  opts: { drive?: boolean; stepMs?: number; busy?: () => boolean; env?: Record<string, string> } = {},
): Promise<Result> {
  const child = spawn(realDocker, args, {
    env: {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DOCKER_HOST: d.dockerHost, DOCKER_CONFIG: join(tmpdir(), 'dockersim-no-config'),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  // Time moves only while the CLI waits on the daemon (`busy`), not while it starts up or prints.
  const code = opts.drive ? await drive(d.host, done, opts.stepMs, opts.busy ?? (() => d.server.connections > 0)) : await done;
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code };
}

/** What the in-sim `docker` printed and its exit status, as bytes (a golden's tar stream is not UTF-8). */
export interface SimOutcome {
  readonly exit: number;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

/**
 * Starts the in-sim `docker` as root on the daemon's own host with stdout and stderr on pipes and stdin at end of
 * input, as the real CLI's (`stdio: 'ignore'`) is. The box gets its outcome once the host has run it to the end.
 */
export function spawnSimDocker(
  host: SimHost,
  argv: readonly string[],
  opts: { env?: Record<string, string>; cwd?: string } = {},
): { outcome: SimOutcome | null } {
  const box: { outcome: SimOutcome | null } = { outcome: null };
  const k = host.kernel;
  k.spawn(k.hostPidNs.init!, {
    argv: ['sh'],
    program: async (sys: Sys) => {
      const [or, ow] = sys.pipe();
      const [er, ew] = sys.pipe();
      const [nr, nw] = sys.pipe();
      const pid = sys.spawn({ path: '/usr/bin/docker', argv: ['docker', ...argv], env: opts.env, cwd: opts.cwd, fds: { 0: nr, 1: ow, 2: ew } });
      for (const fd of [ow, ew, nr, nw]) sys.close(fd);
      const stderr = new Promise<Buffer>((resolve) => {
        sys.spawn({ argv: ['cat'], thread: true, fds: { 3: er }, program: async (s) => (resolve(await readAll(s, 3)), 0) });
      });
      const stdout = await readAll(sys, or);
      const st = await sys.wait(pid);
      box.outcome = { exit: st?.status ?? -1, stdout, stderr: await stderr };
      return 0;
    },
  });
  return box;
}

/** Runs the in-sim `docker` (as root, stdout and stderr on pipes) on the daemon's own host. */
export async function simDockerRun(host: SimHost, args: readonly string[], opts: { drive?: boolean; stepMs?: number } = {}): Promise<Result> {
  const run = spawnSimDocker(host, args);
  for (let spins = 0; run.outcome === null; spins++) {
    if (opts.drive) await host.advance(opts.stepMs ?? 100);
    else {
      host.kick();
      await host.idle();
      await new Promise((r) => setImmediate(r));
    }
    if (spins > 5000) throw new Error(`in-sim docker ${args.join(' ')} did not finish`);
  }
  const { exit, stdout, stderr } = run.outcome;
  return { stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8'), code: exit };
}

async function readAll(s: Sys, fd: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let d = await s.readBytes(fd); d !== null; d = await s.readBytes(fd)) parts.push(Buffer.from(d));
  return Buffer.concat(parts);
}

/**
 * Awaits `p` (real I/O) while virtual time moves on, per event-loop turn, to the next timer (at most
 * `stepMs`), whenever `busy()` says someone waits on the simulation.
 */
export async function drive<T>(host: SimHost, p: Promise<T>, stepMs = 100, busy: () => boolean = () => true): Promise<T> {
  let settled = false;
  void p.then(
    () => (settled = true),
    () => (settled = true),
  );
  const k = host.kernel;
  // Virtual time runs at most PACE times real time: stepping on every event-loop turn let a slow or busy
  // machine run minutes of virtual time into one command (dockerd's 5-minute exec GC then removed an exec
  // between its end and the CLI's inspect of it).
  let budget = 0;
  let last = performance.now();
  while (!settled && host.clockMode.kind === 'manual') {
    const now = performance.now();
    budget = Math.min(budget + (now - last) * PACE, stepMs);
    last = now;
    if (busy() && budget >= 1) {
      const due = k.clock.nextDue();
      const step = Math.min(budget, due === undefined ? stepMs : Math.max(1, due - k.now()));
      budget -= step;
      await host.advance(step);
    }
    await new Promise((r) => setImmediate(r));
  }
  return p;
}

/** How much faster than real time `drive` lets virtual time run. */
const PACE = 50;

/**
 * Moves virtual time on until the host's wall clock reads the real time, so the real CLI (which computes
 * "3 minutes ago" from its own clock) and the in-sim CLI see the same age. Never moves it back.
 */
export async function syncToRealTime(host: SimHost): Promise<void> {
  const lag = Date.now() - host.kernel.clock.epochMs();
  if (lag > 0) await host.advance(lag);
}

/** Live simulated processes (threads included): what a leak would grow. */
export function liveProcesses(host: SimHost): number {
  let n = 0;
  for (const p of host.kernel.procs.values()) if (p.state === 'running') n++;
  return n;
}

/** dockerd and its threads (connections, workers, bridges): what a leaked connection leaves behind. */
export function daemonThreads(host: SimHost): number {
  const dockerd = host.dockerd();
  if (!dockerd) return 0;
  let n = 0;
  for (const p of host.kernel.procs.values()) if (p.state === 'running' && p.tgid === dockerd.hostPid) n++;
  return n;
}

/**
 * Waits (on real I/O, not a timer) until `cond` holds, moving the simulation along; with `stepMs`, virtual
 * time too (a vanished client is only noticed at the next write).
 */
export async function until(host: SimHost, cond: () => boolean, what: string, maxTurns = 2000, stepMs = 0): Promise<void> {
  for (let i = 0; !cond(); i++) {
    if (i > maxTurns) throw new Error(`timed out waiting for ${what}`);
    if (stepMs > 0) await host.advance(stepMs);
    host.kick();
    await host.idle();
    // The bridge holds an upgraded stream for a few real milliseconds after its 101 (bridge.ts): turns alone
    // can outrun that, so every 20th turn lets real time pass.
    await new Promise((r) => (i % 20 === 19 ? setTimeout(r, 5) : setImmediate(r)));
  }
}

/**
 * A read-only command through the real docker CLI and the in-sim CLI against the same daemon, with the clock
 * brought to real time first: both must print the same bytes and exit the same way.
 */
export async function sameOnDaemon(d: TestDaemon, args: string[]): Promise<Result> {
  await syncToRealTime(d.host);
  const real = await realDockerRun(d, args);
  const sim = await simDockerRun(d.host, args);
  expect(real, `docker ${args.join(' ')}`).toEqual(sim);
  return real;
}
