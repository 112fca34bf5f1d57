/**
 * Published ports through the real docker CLI 28.2.2 against the HTTP daemon: the request bodies it sends for
 * every `-p` form (compared, as the daemon stored them, with the in-sim CLI's), `docker port` in all its forms
 * and errors, and the PORTS column, byte for byte against the in-sim CLI on the same host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveDockerCli, realDockerRun, type Result, sameOnDaemon, simDockerRun, testDaemon, type TestDaemon } from './helpers.js';

const HAVE_DOCKER = await haveDockerCli();
let a: TestDaemon;

describe.skipIf(!HAVE_DOCKER)('ports through the real docker CLI', () => {
  beforeAll(async () => {
    a = await testDaemon({ clock: { kind: 'manual' }, seed: 5, bootEpochMs: Date.now() - 90_000 });
    const setup = [
      ['run', '-d', '-p', '80', '--name', 'static_web', 'nginx', 'nginx', '-g', 'daemon off;'],
      ['run', '-d', '-p', '127.0.0.1:80:80', '--name', 'static_web_lb', 'nginx'],
      ['run', '-d', '-P', '--name', 'redis_p', 'redis'],
      ['run', '-d', '-p', '8000-8001:90-91', '-p', '53/udp', '--expose', '7000-7001', '--name', 'ranges', 'busybox', 'sleep', '1000'],
      ['run', '-d', '--expose', '6379', '--name', 'exposed', 'busybox', 'sleep', '1000'],
    ];
    for (const args of setup) expect((await simDockerRun(a.host, args, { drive: true, stepMs: 1000 })).code).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await a?.close();
  });

  const same = (args: string[]): Promise<Result> => sameOnDaemon(a, args);

  it('docker port: one port, all ports, and its errors', async () => {
    expect((await same(['port', 'static_web', '80'])).stdout).toBe('0.0.0.0:32768\n[::]:32768\n');
    expect((await same(['port', 'static_web'])).stdout).toBe('80/tcp -> 0.0.0.0:32768\n80/tcp -> [::]:32768\n');
    expect((await same(['port', 'static_web_lb', '80/tcp'])).stdout).toBe('127.0.0.1:80\n');
    expect((await same(['port', 'ranges'])).stdout).toBe([
      '53/udp -> 0.0.0.0:32768', '53/udp -> [::]:32768', '90/tcp -> 0.0.0.0:8000', '90/tcp -> [::]:8000',
      '91/tcp -> 0.0.0.0:8001', '91/tcp -> [::]:8001', '',
    ].join('\n'));
    expect(await same(['port', 'exposed'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect((await same(['port', 'static_web', '443'])).stderr).toBe("Error: No public port '443' published for static_web\n");
    expect((await same(['port', 'redis_p', '6379/udp'])).code).toBe(1);
    expect((await same(['port', 'static_web', 'abc'])).stderr).toBe('Error: invalid port (abc): strconv.ParseUint: parsing "abc": invalid syntax\n');
    await same(['port', 'static_web', '70000']);
    await same(['port', 'nosuch']);
    await same(['port']);
    await same(['port', 'a', 'b', 'c']);
  }, 60_000);

  it('the PORTS column: dual rows, ranges, exposed-only ports', async () => {
    const r = await same(['ps', '--format', 'table {{.Names}}\t{{.Ports}}']);
    expect(r.stdout).toContain('0.0.0.0:32769->6379/tcp, [::]:32769->6379/tcp');
    expect(r.stdout).toContain('127.0.0.1:80->80/tcp');
    await same(['ps', '--format', '{{.Ports}}', '--filter', 'publish=8000']);
    await same(['ps', '--format', '{{.Names}}', '--filter', 'expose=6379']);
    await same(['inspect', '--format', '{{json .NetworkSettings.Ports}}', 'static_web', 'redis_p', 'ranges', 'exposed']);
  });

  it('the real client sends the bodies the in-sim one sends, for each -p form; its errors are its own', async () => {
    const forms = ['80', '8080:80', '127.0.0.1:8081:80', '127.0.0.1::80', '8100-8101:80-81', '9999/udp', '[::1]:8082:80', '8200-8210:80', 'published=8300,target=80'];
    for (const [i, p] of forms.entries()) {
      const real = await realDockerRun(a, ['create', '--name', `real${i}`, '-p', p, '--expose', '7000/udp', 'busybox']);
      expect(real.code, real.stderr).toBe(0);
      const sim = await simDockerRun(a.host, ['create', '--name', `sim${i}`, '-p', p, '--expose', '7000/udp', 'busybox']);
      expect(sim.code, sim.stderr).toBe(0);
      const show = ['inspect', '--format', '{{json .HostConfig.PortBindings}} {{json .Config.ExposedPorts}}'];
      expect((await simDockerRun(a.host, [...show, `sim${i}`])).stdout).toBe((await simDockerRun(a.host, [...show, `real${i}`])).stdout);
    }
    for (const p of ['99999', 'abc', '1.2.3:80:80', '8000-8002:80-81', '80/xyz', '8080:', '[::1:8080:80', 'published=1,target']) {
      const real = await realDockerRun(a, ['create', '-p', p, 'busybox']);
      const sim = await simDockerRun(a.host, ['create', '-p', p, 'busybox']);
      expect(sim, p).toEqual(real);
      expect(real.code).toBe(125);
    }
  }, 120_000);
});
