/**
 * `docker cp`, `export`, `save`, `load` and `import` through the real docker CLI 28.2.2 against the HTTP daemon,
 * byte for byte against the in-sim CLI on the same daemon: tar streams on stdout, and every error the client or
 * the daemon words. (Paths on the client's side are the real machine's for one and the simulated host's for the
 * other, so only commands that do not read or write local files are compared here; the transcripts cover those.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveDockerCli, type Result, sameOnDaemon, simDockerRun, type TestDaemon, testDaemon } from './helpers.js';

const HAVE_DOCKER = await haveDockerCli();
let a: TestDaemon;

describe.skipIf(!HAVE_DOCKER)('tar streams through the real docker CLI', () => {
  beforeAll(async () => {
    a = await testDaemon({ clock: { kind: 'manual' }, seed: 5, bootEpochMs: Date.now() - 60_000 });
    const r = await simDockerRun(a.host, ['run', '--name', 'c1', 'ubuntu', 'sh', '-c', 'mkdir /d && echo hi > /d/hi && ln -s hi /d/l'], { drive: true, stepMs: 1000 });
    expect(r.code).toBe(0);
  }, 120_000); // a daemon boot plus a whole `docker run` through the real CLI: seconds, more on a loaded machine

  afterAll(async () => {
    await a?.close();
  });

  const same = (args: string[]): Promise<Result> => sameOnDaemon(a, args);

  it('docker cp to stdout streams the same tar; its errors read the same', async () => {
    const file = await same(['cp', 'c1:/d/hi', '-']);
    expect(file.stdout.length).toBe(2048);
    expect(file.stdout.startsWith('hi\0')).toBe(true);
    expect((await same(['cp', 'c1:/d', '-'])).stdout).toContain('d/l\0');
    expect((await same(['cp', '-L', 'c1:/d/l', '-'])).code).toBe(0);
    expect(await same(['cp', 'c1:/nope', '-'])).toEqual({ stdout: '', stderr: 'Error response from daemon: Could not find the file /nope in container c1\n', code: 1 });
    expect((await same(['cp', 'nosuch:/x', '-'])).stderr).toBe('Error response from daemon: No such container: nosuch\n');
    expect((await same(['cp', 'a', 'b'])).stderr).toBe('must specify at least one container source\n');
    expect((await same(['cp', 'c1:/a', 'c1:/b'])).stderr).toBe('copying between containers is not supported\n');
    expect((await same(['cp', '', 'b'])).stderr).toBe('source can not be empty\n');
    expect((await same(['cp', 'c1:/d', '']))).toMatchObject({ code: 1 });
    expect((await same(['cp', '-', 'c1:/d/hi'])).stderr).toBe('destination "c1:/d/hi" must be a directory\n');
  });

  it('export and save stream the same archives; save and load word their errors the same', async () => {
    expect((await same(['export', 'c1'])).stdout).toContain('d/hi\0');
    const saved = await same(['save', 'ubuntu']);
    expect(saved.stdout).toContain('manifest.json\0');
    expect(saved.stdout).toContain('oci-layout\0');
    expect((await same(['save', 'nosuch'])).stderr).toBe('Error response from daemon: No such image: nosuch:latest\n');
    // atomicwriter checks the output before the daemon is asked
    expect((await same(['save', '-o', '/nonexist/x.tar', 'nosuch'])).stderr).toBe('failed to save image: invalid output path: stat /nonexist: no such file or directory\n');
    expect((await same(['export', '-o', '/nonexist/x.tar', 'nosuch'])).stderr).toBe('failed to export container: invalid output path: stat /nonexist: no such file or directory\n');
    expect((await same(['load'])).stderr).toMatch(/^Error response from daemon: open \/var\/lib\/docker\/tmp\/docker-import-\d+\/repositories: no such file or directory\n$/);
    expect((await same(['load', '-i', '/nonexistent/x.tar'])).stderr).toBe('open /nonexistent/x.tar: no such file or directory\n');
    expect((await same(['import', '/nonexistent/x.tar'])).stderr).toBe('open /nonexistent/x.tar: no such file or directory\n');
    expect((await same(['import', 'http://example.com/x.tar'])).code).toBe(1);
  });

  it('docker search sends its filters (the in-sim client dropped them) and both print what the daemon filtered', async () => {
    expect((await same(['search', '--filter', 'is-official=true', 'ubuntu'])).stdout.split('\n').length).toBe(3);
    expect((await same(['search', '--filter', 'stars=100', '--filter', 'is-official=false', '--limit', '3', 'ubuntu'])).code).toBe(0);
    expect((await same(['search', '--filter', 'bogus=1', 'ubuntu'])).stderr).toBe("Error response from daemon: invalid filter 'bogus'\n");
  });
});
