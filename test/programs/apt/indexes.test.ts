import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ubuntuArchive } from '../../../src/engine/rootfs/packages/archive.js';
import type { Fs } from '../../../src/engine/kernel/fsTypes.js';
import { DOCKER_NOBLE_REPO } from '../../../src/engine/rootfs/packages/docker.js';
import { indexKey, indexStanza, packagesIndexText, poolPath, writeList } from '../../../src/programs/apt/state.js';

describe('the archive’s Packages indexes', () => {
  it('are the stanzas of the suite/component in archive order, the same text on every call', () => {
    const archive = ubuntuArchive('24.04');
    // The host's own packages (nobleHost.ts) stay out of the lists' text, so containers' lists are unchanged.
    const fresh = [...archive.packages.values()].filter((p) => p.suite === 'noble' && p.component === 'main' && !p.hostOnly).map(indexStanza).join('\n');
    expect(packagesIndexText(archive, 'noble', 'main')).toBe(fresh);
    expect(packagesIndexText(archive, 'noble', 'main')).toBe(fresh);
  });

  it('are gzipped once and handed to every container’s file system as one array (the file system copies it)', () => {
    const written: Array<{ path: string; data: string | Uint8Array }> = [];
    const fs = { writeFile: (path: string, data: string | Uint8Array) => written.push({ path, data }) } as unknown as Fs;
    const text = packagesIndexText(ubuntuArchive('24.04'), 'noble', 'main');
    writeList(fs, 'a_Packages.gz', text, true);
    writeList(fs, 'b_Packages.gz', text, true);
    writeList(fs, 'c_InRelease', 'Origin: Ubuntu\n', false);
    const [a, b, c] = written;
    expect(a.data).toBeInstanceOf(Uint8Array);
    expect(b.data).toBe(a.data);
    expect(new TextDecoder().decode(gunzipSync(a.data as Uint8Array))).toBe(text);
    expect(c).toEqual({ path: '/var/lib/apt/lists/c_InRelease', data: 'Origin: Ubuntu\n' });
  });
});

describe('Docker’s repository', () => {
  const archive = ubuntuArchive('24.04');

  it('serves its own noble/stable index, with the host’s Docker versions in its pool', () => {
    const text = packagesIndexText(archive, 'noble', 'stable', DOCKER_NOBLE_REPO);
    const names = [...text.matchAll(/^Package: (.*)$/gm)].map((m) => m[1]);
    expect(names.sort()).toEqual(['containerd.io', 'docker-buildx-plugin', 'docker-ce', 'docker-ce-cli', 'docker-ce-rootless-extras', 'docker-compose-plugin']);
    expect(text).toContain('Package: docker-ce-cli\nSource: docker-ce\nVersion: 5:28.2.2-1~ubuntu.24.04~noble\nArchitecture: amd64\n');
    expect(text).toContain('Version: 5:28.2.2-1~ubuntu.24.04~noble\n');
    expect(text).toContain('Filename: dists/noble/pool/stable/amd64/docker-ce_28.2.2-1~ubuntu.24.04~noble_amd64.deb\n');
    expect(text).toContain('Filename: dists/noble/pool/stable/amd64/containerd.io_1.7.27-1_amd64.deb\n');
    expect(text).toContain('Maintainer: Docker <support@docker.com>\n');
    expect(text).not.toContain('Origin: Ubuntu');
  });

  it('is not in Ubuntu’s indexes, and Ubuntu’s packages are not in its index', () => {
    for (const [suite, comp] of [['noble', 'main'], ['noble-updates', 'main'], ['noble', 'universe']]) {
      const text = packagesIndexText(archive, suite, comp);
      expect(text).not.toContain('Package: docker-ce');
      expect(text).not.toContain('Package: sudo\n');
    }
    expect(packagesIndexText(archive, 'noble', 'main', DOCKER_NOBLE_REPO)).toBe('');
  });

  it('makes its packages known only through its own index (indexKey names the repository)', () => {
    const ce = archive.packages.get('docker-ce')!;
    expect(indexKey(ce)).toBe('https://download.docker.com/linux/ubuntu noble/stable');
    expect(indexKey(archive.packages.get('curl')!)).toBe('noble-updates/main');
    expect(poolPath(archive.packages.get('curl')!)).toBe('pool/main/c/curl/curl_8.5.0-2ubuntu10.4_amd64.deb');
    expect(ce.hostOnly).toBe(true);
    expect(archive.repositories).toEqual([DOCKER_NOBLE_REPO]);
    expect(ubuntuArchive('22.04').repositories).toEqual([]);
  });
});
