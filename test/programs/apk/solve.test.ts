import { describe, expect, it } from 'vitest';
import { ALPINE_321_INDEX } from '../../../src/engine/rootfs/packages/alpine321.js';
import { keptBy, solve } from '../../../src/programs/apk/solve.js';

/** alpine:3.21's packages curl needs that the image already has (dependencies not recorded: leaves here). */
const BASE = new Map<string, readonly string[]>([['ca-certificates-bundle', []], ['zlib', []], ['busybox-binsh', []]]);

describe('apk solve', () => {
  it('installs dependencies depth first in the index order, as apk add curl prints them', () => {
    const s = solve(['curl', ...BASE.keys()], BASE, ALPINE_321_INDEX);
    expect(s.missing).toEqual([]);
    expect(s.purge).toEqual([]);
    expect(s.install.map((p) => p.name)).toEqual([
      'brotli-libs', 'c-ares', 'libunistring', 'libidn2', 'nghttp2-libs', 'libpsl', 'zstd-libs', 'libcurl', 'curl',
    ]);
  });

  it('reports world names nothing offers, sorted, and installs nothing for them', () => {
    const s = solve(['ngin', 'curl', 'aaa'], BASE, new Map());
    expect(s.missing).toEqual(['aaa', 'curl', 'ngin']);
    expect(s.install).toEqual([]);
  });

  it('purges what no world name needs, dependents before their dependencies', () => {
    const installed = new Map(BASE);
    for (const p of solve(['bash', 'busybox-binsh'], BASE, ALPINE_321_INDEX).install) installed.set(p.name, p.depends);
    const s = solve([...BASE.keys()], installed, ALPINE_321_INDEX);
    expect(s.install).toEqual([]);
    expect(s.purge).toEqual(['bash', 'readline', 'libncursesw', 'ncurses-terminfo-base']);
  });

  it('keeps a dependency another world package needs and names that package', () => {
    const installed = new Map<string, readonly string[]>([['curl', ['libcurl']], ['libcurl', ['zlib']], ['zlib', []]]);
    expect(keptBy('libcurl', ['curl'], installed)).toEqual(['curl']);
    expect(keptBy('libcurl', [], installed)).toEqual([]);
  });
});
