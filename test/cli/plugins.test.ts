/**
 * CLI plugins as the 28.2.2 client finds and shows them: docker-ce-cli's plugin directories, `docker --help`'s
 * `buildx*`/`compose*` stubs among the management commands, `docker info`'s Plugins block (format from
 * docker/cli's prettyPrintClientInfo), and what happens once a plugin is gone.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { listPlugins } from '../../src/cli/plugins.js';
import { binaryContent } from '../../src/engine/kernel/binfmt.js';
import { fake } from './fake.js';
import { memFs, type MemFile } from './command/image/buildHarness.js';

const SYSTEM = '/usr/libexec/docker/cli-plugins';
const bin = (program: string): MemFile => ({ data: binaryContent(program), mode: 0o755 });
const PACKAGED: Record<string, MemFile> = { [`${SYSTEM}/docker-buildx`]: bin('docker-buildx'), [`${SYSTEM}/docker-compose`]: bin('docker-compose') };

async function docker(argv: string[], files: Record<string, MemFile> = PACKAGED, env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string; exit: number }> {
  const f = fake({ env: { HOME: '/home/user', ...env }, client: { info: async () => ({ ServerVersion: '28.2.2' }) } });
  const exit = await main({ ...f.cli, fs: memFs(files) }, argv);
  return { stdout: f.stdout(), stderr: f.stderr(), exit };
}

describe('the plugin directories', () => {
  it('lists docker-NAME binaries by name, the user\'s directory shadowing the system\'s, strangers left out', () => {
    const fs = memFs({
      ...PACKAGED,
      '/home/user/.docker/cli-plugins/docker-compose': bin('docker-compose'),
      [`${SYSTEM}/docker-Bad`]: bin('docker-compose'),
      [`${SYSTEM}/notes.txt`]: { data: 'x' },
      [`${SYSTEM}/docker-hello`]: { data: '#!/bin/sh\necho hi\n', mode: 0o755 },
    });
    expect(listPlugins(fs, '/home/user/.docker').map((p) => [p.Name, p.Version, p.Path])).toEqual([
      ['buildx', 'v0.24.0', `${SYSTEM}/docker-buildx`],
      ['compose', 'v2.36.2', '/home/user/.docker/cli-plugins/docker-compose'],
    ]);
  });
});

describe('docker with plugins installed', () => {
  it('lists them in help among the management commands, marked with *', async () => {
    const r = await docker(['--help']);
    expect(r.stdout).toContain('Management Commands:\n  builder     Manage builds\n  buildx*     Docker Buildx\n  compose*    Docker Compose\n  container   Manage containers\n');
  });

  it('shows them in docker info, and as manager.Plugin structs in its JSON', async () => {
    const r = await docker(['info']);
    expect(r.stdout).toContain(' Debug Mode: false\n Plugins:\n  buildx: Docker Buildx (Docker Inc.)\n    Version:  v0.24.0\n' +
      `    Path:     ${SYSTEM}/docker-buildx\n  compose: Docker Compose (Docker Inc.)\n    Version:  v2.36.2\n    Path:     ${SYSTEM}/docker-compose\n\nServer:\n`);
    const json = await docker(['info', '--format', '{{json .ClientInfo.Plugins}}']);
    expect(json.stdout).toBe(`[{"SchemaVersion":"0.1.0","Vendor":"Docker Inc.","Version":"v0.24.0","ShortDescription":"Docker Buildx","Name":"buildx","Path":"${SYSTEM}/docker-buildx"},` +
      `{"SchemaVersion":"0.1.0","Vendor":"Docker Inc.","Version":"v2.36.2","ShortDescription":"Docker Compose","Name":"compose","Path":"${SYSTEM}/docker-compose"}]\n`);
  });

  it('refuses to pretend to run compose, and knows no compose once the plugin is gone', async () => {
    expect(await docker(['compose', 'up'])).toEqual({ stdout: '', stderr: "docker: 'docker compose' is a real docker command that dockersim does not simulate yet\n", exit: 1 });
    const gone = await docker(['compose', 'up'], { [`${SYSTEM}/docker-buildx`]: bin('docker-buildx') });
    expect(gone).toEqual({ stdout: '', stderr: "docker: unknown command: docker compose\n\nRun 'docker --help' for more information\n", exit: 1 });
  });
});

describe('docker build without the buildx plugin (processBuilder)', () => {
  const noBuildx = { [`${SYSTEM}/docker-compose`]: bin('docker-compose') };

  it('says the legacy builder is deprecated and to install buildx, then uses it', async () => {
    const r = await docker(['build', '--help'], noBuildx);
    expect(r.stderr).toBe('DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
      '            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\n');
    expect(r.stdout).toMatch(/^Usage: {2}docker build \[OPTIONS\] PATH \| URL \| -\n/);
  });

  it('fails with DOCKER_BUILDKIT=1, and `docker buildx` is an unknown command', async () => {
    expect(await docker(['build', '.'], noBuildx, { DOCKER_BUILDKIT: '1' })).toEqual({
      stdout: '', exit: 1,
      stderr: 'ERROR: BuildKit is enabled but the buildx component is missing or broken.\n       Install the buildx component to build images with BuildKit:\n       https://docs.docker.com/go/buildx/\n',
    });
    expect((await docker(['buildx', 'ls'], noBuildx)).stderr).toBe("docker: unknown command: docker buildx\n\nRun 'docker --help' for more information\n");
  });
});
