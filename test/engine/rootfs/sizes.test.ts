import { describe, expect, it } from 'vitest';
import { Layer } from '../../../src/engine/fs/layer.js';
import { IMAGES, ROOTFS, type ImageRef } from '../../../src/engine/rootfs/index.js';
import { sizePackage, sizeTree } from '../../../src/engine/rootfs/sizes.js';
import { gunzip } from '../../../src/pkg/archive/gzip.js';
import { packageFiles } from '../../../src/engine/rootfs/packages/contents.js';
import { binaryContent } from '../../../src/engine/kernel/binfmt.js';

describe('image file sizes', () => {
  it.each(['ubuntu:24.04', 'alpine:3.21', 'busybox:1.37', 'nginx:1.27.4', 'registry:2'] as ImageRef[])(
    "%s's layer weighs what Docker Hub's image does",
    (ref) => {
      const layer = Layer.fromTree(ROOTFS[ref]());
      expect(layer.size).toBe(IMAGES[ref].size);
    },
  );

  it("ubuntu's bash has its real size; a library weighs more than a small program", () => {
    const l = Layer.fromTree(ROOTFS['ubuntu:24.04']());
    expect(l.lstat('/usr/bin/bash').size).toBe(1_446_024);
    expect(l.lstat('/usr/lib/x86_64-linux-gnu/libc.so.6').size).toBeGreaterThan(l.lstat('/usr/bin/ls').size);
  });

  it('one program under several names takes one share (busybox applets are hard links of /bin/busybox)', () => {
    const t = sizeTree({
      '/bin/busybox': { type: 'file', content: binaryContent('busybox'), mode: 0o755 },
      '/bin/ls': { type: 'file', content: binaryContent('busybox'), mode: 0o755 },
      '/bin/cat': { type: 'file', content: binaryContent('busybox'), mode: 0o755 },
      '/etc/motd': { type: 'file', content: 'hi\n' },
    }, 1_000_000);
    const l = Layer.fromTree(t);
    expect(l.lstat('/bin/busybox').size).toBe(1_000_000 - 3 - 2 * binaryContent('busybox').length);
    expect(l.lstat('/bin/ls').size).toBe(binaryContent('busybox').length);
    expect(l.size).toBe(1_000_000);
  });

  describe('a package at its Installed-Size', () => {
    const changelog = { path: '/usr/share/doc/nginx-common/changelog.Debian.gz', text: 'nginx (1.24.0-2ubuntu7.1) noble; urgency=medium\n' };

    it('a data-only package (no ELF in the model) weighs it through its changelog.Debian.gz, which zcat still reads', () => {
      const files = packageFiles('nginx-common', '24.04', { sharedLib: false, mtimeMs: 0 });
      const t = sizePackage(files, 239 * 1024, changelog);
      const l = Layer.fromTree(t);
      expect(l.size).toBe(239 * 1024);
      expect(new TextDecoder().decode(gunzip(l.readFile(changelog.path)).data)).toBe(changelog.text);
      // Named as the .deb orders them: changelog before copyright, nothing else moved.
      const keys = Object.keys(t);
      expect(keys.indexOf(changelog.path)).toBe(keys.indexOf('/usr/share/doc/nginx-common/copyright') - 1);
      expect(keys.filter((k) => k !== changelog.path)).toEqual(Object.keys(files));
      // The same package always makes the same layer.
      expect(Layer.fromTree(sizePackage(files, 239 * 1024, changelog)).digest).toBe(l.digest);
    });

    it('a package with machine code keeps it as the carrier and gets no changelog', () => {
      const files = packageFiles('curl', '24.04', { sharedLib: false, mtimeMs: 0 });
      const t = sizePackage(files, 500 * 1024, { ...changelog, path: '/usr/share/doc/curl/changelog.Debian.gz' });
      expect(t['/usr/share/doc/curl/changelog.Debian.gz']).toBeUndefined();
      expect(Layer.fromTree(t).size).toBe(500 * 1024);
    });
  });
});
