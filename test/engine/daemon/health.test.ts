/**
 * The health monitor on the virtual clock (moby daemon/health.go): when probes run, what they record, how the
 * status moves, and that the monitor stops and starts with the container. Every wait is virtual time.
 */
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../src/engine/daemon/events.js';
import { healthConfigQuoted, mergeHealthConfig } from '../../../src/engine/daemon/healthConfig.js';
import type { HealthJSON } from '../../../src/engine/daemon/state.js';
import { goDurationString } from '../../../src/pkg/timetypes.js';
import { boot, errOf, inDaemon } from './harness.js';

const S = 1_000_000_000;

interface Inspected {
  State: { Status: string; Health?: HealthJSON };
  Config: { Healthcheck?: unknown };
  ExecIDs: string[] | null;
}

/** Runs a busybox container with `health`, records its events, and hands the body a way to read its health. */
async function withContainer<T>(
  health: Record<string, unknown>,
  body: (x: { health: () => HealthJSON | undefined; inspect: () => Inspected; events: string[]; d: Parameters<Parameters<typeof inDaemon>[1]>[0]; sleep: (s: number) => Promise<void> }) => Promise<T>,
  image = 'busybox',
): Promise<T> {
  const h = boot();
  const events: string[] = [];
  h.engine.events.subscribe((e: EventMessage) => {
    if (e.Type === 'container') events.push(e.Action);
  });
  return inDaemon(h, async (d, sys) => {
    d.containerCreate({ Image: image, Cmd: ['sleep', '100000'], Healthcheck: health }, {}, 'web');
    await d.containerStart('web');
    const inspect = (): Inspected => d.containerInspect('web') as unknown as Inspected;
    return body({ health: () => inspect().State.Health, inspect, events, d, sleep: (s) => sys.sleep(s * 1000) });
  });
}

