/**
 * What the client decides from the daemon's ping (cmd/docker/docker.go): help hides what a Linux daemon without
 * experimental features and outside a swarm cannot serve, and flags or groups it does not support stop the
 * command before any request. Texts from the real 28.2.2 client against `npm run daemon`.
 */
import { describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../src/cli/client.js';
import { main } from '../../src/cli/main.js';
import { fake } from './fake.js';

const LINUX: ServerInfo = { hasExperimental: false, osType: 'linux', swarm: { nodeState: 'inactive', controlAvailable: false } };
const UNREACHABLE: ServerInfo = { hasExperimental: true, osType: '' };

async function docker(argv: string[], server: ServerInfo = LINUX): Promise<{ stdout: string; stderr: string; exit: number; calls: string[] }> {
  const f = fake({ client: { serverInfo: () => Promise.resolve(server) } });
  const exit = await main(f.cli, argv);
  return { stdout: f.stdout(), stderr: f.stderr(), exit, calls: f.calls };
}

describe('help against the daemon', () => {
  it('leaves out checkpoint (experimental) and the swarm-manager commands, keeping swarm itself', async () => {
    const r = await docker(['--help']);
    expect(r.stdout).not.toContain('checkpoint');
    expect(r.stdout).toContain('\n\nSwarm Commands:\n  swarm       Manage Swarm\n\nCommands:\n');
    const all = await docker(['--help'], UNREACHABLE);
    expect(all.stdout).toContain('  checkpoint  Manage checkpoints\n');
    expect(all.stdout).toContain('  config      Manage Swarm configs\n');
  });

  it('hides Windows-only and experimental flags, and cluster-volume ones outside a swarm', async () => {
    const run = await docker(['run', '--help']);
    expect(run.stdout).not.toMatch(/--cpu-count|--cpu-percent|--io-maxiops|--io-maxbandwidth/);
    expect((await docker(['run', '--help'], UNREACHABLE)).stdout).toContain('      --cpu-count int                    CPU count (Windows only)\n');
    const start = await docker(['start', '--help']);
    expect(start.stdout).toContain('  -a, --attach               Attach STDOUT/STDERR and forward signals\n');
    expect(start.stdout).not.toContain('--checkpoint');
    expect((await docker(['volume', 'create', '--help'])).stdout).not.toMatch(/--scope|--availability|Cluster/);
    expect((await docker(['volume', '--help'])).stdout).not.toContain('update');
  });

  it('prints isSupported\'s error instead of the help of an experimental group, on stdout, status 0', async () => {
    expect(await docker(['checkpoint', 'create', '--help'])).toMatchObject({
      stdout: 'docker checkpoint create is only supported on a Docker daemon with experimental features enabled\n', stderr: '', exit: 0,
    });
    expect((await docker(['checkpoint', '--help'], UNREACHABLE)).stdout).toContain('Commands:\n  create      Create a checkpoint from a running container\n');
  });

  it('does not ask the daemon for help that has nothing to hide', async () => {
    const r = await docker(['ps', '--help']);
    expect(r.calls).toEqual([]);
  });
});

describe('isSupported before any request', () => {
  it('refuses Windows-only flags on a Linux daemon, one line each in flag order, status 1', async () => {
    const r = await docker(['run', '--io-maxiops', '3', '--cpu-count', '2', 'busybox', 'true']);
    expect(r).toMatchObject({
      stdout: '',
      stderr: '"--cpu-count" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux\n' +
        '"--io-maxiops" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux\n',
      exit: 1,
    });
    expect(r.calls.filter((c) => !c.startsWith('client '))).toEqual(['serverInfo']);
  });

  it('refuses experimental flags and groups on a daemon without experimental features', async () => {
    expect(await docker(['start', '--checkpoint', 'x', 'web'])).toMatchObject({
      stderr: '"--checkpoint" is only supported on a Docker daemon with experimental features enabled\n', exit: 1,
    });
    expect(await docker(['checkpoint', 'ls', 'web'])).toMatchObject({
      stderr: 'docker checkpoint ls is only supported on a Docker daemon with experimental features enabled\n', exit: 1,
    });
    expect(await docker(['checkpoint'])).toMatchObject({
      stderr: 'docker checkpoint is only supported on a Docker daemon with experimental features enabled\n', exit: 1,
    });
  });

  it('lets them through when the daemon could not be asked (the connection error comes later)', async () => {
    const r = await docker(['checkpoint', 'ls', 'web'], UNREACHABLE);
    expect(r.stderr).toBe("docker: 'docker checkpoint ls' is a real docker command that dockersim does not simulate yet\n");
  });
});
