/**
 * `docker volume ls`, `inspect`, `rm` and a container's Mounts through the real docker CLI 28.2.2 against the
 * HTTP daemon, byte for byte against the in-sim CLI on the same daemon.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveDockerCli, type Result, sameOnDaemon, simDockerRun, testDaemon, type TestDaemon } from './helpers.js';

const HAVE_DOCKER = await haveDockerCli();
let a: TestDaemon;

describe.skipIf(!HAVE_DOCKER)('volumes through the real docker CLI', () => {
  beforeAll(async () => {
    a = await testDaemon({ clock: { kind: 'manual' }, seed: 3, bootEpochMs: Date.now() - 120_000 });
    for (const args of [
      ['volume', 'create', 'website'],
      ['volume', 'create', '--label', 'env=dev', 'cache'],
      ['run', '-d', '--name', 'db', '-v', 'website:/data', '-v', '/srv/site:/site:ro', 'redis'],
    ]) expect((await simDockerRun(a.host, args, { drive: true, stepMs: 1000 })).code).toBe(0);
  });

  afterAll(async () => {
    await a?.close();
  });

  const same = (args: string[]): Promise<Result> => sameOnDaemon(a, args);

  it('volume ls, its filters and formats print the same', async () => {
    const ls = (await same(['volume', 'ls'])).stdout.split('\n');
    expect(ls[0]).toBe('DRIVER    VOLUME NAME');
    // redis' VOLUME /data is taken by the named volume: no anonymous volume for it.
    expect(ls.slice(1)).toEqual(['local     cache', 'local     website', '']);
    expect((await same(['volume', 'ls', '-q', '--filter', 'dangling=true'])).stdout).toBe('cache\n');
    expect((await same(['volume', 'ls', '--filter', 'label=env', '--format', '{{.Name}} {{.Labels}} {{.Mountpoint}}'])).stdout)
      .toBe('cache env=dev /var/lib/docker/volumes/cache/_data\n');
    await same(['volume', 'ls', '--format', 'json']);
  });

  it('volume inspect and its errors print the same', async () => {
    const out = (await same(['volume', 'inspect', 'website'])).stdout;
    expect(out).toContain('"Mountpoint": "/var/lib/docker/volumes/website/_data",\n');
    expect(out).toContain('"Labels": null,\n');
    expect((await same(['volume', 'inspect', '-f', '{{.Labels}}', 'cache'])).stdout).toBe('map[env:dev]\n');
    expect((await same(['volume', 'inspect', 'nope'])).stderr).toBe('Error response from daemon: get nope: no such volume\n');
    const inUse = await same(['volume', 'rm', 'website']);
    expect(inUse.stderr).toMatch(/^Error response from daemon: remove website: volume is in use - \[[0-9a-f]{64}\]\n$/);
    expect(inUse.code).toBe(1);
  });

  it('a container\'s Mounts print the same', async () => {
    // `{{json .Mounts}}`, `.Name` and `.Driver` are left out: the real CLI reads a typed struct (field order, ""
    // for an omitted field), the in-sim CLI a map (sorted keys, <no value>).
    const f = '{{range .Mounts}}{{.Type}} {{.Source}} {{.Destination}} {{.Mode}} {{.RW}} {{.Propagation}};{{end}}';
    expect((await same(['inspect', '-f', f, 'db'])).stdout).toBe(
      'volume /var/lib/docker/volumes/website/_data /data z true ;bind /srv/site /site ro false rprivate;\n');
    expect((await same(['inspect', 'db'])).stdout).toContain('"Mounts": [\n            {\n                "Type": "volume",\n                "Name": "website",\n');
    expect((await same(['ps', '--filter', 'volume=website', '--format', '{{.Names}} {{.Mounts}}'])).stdout).toBe('db website,/srv/site\n');
  });

  it('system df counts the volumes, and -v lists them, as the real CLI prints them', async () => {
    const df = (await same(['system', 'df'])).stdout;
    expect(df).toMatch(/\nLocal Volumes +2 +1 +0B +0B\n/);
    const v = (await same(['system', 'df', '-v'])).stdout;
    expect(v).toContain('Local Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\n');
    expect(v).toMatch(/\nwebsite +1 +0B\n/);
    expect(v).toMatch(/\ncache +0 +0B\n/);
    await same(['system', 'df', '-v', '--format', '{{range .Volumes}}{{.Name}}:{{.Links}} {{end}}']);
  });
});
