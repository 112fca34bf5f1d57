/**
 * `docker update` and memory limits through the real docker CLI 28.2.2 against the HTTP daemon. Commands that
 * change state run on two hosts with the same seed and history (the real CLI on A, the in-sim CLI on B) and
 * must print the same; what they leave behind is read back through both CLIs on A. `docker events` has no
 * in-sim CLI yet, so its lines are checked through the real one alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveDockerCli, realDockerRun, type Result, sameOnDaemon, simDockerRun, type TestDaemon, until, twinDaemons } from './helpers.js';

const HAVE_DOCKER = await haveDockerCli();
let a: TestDaemon;
let b: TestDaemon;

/** The real CLI on A and the in-sim CLI on B, for a command that changes state. */
async function bothWays(args: string[]): Promise<Result> {
  const real = await realDockerRun(a, args);
  const sim = await simDockerRun(b.host, args);
  expect(real, `docker ${args.join(' ')}`).toEqual(sim);
  return real;
}

/** Every event of A so far, through the real CLI (`--until` a second ahead, the clock driven there). */
async function events(filters: string[], format: string): Promise<string> {
  const untilSec = String(Math.ceil(a.host.kernel.clock.epochMs() / 1000) + 1);
  const r = await realDockerRun(a, ['events', '--since', '0', '--until', untilSec, ...filters, '--format', format], { drive: true, stepMs: 200 });
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe.skipIf(!HAVE_DOCKER)('docker update and memory limits through the real docker CLI', () => {
  beforeAll(async () => {
    [a, b] = await twinDaemons(7, 120_000);
    const setup = [
      ['run', '-d', '--name', 'web', '-m', '64m', 'busybox', 'sleep', '1000'],
      ['run', '-d', '--name', 'gone', '--rm', 'busybox', 'sleep', '1000'],
      ['create', '--name', 'fresh', 'busybox', 'true'],
      ['pull', 'ubuntu'],
    ];
    for (const host of [a.host, b.host]) {
      for (const args of setup) expect((await simDockerRun(host, args, { drive: true, stepMs: 1000 })).code).toBe(0);
    }
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('update prints each container as given, errors per container at the end, and exits 1 if any failed', async () => {
    expect(await bothWays(['update', 'web'])).toEqual({ stdout: '', stderr: 'you must provide one or more flags when using this command\n', code: 1 });
    const raise = await bothWays(['update', '-m', '256m', 'web', 'nosuch']);
    expect(raise.code).toBe(1);
    expect(raise.stderr).toMatch(/^Error response from daemon: Cannot update container [0-9a-f]{64}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time\nError response from daemon: No such container: nosuch\n$/);
    expect(await bothWays(['update', '-m', '256m', '--memory-swap', '512m', '--restart', 'on-failure:3', '--pids-limit', '50', 'web', 'fresh']))
      .toEqual({ stdout: 'web\nfresh\n', stderr: '', code: 0 });
    const shown = await sameOnDaemon(a, ['inspect', '-f', '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}} {{.HostConfig.PidsLimit}}', 'web', 'fresh']);
    expect(shown.stdout).toBe('268435456 536870912 on-failure:3 50\n268435456 536870912 on-failure:3 50\n');
    expect(await bothWays(['container', 'update', '--pids-limit', '-1', 'web'])).toEqual({ stdout: 'web\n', stderr: '', code: 0 });
    expect((await sameOnDaemon(a, ['inspect', '-f', '{{.HostConfig.PidsLimit}}', 'web'])).stdout).toBe('0\n');
  });

  it("update refuses what Docker refuses, in Docker's words, and what dockersim does not model, in one line", async () => {
    const gone = await bothWays(['update', '--restart', 'always', 'gone']);
    expect(gone.stderr).toMatch(/^Error response from daemon: Cannot update container [0-9a-f]{64}: Restart policy cannot be updated because AutoRemove is enabled for the container\n$/);
    expect(await bothWays(['update', '-m', '4k', 'web'])).toEqual({ stdout: '', stderr: 'Error response from daemon: Minimum memory limit allowed is 6MB\n', code: 1 });
    expect((await bothWays(['update', '--cpus', '100', 'web'])).stderr).toBe('Error response from daemon: range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available\n');
    expect((await bothWays(['update', '--restart', 'bogus', 'web'])).stderr).toBe("Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n");
    expect((await bothWays(['update', '--restart', 'on-failure:x', 'web'])).stderr).toBe('invalid restart policy format: maximum retry count must be an integer\n');
    expect(await bothWays(['update', '--cpus', '1', 'web'])).toEqual({ stdout: '', stderr: 'Error response from daemon: dockersim: --cpus (HostConfig.NanoCpus) is not simulated\n', code: 1 });
    expect((await bothWays(['update', '-c', '512', 'web'])).stderr).toBe('Error response from daemon: dockersim: --cpu-shares (HostConfig.CpuShares) is not simulated\n');
    expect((await bothWays(['update', '--memory-reservation', '10m', 'web'])).stderr).toBe('Error response from daemon: dockersim: --memory-reservation (HostConfig.MemoryReservation) is not simulated\n');
  });

  it('a container past its memory limit is OOM-killed: exit 137, OOMKilled, an oom event before die', async () => {
    expect((await simDockerRun(a.host, ['run', '-d', '--name', 'hog', '-m', '32m', 'ubuntu', 'tail', '/dev/zero'], { drive: true, stepMs: 100 })).code).toBe(0);
    expect((await realDockerRun(a, ['wait', 'hog'], { drive: true, stepMs: 100 })).stdout).toBe('137\n');
    expect((await sameOnDaemon(a, ['inspect', '-f', '{{.State.Status}} {{.State.OOMKilled}} {{.State.ExitCode}}', 'hog'])).stdout).toBe('exited true 137\n');
    expect(await events(['--filter', 'container=hog'], '{{.Action}} {{index .Actor.Attributes "exitCode"}}')).toBe('create \nstart \noom \ndie 137\n');
  });

  it('update lowering memory below what a container uses OOM-kills its biggest task at once; PID 1 lives on', async () => {
    const run = ['run', '-d', '--name', 'grow', 'ubuntu', 'sh', '-c', 'head -c 100m /dev/zero | tail | sleep 1000'];
    expect((await simDockerRun(a.host, run, { drive: true, stepMs: 100 })).code).toBe(0);
    const tailHeld = (): number => [...a.host.kernel.procs.values()].find((p) => p.comm === 'tail' && p.state === 'running')?.heldBytes ?? 0;
    await until(a.host, () => tailHeld() >= 100 * 1024 * 1024, 'tail holding 100 MiB', 2000, 100);
    expect(await realDockerRun(a, ['update', '-m', '64m', '--memory-swap', '128m', 'grow'])).toEqual({ stdout: 'grow\n', stderr: '', code: 0 });
    expect((await sameOnDaemon(a, ['inspect', '-f', '{{.State.Status}} {{.State.OOMKilled}} {{.HostConfig.Memory}}', 'grow'])).stdout).toBe('running true 67108864\n');
    expect(await events(['--filter', 'container=grow'], '{{.Action}}')).toBe('create\nstart\nupdate\noom\n');
  });
});
