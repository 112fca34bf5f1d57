import { describe, expect, it } from 'vitest';
import { Layer } from '../../../src/engine/fs/layer.js';
import { IMAGES, ROOTFS, type ImageRef } from '../../../src/engine/rootfs/index.js';
import { sizeTree } from '../../../src/engine/rootfs/sizes.js';
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
});
