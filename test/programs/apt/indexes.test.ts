import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ubuntuArchive } from '../../../src/engine/rootfs/packages/archive.js';
import type { Fs } from '../../../src/engine/kernel/fsTypes.js';
import { indexStanza, packagesIndexText, writeList } from '../../../src/programs/apt/state.js';

describe('the archive’s Packages indexes', () => {
  it('are the stanzas of the suite/component in archive order, the same text on every call', () => {
    const archive = ubuntuArchive('24.04');
    const fresh = [...archive.packages.values()].filter((p) => p.suite === 'noble' && p.component === 'main').map(indexStanza).join('\n');
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
