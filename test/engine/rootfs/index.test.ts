import { describe, expect, it } from 'vitest';
import { IMAGES, ROOTFS, imageMtime } from '../../../src/engine/rootfs/index.js';
import { orphanEntries } from './tree-check.js';

describe('ROOTFS', () => {
  it('builds a fresh, well-formed tree for every image and the host', () => {
    for (const [name, build] of Object.entries(ROOTFS)) {
      const a = (build as () => object)();
      const b = (build as () => object)();
      expect(a, name).not.toBe(b);
      expect(a, name).toEqual(b);
      expect(orphanEntries(a as never), name).toEqual([]);
    }
  });

  it('has metadata for every image tree', () => {
    expect(Object.keys(IMAGES).sort()).toEqual(Object.keys(ROOTFS).filter((k) => k !== 'host').sort());
    expect(IMAGES['ubuntu:24.04'].cmd).toEqual(['/bin/bash']);
    expect(IMAGES['busybox:1.37'].cmd).toEqual(['sh']);
    expect(IMAGES['alpine:3.21'].cmd).toEqual(['/bin/sh']);
    for (const m of Object.values(IMAGES)) {
      expect(m.env[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
      expect(Number.isNaN(Date.parse(m.created))).toBe(false);
    }
    expect(IMAGES['ubuntu:24.04'].aliases).toContain('latest');
    expect(IMAGES['nginx:1.27.4']).toMatchObject({ entrypoint: ['/docker-entrypoint.sh'], exposedPorts: ['80/tcp'], stopSignal: 'SIGQUIT' });
    expect(IMAGES['nginx:1.27.4'].env).toContain('NGINX_VERSION=1.27.4');
  });

  it('stamps files with the image build time', () => {
    const t = ROOTFS['busybox:1.37']();
    expect(t['/bin/busybox']).toMatchObject({ mtimeMs: imageMtime('busybox:1.37') });
    expect(imageMtime('busybox:1.37')).toBe(Date.UTC(2024, 8, 26, 21, 31, 42));
  });
});
