/**
 * The daemon's side of docker cp, export, save and load (moby daemon/archive*.go, image/tarexport): what the
 * archive endpoints answer, checked on a booted machine's daemon.
 */
import { describe, expect, it } from 'vitest';
import { readTar, writeTar, type TarEntry } from '../../../src/pkg/archive/tar.js';
import {
  containerArchivePath, containerExport, containerExtractToDir, containerStatPath,
} from '../../../src/engine/daemon/containerArchive.js';
import { imagesLoad, imagesSave } from '../../../src/engine/daemon/images/saveload.js';
import { imageImport } from '../../../src/engine/daemon/images/import.js';
import { boot, errOf, inDaemon } from './harness.js';

const base = { uid: 0, gid: 0, uname: '', gname: '', mtime: 1_764_000_000 };
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const tarOf = (entries: TarEntry[]): Uint8Array => writeTar(entries, { format: 'go' });
const names = (tar: Uint8Array): string[] => readTar(tar).entries.map((e) => e.name);
const put = { copyUIDGID: false, noOverwriteDirNonDir: true };

describe('container archive', () => {
  it('extracts into the writable layer, tars paths back with moby rebased names, and stats them', async () => {
    const h = boot();
    await inDaemon(h, async (d) => {
      d.containerCreate({ Image: 'busybox', Cmd: ['true'] }, {}, 'c1');
      containerExtractToDir(h.engine, 'c1', '/tmp', tarOf([
        { ...base, type: 'dir', name: 'data/', mode: 0o755 },
        { ...base, type: 'file', name: 'data/a.txt', mode: 0o640, uid: 1000, gid: 1000, data: text('hello\n') },
        { ...base, type: 'symlink', name: 'data/link', mode: 0o777, linkname: 'a.txt' },
      ]), put);
      expect(d.containerChanges('c1')).toEqual([
        { Kind: 0, Path: '/tmp' }, { Kind: 1, Path: '/tmp/data' }, { Kind: 1, Path: '/tmp/data/a.txt' }, { Kind: 1, Path: '/tmp/data/link' },
      ]);
      expect(names(containerArchivePath(h.engine, 'c1', '/tmp/data').tar)).toEqual(['data/', 'data/a.txt', 'data/link']);
      expect(names(containerArchivePath(h.engine, 'c1', '/tmp/data/.').tar)).toEqual(['./', './a.txt', './link']);
      const file = containerArchivePath(h.engine, 'c1', 'tmp/data/a.txt');
      expect(readTar(file.tar).entries.map((e) => [e.name, e.mode, e.uid, new TextDecoder().decode(e.data)])).toEqual([['a.txt', 0o640, 1000, 'hello\n']]);
      expect(file.stat).toMatchObject({ name: 'a.txt', size: 6, mode: 0o640 });
      expect(containerStatPath(h.engine, 'c1', '/tmp/data/link')).toMatchObject({ name: 'link', mode: 2 ** 27 + 0o777, linkTarget: '/tmp/data/a.txt' });
      expect(containerStatPath(h.engine, 'c1', '/tmp/data').mode).toBe(2 ** 31 + 0o755);
      expect(containerStatPath(h.engine, 'c1', '/tmp/data').mtime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    });
  });

  it("answers with moby's errors", async () => {
    const h = boot();
    await inDaemon(h, async (d) => {
      d.containerCreate({ Image: 'busybox', Cmd: ['true'] }, {}, 'c1');
      expect(await errOf(() => containerStatPath(h.engine, 'c1', '/nope'))).toBe('NotFound: Could not find the file /nope in container c1');
      expect(await errOf(() => containerArchivePath(h.engine, 'nosuch', '/'))).toBe('NotFound: No such container: nosuch');
      expect(await errOf(() => containerExtractToDir(h.engine, 'c1', '/etc/passwd', tarOf([]), put)))
        .toBe('InvalidParameter: extraction point is not a directory');
      expect(await errOf(() => containerExtractToDir(h.engine, 'c1', '/', tarOf([{ ...base, type: 'file', name: 'etc', mode: 0o644, data: text('') }]), put)))
        .toBe('System: cannot overwrite directory "/etc" with non-directory "/"');
      expect(await errOf(() => containerExtractToDir(h.engine, 'c1', '/etc', tarOf([{ ...base, type: 'dir', name: 'passwd/', mode: 0o755 }]), put)))
        .toBe('System: cannot overwrite non-directory "/etc/passwd" with directory "/etc"');
      expect(await errOf(() => containerExtractToDir(h.engine, 'c1', '/tmp', text('not a tar'), put))).toBe('System: unexpected EOF');
    });
  });

  it('writes through a volume into the volume, and refuses a read-only bind as Docker words it', async () => {
    const h = boot();
    await inDaemon(h, async (d) => {
      d.containerCreate({ Image: 'busybox', Cmd: ['true'] }, { Binds: ['vol1:/data', '/tmp:/ro:ro'] }, 'c1');
      containerExtractToDir(h.engine, 'c1', '/data', tarOf([{ ...base, type: 'file', name: 'v.txt', mode: 0o644, data: text('v') }]), put);
      const host = h.m.kernel.rootMnt.view({ cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 1 } });
      expect(host.readText('/var/lib/docker/volumes/vol1/_data/v.txt')).toBe('v');
      expect(d.containerChanges('c1').map((c) => c.Path)).not.toContain('/data/v.txt');
      expect(await errOf(() => containerExtractToDir(h.engine, 'c1', '/ro', tarOf([]), put))).toBe('InvalidParameter: mounted volume is marked read-only');
      // export is the root filesystem alone: the volume's file is not in it
      const exported = names(containerExport(h.engine, 'c1'));
      expect(exported).toContain('bin/');
      expect(exported).toContain('data/');
      expect(exported).not.toContain('data/v.txt');
      expect(exported.some((n) => n.startsWith('/') || n.startsWith('./'))).toBe(false);
    });
  });

  it('saves and loads images back to the same IDs, layers shared, and imports a tar as a one-layer image', async () => {
    const h = boot();
    await inDaemon(h, async (d) => {
      d.containerCreate({ Image: 'ubuntu', Cmd: ['true'] }, {}, 'c1');
      containerExtractToDir(h.engine, 'c1', '/', tarOf([{ ...base, type: 'file', name: 'made.txt', mode: 0o644, data: text('made') }]), put);
      const made = d.containerCommit('c1', { repo: 'made' });
      const ubuntu = h.engine.images.resolve('ubuntu').id;
      const tar = imagesSave(h.engine, ['made', 'ubuntu']);
      expect(names(tar).filter((n) => !/^blobs\/sha256\/./.test(n))).toEqual(['blobs/', 'blobs/sha256/', 'index.json', 'manifest.json', 'oci-layout', 'repositories']);
      const layerBefore = h.engine.images.get(ubuntu)!.layers[0];
      d.containerRm('c1', {});
      d.imageRemove('made');
      d.imageRemove('ubuntu');
      expect(imagesLoad(h.engine, tar, true)).toEqual([{ stream: 'Loaded image: made:latest\n' }, { stream: 'Loaded image: ubuntu:latest\n' }]);
      expect(h.engine.images.resolve('made').id).toBe(made);
      expect(h.engine.images.resolve('ubuntu').id).toBe(ubuntu);
      expect(h.engine.images.get(ubuntu)!.layers[0]).toBe(layerBefore);
      expect(h.engine.images.get(made)!.layers[0]).toBe(layerBefore);
      expect(imagesLoad(h.engine, imagesSave(h.engine, [made]), true)).toEqual([{ stream: `Loaded image ID: ${made}\n` }]);
      expect(await errOf(() => imagesLoad(h.engine, text('hello\n'), false))).toBe('System: unexpected EOF');

      const id = imageImport(h.engine, { src: '-', repo: 'docker.io/library/imp', tag: 'v1', message: 'm', changes: ['CMD ["/made.txt"]'], platform: '', data: containerExport(h.engine, d.containerCreate({ Image: 'made', Cmd: ['true'] }).Id) });
      const imp = h.engine.images.resolve('imp:v1');
      expect([imp.id, imp.layers.length, imp.config.Cmd, imp.history[0].comment]).toEqual([id, 1, ['/made.txt'], 'm']);
      expect(await errOf(() => imageImport(h.engine, { src: 'http://example.com/x.tar', repo: '', tag: '', message: '', changes: [], platform: '', data: new Uint8Array(0) })))
        .toBe('System: dockersim: importing from a URL (http://example.com/x.tar) is not simulated: download it first, then docker import FILE');
    });
  });
});