describe('health monitor', () => {
  it('is starting until the first probe, one Interval after the start, then healthy', async () => {
    await withContainer({ Test: ['CMD-SHELL', 'echo ok'], Interval: 10 * S }, async ({ health, sleep }) => {
      expect(health()).toEqual({ Status: 'starting', FailingStreak: 0, Log: [] });
      await sleep(9.9);
      expect(health()?.Log).toHaveLength(0);
      await sleep(0.2);
      const h = health()!;
      expect(h.Status).toBe('healthy');
      expect(h.Log).toHaveLength(1);
      expect(h.Log[0]).toMatchObject({ ExitCode: 0, Output: 'ok\n' });
      expect(h.Log[0].Start <= h.Log[0].End).toBe(true);
    });
  });

  it('defaults to a 30 s interval', async () => {
    await withContainer({ Test: ['CMD', 'true'] }, async ({ health, sleep }) => {
      await sleep(29.9);
      expect(health()?.Status).toBe('starting');
      await sleep(0.2);
      expect(health()?.Status).toBe('healthy');
    });
  });

  it('counts Retries failures in a row before unhealthy; a success resets the streak', async () => {
    await withContainer({ Test: ['CMD-SHELL', 'test -e /tmp/ok'], Interval: 1 * S, Retries: 2 }, async ({ health, sleep, d, events }) => {
      await sleep(1.5);
      expect(health()).toMatchObject({ Status: 'starting', FailingStreak: 1 });
      await sleep(1);
      expect(health()).toMatchObject({ Status: 'unhealthy', FailingStreak: 2 });
      await sleep(1);
      expect(health()).toMatchObject({ Status: 'unhealthy', FailingStreak: 3 });
      const id = (await d.containerExecCreate('web', { Cmd: ['touch', '/tmp/ok'] })).Id;
      d.containerExecStart(id, { detach: true });
      await sleep(1);
      expect(health()).toMatchObject({ Status: 'healthy', FailingStreak: 0 });
      expect(events.filter((a) => a.startsWith('health_status'))).toEqual(['health_status: unhealthy', 'health_status: healthy']);
    });
  });

  it('keeps the last five results, oldest first', async () => {
    await withContainer({ Test: ['CMD-SHELL', 'date +%s'], Interval: 1 * S }, async ({ health, sleep }) => {
      await sleep(7.5);
      const log = health()!.Log;
      expect(log).toHaveLength(5);
      const starts = log.map((r) => Date.parse(r.Start));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      // Seven probes ran (1 s … 7 s): the first two fell off.
      expect(log.map((r) => r.Output.trim())).toHaveLength(5);
      expect(Number(log[0].Output.trim()) - Number(log[4].Output.trim())).toBe(-4);
    });
  });

  it('kills a probe at Timeout: exit code -1 and the output so far', async () => {
    await withContainer({ Test: ['CMD-SHELL', 'echo partial; sleep 60'], Interval: 1 * S, Timeout: 2 * S, Retries: 1 }, async ({ health, sleep, events }) => {
      await sleep(3.5);
      const h = health()!;
      expect(h.Status).toBe('unhealthy');
      expect(h.Log[0]).toMatchObject({ ExitCode: -1, Output: 'Health check exceeded timeout (2s): partial\n' });
      expect(Date.parse(h.Log[0].End) - Date.parse(h.Log[0].Start)).toBe(2000);
      // One probe at a time: the next starts an Interval after this one ended.
      expect(events.filter((a) => a.startsWith('exec_create'))).toHaveLength(1);
      expect(events.filter((a) => a === 'exec_die')).toHaveLength(1);
    });
  });

  it('emits the probe as an exec: exec_create and exec_start with its command, exec_die, then health_status', async () => {
    await withContainer({ Test: ['CMD-SHELL', 'exit 0'], Interval: 1 * S }, async ({ sleep, events }) => {
      await sleep(1.5);
      expect(events.slice(events.indexOf('start') + 1)).toEqual([
        'exec_create: /bin/sh -c exit 0', 'exec_start: /bin/sh -c exit 0', 'exec_die', 'health_status: healthy',
      ]);
    });
  });

  it('runs CMD without a shell; a command that cannot start fails with the runtime error', async () => {
    await withContainer({ Test: ['CMD', 'no-such-probe', 'x'], Interval: 1 * S }, async ({ health, sleep, events, inspect }) => {
      await sleep(1.5);
      expect(health()!.Log[0]).toMatchObject({
        ExitCode: -1,
        Output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "no-such-probe": executable file not found in $PATH: unknown',
      });
      expect(events).toContain('exec_start: no-such-probe x');
      expect(inspect().ExecIDs).toBeNull();
    });
  });

  it('truncates output to 4096 bytes with "..."', async () => {
    await withContainer({ Test: ['CMD-SHELL', 'yes abcdefg | head -c 10000'], Interval: 1 * S }, async ({ health, sleep }) => {
      await sleep(1.5);
      const out = health()!.Log[0].Output;
      expect(out.length).toBe(4096 + 3);
      expect(out.endsWith('...')).toBe(true);
    });
  });

  it('does not count failures inside the start period before a success; StartInterval applies there', async () => {
    await withContainer({ Test: ['CMD', 'false'], Interval: 10 * S, StartPeriod: 5 * S, StartInterval: 1 * S, Retries: 1 }, async ({ health, sleep }) => {
      await sleep(4.5);
      expect(health()).toMatchObject({ Status: 'starting', FailingStreak: 0 });
      expect(health()!.Log).toHaveLength(4);
      await sleep(1);
      // The probe at 5 s is past the start period: it counts.
      expect(health()).toMatchObject({ Status: 'unhealthy', FailingStreak: 1 });
      await sleep(1);
      // From here the Interval: nothing new until 15 s.
      expect(health()!.Log).toHaveLength(5);
    });
  });

  it('stops with the container (status unhealthy, as moby leaves it) and starts over on start', async () => {
    await withContainer({ Test: ['CMD', 'true'], Interval: 1 * S }, async ({ health, sleep, d, events }) => {
      await sleep(1.5);
      expect(health()!.Status).toBe('healthy');
      await d.containerKill('web');
      const execs = events.filter((a) => a.startsWith('exec_create')).length;
      await sleep(5);
      expect(health()).toMatchObject({ Status: 'unhealthy', FailingStreak: 0 });
      expect(events.filter((a) => a.startsWith('exec_create'))).toHaveLength(execs);
      await d.containerStart('web');
      expect(health()).toMatchObject({ Status: 'starting', FailingStreak: 0 });
      expect(health()!.Log).toHaveLength(1);
      await sleep(1.5);
      expect(health()!.Status).toBe('healthy');
    });
  });

  it('skips probes while paused and resumes after unpause', async () => {
    await withContainer({ Test: ['CMD', 'true'], Interval: 1 * S }, async ({ health, sleep, d }) => {
      await sleep(1.5);
      d.containerPause('web');
      expect(health()!.Status).toBe('unhealthy');
      await sleep(5);
      expect(health()!.Log).toHaveLength(1);
      d.containerUnpause('web');
      await sleep(1.5);
      expect(health()).toMatchObject({ Status: 'healthy' });
      expect(health()!.Log).toHaveLength(2);
    });
  });

  it('has no monitor for NONE', async () => {
    await withContainer({ Test: ['NONE'], Interval: 2 * S, Timeout: 0 }, async ({ health, sleep, events, inspect }) => {
      await sleep(60);
      expect(health()).toBeUndefined();
      expect(JSON.stringify(inspect().Config.Healthcheck)).toBe('{"Test":["NONE"],"Interval":2000000000}');
      expect(events.some((a) => a.startsWith('exec_'))).toBe(false);
    });
  });

  it('shows in Config as moby stores it, zero values left out', async () => {
    await withContainer({ Test: ['CMD-SHELL', 'true'], Interval: 2 * S, Timeout: 0, Retries: 0 }, async ({ inspect }) => {
      expect(JSON.stringify(inspect().Config.Healthcheck)).toBe('{"Test":["CMD-SHELL","true"],"Interval":2000000000}');
    });
  });

  it('refuses durations under 1ms and negative retries as moby validates them', async () => {
    const h = boot();
    await inDaemon(h, async (d) => {
      const create = (hc: Record<string, unknown>) => errOf(() => d.containerCreate({ Image: 'busybox', Cmd: ['true'], Healthcheck: hc }));
      expect(await create({ Interval: 1000 })).toBe('InvalidParameter: Interval in Healthcheck cannot be less than 1ms');
      expect(await create({ Timeout: 1000 })).toBe('InvalidParameter: Timeout in Healthcheck cannot be less than 1ms');
      expect(await create({ Retries: -1 })).toBe('InvalidParameter: Retries in Healthcheck cannot be negative');
      expect(await create({ StartPeriod: 5 })).toBe('InvalidParameter: StartPeriod in Healthcheck cannot be less than 1ms');
      expect(await create({ StartInterval: 5 })).toBe('InvalidParameter: StartInterval in Healthcheck cannot be less than 1ms');
    });
  });
});

