/**
 * Chapter 4's image commands as one scenario, run by the real docker CLI 28.2.2 against the HTTP daemon (manual
 * clock, fixed seed and boot time) to capture goldens (`npx tsx test/node/daemon/capture-goldens.ts`), and by
 * goldens.test.ts to check both the real client and the in-sim CLI against them byte for byte.
 *
 * Virtual time moves only when the simulation is idle and a timer is due (`exactDrive`): a quiet host has no timers,
 * so the clock never runs on while a request is on its way, and every ID, digest and timestamp is the same on
 * every run, whichever client sent the requests and however loaded the machine is.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import type { SimHost } from '../../../src/node/daemon/host.js';
import { spawnSimDocker, testDaemon, type TestDaemon } from './helpers.js';

export const REAL_GOLDENS = join(import.meta.dirname, 'testdata', 'real');
export const SEED = 4;
/** 2026-12-01T00:00:00Z: timestamps (and so commit and build IDs) do not depend on the day the test runs. */
export const BOOT_EPOCH_MS = Date.UTC(2026, 11, 1);

const STATIC_WEB = "FROM ubuntu:24.04\nRUN apt-get update\nRUN apt-get install -y nginx\nRUN echo 'Hi, I am in your container' \\\n    >/var/www/html/index.html\nEXPOSE 80\n";

/** The files the client's working directory holds before the scenario starts. */
export const FILES: Readonly<Record<string, string>> = {
  'static_web/Dockerfile': STATIC_WEB,
  'ngin/Dockerfile': STATIC_WEB.replace('nginx', 'ngin'),
  'local.txt': 'from the client\n',
};

export interface Step {
  readonly name: string;
  readonly argv: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** After the command: a file it wrote in the working directory, recorded by size and sha256. */
  readonly file?: string;
}

const LEGACY = { DOCKER_BUILDKIT: '0' };
const ROWS = '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}';

/** In order: each step runs on the state the ones before it left. Listings use formats without relative ages. */
export const STEPS: readonly Step[] = [
  { name: 'run-registry', argv: ['run', '-d', '-p', '5000:5000', '--name', 'registry', 'registry:2'] },
  { name: 'pull-ubuntu', argv: ['pull', 'ubuntu:24.04'] },
  { name: 'run-maker', argv: ['run', '--name', 'maker', 'ubuntu:24.04', 'sh', '-c', 'mkdir -p /srv/www && echo hello > /srv/www/index.html'] },
  { name: 'commit', argv: ['commit', '-m', 'A new custom image', '-a', 'James Turnbull', 'maker', 'jamtur01/apache2:webserver'] },
  { name: 'history', argv: ['history', '-H=false', 'jamtur01/apache2:webserver'] },
  { name: 'history-no-trunc', argv: ['history', '--no-trunc', '-H=false', 'jamtur01/apache2:webserver'] },
  { name: 'history-q', argv: ['history', '-q', 'jamtur01/apache2:webserver'] },
  { name: 'tag', argv: ['tag', 'jamtur01/apache2:webserver', 'localhost:5000/jamtur01/apache2'] },
  { name: 'push-local', argv: ['push', 'localhost:5000/jamtur01/apache2'] },
  { name: 'push-again', argv: ['push', 'localhost:5000/jamtur01/apache2'] },
  { name: 'rmi-local', argv: ['rmi', 'localhost:5000/jamtur01/apache2'] },
  { name: 'pull-local', argv: ['pull', 'localhost:5000/jamtur01/apache2'] },
  { name: 'push-missing', argv: ['push', 'localhost:5000/nosuch'] },
  { name: 'images', argv: ['images', '--format', ROWS] },
  { name: 'build-cold', argv: ['build', '-t', 'jamtur01/static_web', 'static_web'], env: LEGACY },
  { name: 'build-cached', argv: ['build', '-t', 'jamtur01/static_web', 'static_web'], env: LEGACY },
  { name: 'build-failing', argv: ['build', '-t', 'jamtur01/static_web', 'ngin'], env: LEGACY },
  { name: 'history-build', argv: ['history', '-H=false', 'jamtur01/static_web'] },
  { name: 'images-all', argv: ['images', '-a', '--format', ROWS] },
  { name: 'save', argv: ['save', '-o', 'apache2.tar', 'jamtur01/apache2:webserver'], file: 'apache2.tar' },
  { name: 'rmi-apache2', argv: ['rmi', 'jamtur01/apache2:webserver'] },
  { name: 'load', argv: ['load', '-i', 'apache2.tar'] },
  { name: 'cp-out-stdout', argv: ['cp', 'maker:/srv/www/index.html', '-'] },
  { name: 'cp-out', argv: ['cp', 'maker:/srv/www', 'www'], file: 'www/index.html' },
  { name: 'cp-in', argv: ['cp', 'local.txt', 'maker:/srv/www/'] },
  { name: 'cp-in-check', argv: ['cp', 'maker:/srv/www/local.txt', '-'] },
  { name: 'cp-missing', argv: ['cp', 'maker:/nope', 'x'] },
];

export interface Outcome {
  readonly exit: number;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
  readonly file?: Buffer;
}

