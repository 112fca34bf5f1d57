/**
 * Random combinations of the run flags dockersim models, through the real `docker` program (CLI → Engine API
 * → dockerd → the container's processes): what `docker inspect` says must be what the container sees —
 * hostname, user, working directory, environment, /etc/hosts, resolv.conf and the network namespace.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Program } from '../../../src/engine/kernel/sys.js';
import { Machine } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';
import { docker } from './run-docker.js';

/** `docker …argv` as root; its status and stdout. */
async function dockerOut(m: Machine, argv: readonly string[]): Promise<{ status: number; out: string }> {
  const k = m.kernel;
  let status: number | undefined;
  let out = '';
  const runner: Program = async (sys) => {
    const nul = sys.open('/dev/null', 'r');
    const file = sys.open('/tmp/run-flags.out', 'w');
    const pid = sys.spawn({ path: '/usr/bin/docker', argv: ['docker', ...argv], fds: { 0: nul, 1: file, 2: nul } });
    status = (await sys.wait(pid))!.status;
    out = sys.fs.readText('/tmp/run-flags.out');
    return 0;
  };
  k.spawn(k.hostPidNs.init!, { program: runner, argv: ['runner'] });
  await k.run({ until: k.now() + 120_000, stop: () => status !== undefined });
  return { status: status ?? -1, out };
}

const label = fc.stringMatching(/^[a-z][a-z0-9]{1,8}$/);
const ip = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 }))
  .map(([a, b, c]) => `${a}.${b}.0.${c}`);
const flags = fc.record({
  network: fc.constantFrom('default', 'bridge', 'none', 'host'),
  hostname: fc.option(label, { nil: undefined }),
  user: fc.constantFrom(undefined, '0', '1000', '1000:1001', 'nobody', 'daemon:daemon'),
  workdir: fc.option(fc.array(label, { minLength: 1, maxLength: 3 }).map((p) => '/' + p.join('/')), { nil: undefined }),
  env: fc.option(label, { nil: undefined }),
  hosts: fc.array(fc.tuple(label, fc.oneof(ip, fc.constant('host-gateway'))), { maxLength: 2 }),
  dns: fc.array(ip, { maxLength: 2 }),
  stopSignal: fc.constantFrom(undefined, 'SIGINT', 'SIGUSR1'),
  stopTimeout: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
});
type Flags = typeof flags extends fc.Arbitrary<infer T> ? T : never;

function argv(name: string, f: Flags): string[] {
  const a = ['run', '--name', name];
  if (f.network !== 'default') a.push('--network', f.network);
  if (f.hostname) a.push('-h', f.hostname);
  if (f.user) a.push('-u', f.user);
  if (f.workdir) a.push('-w', f.workdir);
  if (f.env) a.push('-e', `K=${f.env}`);
  for (const [n, addr] of f.hosts) a.push('--add-host', `${n}:${addr}`);
  for (const d of f.dns) a.push('--dns', d);
  if (f.stopSignal) a.push('--stop-signal', f.stopSignal);
  if (f.stopTimeout !== undefined) a.push('--stop-timeout', String(f.stopTimeout));
  const script = 'hostname; id -u; id -g; pwd; echo "K=$K"; ip -br link | cut -d" " -f1 | tr "\\n" " "; echo; ' +
    'echo ---; cat /etc/hosts; echo ---; grep ^nameserver /etc/resolv.conf';
  return [...a, 'busybox', 'sh', '-c', script];
}

const IDS: Record<string, [string, string]> = {
  '0': ['0', '0'], '1000': ['1000', '0'], '1000:1001': ['1000', '1001'], nobody: ['65534', '65534'], 'daemon:daemon': ['1', '1'],
};

describe('docker run flags: inspect says what the container sees', () => {
  it('hostname, user, workdir, env, hosts, resolv.conf and interfaces agree with docker inspect', async () => {
    const m = Machine.boot({ seed: 3, drain: nodeDrain });
    await m.kernel.run({ until: 100 });
    expect(await docker(m, ['pull', 'busybox'])).toBe(0);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(flags, async (f) => {
        const name = `p${n++}`;
        const run = await dockerOut(m, argv(name, f));
        expect(run.status, run.out).toBe(0);
        const inspect = await dockerOut(m, ['inspect', name]);
        const c = (JSON.parse(inspect.out) as Array<Record<string, Record<string, unknown>>>)[0];
        const cfg = c.Config as { Hostname: string; WorkingDir: string; Env: string[]; StopSignal?: string; StopTimeout?: number };
        const host = c.HostConfig as { ExtraHosts: string[] | null; Dns: string[]; NetworkMode: string };
        const [self, hostsText, resolv] = run.out.split('---\n');
        const [hostname, uid, gid, pwd, env, links] = self.split('\n');
        expect(hostname).toBe(cfg.Hostname);
        expect(hostname).toBe(f.hostname ?? (f.network === 'host' ? 'dockersim' : String(c.Id).slice(0, 12)));
        expect([uid, gid]).toEqual(IDS[f.user ?? '0']);
        expect(pwd).toBe(cfg.WorkingDir || '/');
        expect(env).toBe(cfg.Env.find((e) => e.startsWith('K=')) ?? 'K=');
        expect(host.NetworkMode).toBe(f.network === 'default' ? 'bridge' : f.network);
        const ifaces = links.trim().split(' ').map((i) => i.split('@')[0]);
        if (f.network === 'none') expect(ifaces).toEqual(['lo']);
        else if (f.network === 'host') expect(ifaces).toContain('docker0');
        else expect(ifaces).toEqual(['lo', 'eth0']);
        const hostLines = hostsText.trimEnd().split('\n');
        for (const x of host.ExtraHosts ?? []) {
          const [hn, addr] = [x.slice(0, x.indexOf(':')), x.slice(x.indexOf(':') + 1)];
          expect(hostLines).toContain(`${addr === 'host-gateway' ? '172.17.0.1' : addr}\t${hn}`);
        }
        // Stopped by now, so inspect no longer shows the address it had.
        if (f.network === 'bridge' || f.network === 'default') expect(hostLines.at(-1)).toMatch(new RegExp(`^172\\.17\\.\\d+\\.\\d+\t${cfg.Hostname}$`));
        if (f.network === 'none') expect(hostLines.some((l) => l.endsWith(`\t${cfg.Hostname}`))).toBe(false);
        if (host.Dns.length > 0) expect(resolv.trimEnd().split('\n')).toEqual(host.Dns.map((d) => `nameserver ${d}`));
        expect(cfg.StopSignal).toBe(f.stopSignal);
        expect(cfg.StopTimeout).toBe(f.stopTimeout);
        expect(await docker(m, ['rm', name])).toBe(0);
      }),
      { numRuns: 30, seed: 13 },
    );
    expect(m.kernel.faults).toEqual([]);
  }, 240_000);
});
