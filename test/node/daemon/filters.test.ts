/**
 * `ps`, `images` and `events` filters through the real docker CLI 28.2.2 against the HTTP daemon: the same
 * bytes and exit codes as the in-sim CLI on the same host (ps, images), and moby's answers (events, which
 * the in-sim CLI does not have). The client-side refusal of a filter without `=` comes from the real client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveDockerCli, realDockerRun, type Result, sameOnDaemon, simDockerRun, syncToRealTime, testDaemon, type TestDaemon } from './helpers.js';

const HAVE_DOCKER = await haveDockerCli();
let a: TestDaemon;

describe.skipIf(!HAVE_DOCKER)('filters through the real docker CLI', () => {
  beforeAll(async () => {
    // The real CLI reads the wall clock a moment after the simulated one reads its own, so CREATED must not sit
    // at a go-units boundary: booted 120 s back, the containers (made a few virtual seconds after boot) were
    // just under "2 minutes ago" and a slow run crossed it; 90 s back leaves ~30 s before it.
    a = await testDaemon({ clock: { kind: 'manual' }, seed: 3, bootEpochMs: Date.now() - 90_000 });
    const setup = [
      ['run', '-d', '--name', 'web', '--label', 'app=web', '--label', 'tier=front', 'busybox', 'sleep', '1000'],
      ['run', '-d', '--name', 'db', '--label', 'app=db', 'ubuntu', 'sleep', '1000'],
      ['run', '--name', 'done', 'busybox', 'sh', '-c', 'exit 3'],
      ['create', '--name', 'fresh', 'alpine', 'true'],
    ];
    for (const args of setup) expect((await simDockerRun(a.host, args, { drive: true, stepMs: 1000 })).code).not.toBe(125);
  });

  afterAll(async () => {
    await a?.close();
  });

  const same = (args: string[]): Promise<Result> => sameOnDaemon(a, args);
  const ok = (r: Result): string[] => {
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.split('\n').filter(Boolean);
  };

  it('ps --filter: label, before, since, ancestor, exited, network, health, volume, publish', async () => {
    const ps = async (...f: string[]): Promise<string[]> =>
      ok(await same(['ps', '-a', '--format', '{{.Names}}', ...f.flatMap((x) => ['--filter', x])]));
    expect(await ps('label=app')).toEqual(['db', 'web']);
    expect(await ps('label=app=web', 'label=tier')).toEqual(['web']);
    expect(await ps('before=done')).toEqual(['db', 'web']);
    expect(await ps('since=db')).toEqual(['fresh', 'done']);
    expect(await ps('ancestor=busybox')).toEqual(['done', 'web']);
    expect(await ps('exited=3')).toEqual(['done']);
    expect(await ps('network=bridge')).toEqual(['fresh', 'done', 'db', 'web']);
    expect(await ps('health=none', 'status=running')).toEqual(['db', 'web']);
    expect(await ps('volume=/data')).toEqual([]);
    expect(await ps('publish=80/tcp')).toEqual([]);
    await same(['ps', '--filter', 'label=app=db']);
  });

  it('ps --filter errors, word for word', async () => {
    const err = async (...args: string[]): Promise<string> => {
      const r = await same(['ps', ...args]);
      expect(r.code).not.toBe(0);
      return r.stderr;
    };
    expect(await err('--filter', 'foo=1')).toBe("Error response from daemon: invalid filter 'foo'\n");
    expect(await err('--filter', 'status=up')).toBe("Error response from daemon: invalid filter 'status=up': invalid value for state (up): must be one of created, running, paused, restarting, removing, exited, dead\n");
    expect(await err('--filter', 'before=nosuch')).toBe('Error response from daemon: No such container: nosuch\n');
    expect(await err('--filter', 'publish=80:80')).toBe("Error response from daemon: filter for 'publish' should not contain ':': 80:80\n");
    expect(await err('--filter', 'label')).toMatch(/^invalid argument "label" for "-f, --filter" flag: bad format of filter \(expected name=value\)\n/);
    await err('--filter', 'is-task=maybe');
    await err('--filter', 'exited=x');
  });

  it('images REPO[:TAG] and --filter: reference, dangling, before, since, label; errors', async () => {
    const images = async (...args: string[]): Promise<string[]> => ok(await same(['images', '--format', '{{.Repository}}:{{.Tag}}', ...args]));
    expect(await images()).toEqual(['alpine:latest', 'busybox:latest', 'ubuntu:latest']);
    expect(await images('busybox')).toEqual(['busybox:latest']);
    expect(await images('ubuntu:latest')).toEqual(['ubuntu:latest']);
    expect(await images('--filter', 'reference=*box')).toEqual(['busybox:latest']);
    expect(await images('--filter', 'dangling=true')).toEqual([]);
    expect(await images('--filter', 'before=alpine')).toEqual(['busybox:latest', 'ubuntu:latest']);
    expect(await images('--filter', 'since=ubuntu')).toEqual(['alpine:latest', 'busybox:latest']);
    expect(await images('--filter', 'label=x')).toEqual([]);
    await same(['images', '--digests', 'ubuntu:latest']);
    await same(['images', '--digests', 'ubuntu']);
    expect((await same(['images', '--filter', 'foo=bar'])).stderr).toBe("Error response from daemon: invalid filter 'foo'\n");
    expect((await same(['images', '--filter', 'reference=['])).stderr).toBe('Error response from daemon: syntax error in pattern\n');
    expect((await same(['images', '--filter', 'dangling=maybe'])).stderr).toBe("Error response from daemon: invalid filter 'dangling=[maybe]'\n");
  });

  it('events --filter: type, event, container, image, label', async () => {
    await syncToRealTime(a.host);
    const until = String(Math.floor(a.host.kernel.clock.epochMs() / 1000) - 1);
    const events = async (...f: string[]): Promise<string[]> =>
      ok(await realDockerRun(a, ['events', '--since', '0', '--until', until, '--format', '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}', ...f.flatMap((x) => ['--filter', x])]));
    expect(await events('type=image')).toEqual(['image pull busybox', 'image pull ubuntu', 'image pull alpine']);
    expect(await events('event=die')).toEqual(['container die done']);
    expect(await events('container=web', 'event=start')).toEqual(['container start web']);
    expect(await events('image=ubuntu', 'type=container', 'event=create')).toEqual(['container create db']);
    expect(await events('label=app=web', 'event=create')).toEqual(['container create web']);
    // moby checks no names here: an unknown one filters nothing.
    expect((await events('foo=bar')).length).toBe((await events()).length);
  });
});