/** One golden: argv, env, exit code, then stdout and stderr exactly; bytes that are not text by sha256 and size. */
export function render(step: Step, o: Outcome): string {
  const part = (b: Buffer): string => (isText(b) ? b.toString('utf8') : `(binary) ${b.length} bytes sha256:${sha256(b)}\n`);
  let s = `argv: ${JSON.stringify(step.argv)}\n`;
  if (step.env) s += `env: ${JSON.stringify(step.env)}\n`;
  s += `exit: ${o.exit}\n--- stdout\n${part(o.stdout)}--- stderr\n${part(o.stderr)}`;
  if (step.file !== undefined) s += `--- file ${step.file}\n${o.file ? `${o.file.length} bytes sha256:${sha256(o.file)}\n` : '(none)\n'}`;
  return `${s}--- end\n`;
}

export const goldenPath = (step: Step): string => join(REAL_GOLDENS, `${step.name}.golden`);
export const readGolden = (step: Step): string => readFileSync(goldenPath(step), 'utf8');

function isText(b: Buffer): boolean {
  if (b.includes(0)) return false;
  return Buffer.from(b.toString('utf8'), 'utf8').equals(b);
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export function daemon(): Promise<TestDaemon> {
  return testDaemon({ clock: { kind: 'manual' }, seed: SEED, bootEpochMs: BOOT_EPOCH_MS, costs: { sliceMs: 0, unitMs: 0 } });
}

/**
 * Awaits `p` while the simulation runs: when it has nothing runnable and a timer is due (a download, a build step's
 * sleep), virtual time jumps to that timer; otherwise it waits for the client's next bytes.
 */
export async function exactDrive<T>(host: SimHost, p: Promise<T>): Promise<T> {
  let settled = false;
  void p.then(
    () => (settled = true),
    () => (settled = true),
  );
  const k = host.kernel;
  while (!settled) {
    await host.idle();
    const due = k.clock.nextDue();
    if (due !== undefined && k.sched.runnable() === 0) await host.advance(Math.max(1, due - k.now()));
    else await new Promise((r) => setImmediate(r));
  }
  return p;
}

/**
 * After a step: once its connections are gone, the clock moves on to the next whole second. Each scheduler slice
 * costs virtual microseconds, and when the client's sockets close relative to its exit is up to the real machine:
 * the step after starts at the same virtual time on every run, so commit and build IDs (which hash nanosecond
 * timestamps) are pinned.
 */
export async function quiesce(host: SimHost, closed: () => boolean): Promise<void> {
  for (let i = 0; !closed() || host.kernel.sched.runnable() > 0; i++) {
    if (i > 100_000) throw new Error('the client\'s connections did not close');
    host.kick();
    await host.idle();
    await new Promise((r) => setImmediate(r));
  }
  const k = host.kernel;
  await host.advance(Math.ceil((k.now() + 1) / 1000) * 1000 - k.now());
}

/** The real client's working directory, with FILES in it. */
export function realWorkdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockersim-goldens-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    // The tar `docker cp` sends carries the file's mtime.
    utimesSync(join(dir, path), BOOT_EPOCH_MS / 1000, BOOT_EPOCH_MS / 1000);
  }
  mkdirSync(join(dir, '.docker'));
  return dir;
}

const realDocker = process.env.DOCKERSIM_DOCKER_BIN ?? 'docker';

/** Runs the real docker CLI in `cwd` (its own empty config, stdin at end of input) against the daemon. */
export async function realStep(d: TestDaemon, cwd: string, step: Step): Promise<Outcome> {
  const child = spawn(realDocker, step.argv, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, DOCKER_HOST: d.dockerHost, DOCKER_CONFIG: join(cwd, '.docker'), ...step.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const exit = await exactDrive(d.host, new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1))));
  await quiesce(d.host, () => d.server.connections === 0);
  let file: Buffer | undefined;
  if (step.file !== undefined) {
    try {
      file = readFileSync(join(cwd, step.file));
    } catch {
      file = undefined;
    }
  }
  return { exit, stdout: Buffer.concat(out), stderr: Buffer.concat(err), file };
}

/** The in-sim client's working directory on the daemon's own host, with FILES in it. */
export const SIM_WORKDIR = '/root/work';

export function simWorkdir(host: SimHost): void {
  const fs = host.kernel.hostPidNs.init!.fsView;
  for (const [path, text] of Object.entries(FILES)) {
    fs.mkdir(posix.dirname(`${SIM_WORKDIR}/${path}`), { recursive: true });
    fs.writeFile(`${SIM_WORKDIR}/${path}`, text);
    fs.utimes(`${SIM_WORKDIR}/${path}`, BOOT_EPOCH_MS, BOOT_EPOCH_MS);
  }
}

/** Runs the in-sim `docker` as root in SIM_WORKDIR, stdout and stderr as bytes. */
export async function simStep(host: SimHost, step: Step): Promise<Outcome> {
  const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', ...step.env };
  const run = spawnSimDocker(host, step.argv, { env, cwd: SIM_WORKDIR });
  host.kick();
  const done = new Promise<void>((resolve) => {
    const poll = (): void => (run.outcome ? resolve() : void setImmediate(poll));
    poll();
  });
  await exactDrive(host, done);
  await quiesce(host, () => true);
  const r = run.outcome!;
  let file: Buffer | undefined;
  if (step.file !== undefined) {
    const fs = host.kernel.hostPidNs.init!.fsView;
    const path = `${SIM_WORKDIR}/${step.file}`;
    file = fs.exists(path) ? Buffer.from(fs.readFile(path)) : undefined;
  }
  return { ...r, file };
}
