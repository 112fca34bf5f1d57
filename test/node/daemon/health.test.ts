/**
 * Health checks through the real docker CLI 28.2.2 against the HTTP daemon: the real client's `--health-*` body
 * is accepted and runs a monitor, and `ps` (status column, `health=` filter) and `inspect` (State.Health,
 * Config.Healthcheck, printed whole and through templates) print the same bytes as the in-sim CLI; the events
 * carry moby's actions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveDockerCli, realDockerRun, type Result, sameOnDaemon, syncToRealTime, testDaemon, type TestDaemon } from './helpers.js';

const HAVE_DOCKER = await haveDockerCli();
let a: TestDaemon;

describe.skipIf(!HAVE_DOCKER)('health checks through the real docker CLI', () => {
  beforeAll(async () => {
    a = await testDaemon({ clock: { kind: 'manual' }, seed: 5, bootEpochMs: Date.now() - 90_000 });
    const run = async (args: string[]): Promise<void> => {
      const r = await realDockerRun(a, args, { drive: true, stepMs: 1000 });
      expect(r.code, r.stderr).toBe(0);
    };
    await run(['run', '-d', '--name', 'good', '--health-cmd', 'echo fine', '--health-interval', '20s', 'busybox', 'sleep', '1000']);
    await run(['run', '-d', '--name', 'bad', '--health-cmd', 'echo broken >&2; exit 1', '--health-interval', '20s', '--health-retries', '2', 'busybox', 'sleep', '1000']);
    await run(['run', '-d', '--name', 'plain', '--no-healthcheck', 'busybox', 'sleep', '1000']);
    // Probes 20 s apart: unhealthy after 40 s, and a few events each, so the daemon's last 256 events still hold
    // the containers' create and start however long a loaded machine makes the CLI runs the clock follows.
    // Past a minute: the Up time (the daemon's) reads "About a minute" for a while, so the two CLIs' runs cannot
    // straddle a go-units boundary. (CREATED is left out: the real CLI reads it off its own clock.)
    await a.host.advance(65_000);
    await syncToRealTime(a.host);
  });

  afterAll(async () => {
    await a?.close();
  });

  const ok = (r: Result): string => {
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  it('ps shows (healthy) and (unhealthy) and filters on health', async () => {
    expect(ok(await sameOnDaemon(a, ['ps', '--format', '{{.Names}} {{.Status}}']))).toMatch(/^plain Up [^(\n]+\nbad Up [^(\n]+ \(unhealthy\)\ngood Up [^(\n]+ \(healthy\)\n$/);
    expect(ok(await sameOnDaemon(a, ['ps', '--filter', 'health=healthy', '--format', '{{.Names}}']))).toBe('good\n');
    expect(ok(await sameOnDaemon(a, ['ps', '--filter', 'health=unhealthy', '--format', '{{.Names}}']))).toBe('bad\n');
    expect(ok(await sameOnDaemon(a, ['ps', '--filter', 'health=none', '--format', '{{.Names}}']))).toBe('plain\n');
  });

  it('inspect prints State.Health and Config.Healthcheck as the real client decodes them', async () => {
    const health = ok(await sameOnDaemon(a, ['inspect', '--format', '{{json .State.Health}}', 'bad']));
    expect(health).toMatch(/^\{"Status":"unhealthy","FailingStreak":\d+,"Log":\[\{"Start":"[^"]+","End":"[^"]+","ExitCode":1,"Output":"broken\\n"\}/);
    expect(ok(await sameOnDaemon(a, ['inspect', '--format', '{{.State.Health.Status}}', 'good']))).toBe('healthy\n');
    expect(ok(await sameOnDaemon(a, ['container', 'inspect', '--format', '{{json .Config.Healthcheck}}', 'bad'])))
      .toBe('{"Test":["CMD-SHELL","echo broken >&2; exit 1"],"Interval":20000000000,"Retries":2}\n');
    expect(ok(await sameOnDaemon(a, ['inspect', '--format', '{{json .Config.Healthcheck}}', 'plain']))).toBe('{"Test":["NONE"]}\n');
    await sameOnDaemon(a, ['inspect', 'good']);
  });

  it('events name the probe and the status change as moby does', async () => {
    const r = ok(await realDockerRun(a, ['events', '--since', '0', '--until', String(Math.floor(a.host.kernel.clock.epochMs() / 1000)), '--filter', 'container=bad', '--format', '{{.Action}}']));
    const actions = r.split('\n').filter(Boolean);
    // The daemon keeps the last 256 events (moby's events.Events): on a loaded machine the daemon's clock runs
    // on and later probes push `create` and `start` out, so the test reads the probe's own triple.
    const first = actions.indexOf('exec_create: /bin/sh -c echo broken >&2; exit 1');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(actions.slice(first, first + 3)).toEqual(['exec_create: /bin/sh -c echo broken >&2; exit 1', 'exec_start: /bin/sh -c echo broken >&2; exit 1', 'exec_die']);
    if (actions.includes('start')) expect(actions.indexOf('start')).toBeLessThan(first);
    expect(actions).toContain('exec_start: /bin/sh -c echo broken >&2; exit 1');
    expect(actions).toContain('exec_die');
    expect(actions.filter((x) => x.startsWith('health_status'))).toEqual(['health_status: unhealthy']);
  });

  it('refuses what moby refuses, word for word', async () => {
    const r = await realDockerRun(a, ['run', '-d', '--health-cmd', 'true', '--health-interval', '500us', 'busybox', 'true']);
    expect([r.code, r.stderr]).toEqual([125, "docker: Error response from daemon: Interval in Healthcheck cannot be less than 1ms\n\nRun 'docker run --help' for more information\n"]);
  });
});