describe('health config', () => {
  it('merges the run flags over the image: zero fields take the image\'s', () => {
    const image = { Test: ['CMD-SHELL', 'curl -f localhost'], Interval: 5 * S, Retries: 4 };
    expect(mergeHealthConfig(undefined, image)).toEqual(image);
    expect(mergeHealthConfig({ Test: null, Interval: 2 * S, Timeout: 0, StartPeriod: 0, StartInterval: 0, Retries: 0 }, image))
      .toEqual({ Test: ['CMD-SHELL', 'curl -f localhost'], Interval: 2 * S, Timeout: undefined, StartPeriod: undefined, StartInterval: undefined, Retries: 4 });
    expect(mergeHealthConfig({ Test: ['NONE'] }, image)).toMatchObject({ Test: ['NONE'], Interval: 5 * S, Retries: 4 });
    expect(mergeHealthConfig({ Test: ['CMD', 'x'] }, undefined)).toEqual({ Test: ['CMD', 'x'] });
  });

  it("prints as Go's %q of the struct (the builders' CREATED BY)", () => {
    expect(healthConfigQuoted({ Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], Interval: 300 * S, Timeout: 3 * S }))
      .toBe('&{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "5m0s" "3s" "0s" "0s" \'\\x00\'}');
    expect(healthConfigQuoted({ Test: ['NONE'], Retries: 3 })).toBe('&{["NONE"] "0s" "0s" "0s" "0s" \'\\x03\'}');
  });

  it("formats durations as Go's Duration.String", () => {
    expect([0, 1, 1500, 100e6, 1.5e9, 90e9, 3600e9, 5400.5e9].map(goDurationString))
      .toEqual(['0s', '1ns', '1.5µs', '100ms', '1.5s', '1m30s', '1h0m0s', '1h30m0.5s']);
  });
});
