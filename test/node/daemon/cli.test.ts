/**
 * The real docker CLI 28.2.2 against the HTTP daemon, compared byte for byte with dockersim's own CLI.
 * Host A is driven by the real CLI; read-only commands then run on A again through the in-sim CLI (same
 * state, same clock). Commands that change state run on host B (same seed, same boot time) through the
 * in-sim CLI. Virtual time only moves when the test moves it: the host boots 3½ minutes in the real past and,
 * before each comparison, is moved on until its wall clock reads the real time, so the real CLI's
 * "3 minutes ago" (computed from its own clock) and the in-sim CLI's agree; "Up 3 minutes" is the daemon's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveDockerCli, realDockerRun, type Result, sameOnDaemon, simDockerRun, testDaemon, type TestDaemon } from './helpers.js';
import { Recorder } from './recorder.js';
import { SwaggerValidator } from './swagger.js';

const HAVE_DOCKER = await haveDockerCli();
const OFFSET_MS = 210_000;
const LOOP = ['/bin/sh', '-c', 'while true; do echo hello world; sleep 1; done'];

let a: TestDaemon;
let b: TestDaemon;
const validator = new SwaggerValidator();
const recorder = new Recorder(validator);

if (!HAVE_DOCKER) {
  describe('real docker CLI', () => {
    it.skip('SKIPPED: the docker CLI is not on PATH here; these comparisons run where it is (CI)', () => undefined);
  });
}

describe.skipIf(!HAVE_DOCKER)('real docker CLI against npm run daemon, compared with the in-sim CLI', () => {
  beforeAll(async () => {
    const bootEpochMs = Date.now() - OFFSET_MS;
    a = await testDaemon({ clock: { kind: 'manual' }, seed: 7, bootEpochMs, tap: recorder.tap });
    b = await testDaemon({ clock: { kind: 'manual' }, seed: 7, bootEpochMs });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  /** Real CLI on A vs in-sim CLI on A (state unchanged by the command). */
  const sameOnA = (args: string[]): Promise<Result> => sameOnDaemon(a, args);

  /** A command that changes state: real CLI on A, in-sim CLI on B. */
  async function sameAcross(args: string[]): Promise<Result> {
    const real = await realDockerRun(a, args, { drive: true, stepMs: 1000, busy: () => recorder.outstanding > 0 });
    const sim = await simDockerRun(b.host, args, { drive: true, stepMs: 1000 });
    expect(real, `docker ${args.join(' ')}`).toEqual(sim);
    return real;
  }

  it('docker run -d pulls and starts, printing the same as the in-sim CLI', async () => {
    const r = await sameAcross(['run', '--name', 'daemon_dave', '-d', 'ubuntu', ...LOOP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(r.stderr).toContain("Unable to find image 'ubuntu:latest' locally\nlatest: Pulling from library/ubuntu\n");
    expect(a.host.kernel.clock.epochMs()).toBeLessThan(Date.now());
  });

  it('ps, ps -a, images, inspect, logs -t and exec print the same', async () => {
    const ps = await sameOnA(['ps']);
    expect(ps.stdout).toMatch(/ubuntu {4}"\/bin\/sh -c 'while t…" {3}\d minutes ago +Up (\d minutes|About a minute) +daemon_dave\n$/);
    await sameOnA(['ps', '-a']);
    await sameOnA(['images']);
    const inspect = await sameOnA(['inspect', 'daemon_dave']);
    expect(inspect.stdout.startsWith('[\n    {\n        "Id": "')).toBe(true);
    const logs = await sameOnA(['logs', '-t', '--tail', '3', 'daemon_dave']);
    expect(logs.stdout).toMatch(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z hello world\n){3}$/);
    await sameOnA(['exec', 'daemon_dave', 'cat', '/etc/hostname']);
    const failing = await sameOnA(['exec', 'daemon_dave', 'sh', '-c', 'echo oops >&2; exit 4']);
    expect(failing).toEqual({ stdout: '', stderr: 'oops\n', code: 4 });
    // The client half differs by build (this binary is the static one; dockersim's CLI mimics the .deb).
    const real = await realDockerRun(a, ['version']);
    const sim = await simDockerRun(a.host, ['version']);
    const server = (r: Result): string => r.stdout.slice(r.stdout.indexOf('Server:'));
    expect(server(real)).toBe(server(sim));
    expect(server(real)).toMatch(/^Server: Docker Engine - Community\n Engine:\n  Version:          28\.2\.2\n  API version:      1\.50 \(minimum version 1\.24\)\n/);
  });

  it('prints the same errors and exit codes', async () => {
    const start = await sameOnA(['start', 'nosuch']);
    expect(start).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nosuch\nError: failed to start containers: nosuch\n', code: 1 });
    const inspect = await sameOnA(['inspect', 'nosuch']);
    expect(inspect).toEqual({ stdout: '[]\n', stderr: 'Error: No such object: nosuch\n', code: 1 });
    await sameOnA(['rm', 'daemon_dave']);
    await sameOnA(['logs', 'nosuch']);
    await sameOnA(['stop', 'nosuch']);
    const conflict = await sameOnA(['run', '-d', '--name', 'daemon_dave', 'ubuntu', 'true']);
    expect(conflict.code).toBe(125);
    await sameOnA(['run', '--name', 'bad!', 'ubuntu', 'true']);
  });

  it('stop and rm print the same, and so does ps -a after each', async () => {
    await sameAcross(['stop', 'daemon_dave']);
    await sameOnA(['ps', '-a']);
    await sameAcross(['rm', 'daemon_dave']);
    const ps = await sameOnA(['ps', '-a']);
    expect(ps.stdout).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
    expect(a.host.kernel.faults).toEqual([]);
  });

  it('answered with JSON bodies that match the Engine API definition', () => {
    expect(validator.violations).toEqual([]);
    expect(validator.checked).toBeGreaterThan(20);
  });
});
