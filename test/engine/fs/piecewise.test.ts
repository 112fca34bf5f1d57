/**
 * Content read and written in pieces: an apparent file's pieces are its produce() bytes a piece at a time, and a
 * file written from a stream keeps 4 KiB parts with repeats shared, joined only for a whole read.
 */
import { describe, expect, it } from 'vitest';
import { apparent, ApparentBytes } from '../../../src/engine/fs/apparent.js';
import { contentPieces, PiecewiseBytes } from '../../../src/engine/fs/deferred.js';
import { MemTree } from '../../../src/engine/fs/memtree.js';
import { gzipStore } from '../../../src/programs/apt/gzip.js';
import { concatBytes } from '../../../src/engine/kernel/chunks.js';
import { bytes } from './helpers.js';

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
const join = (it: Iterable<Uint8Array>): Uint8Array => concatBytes([...it].map((p) => p.slice()));

describe('apparent content in pieces', () => {
  for (const size of [40, 4096 + 40, 200_000, 1_446_024]) {
    it(`a binary of ${size} bytes reads the same in pieces, none over 64 KiB`, () => {
      const a = apparent('\x7fELF\x02\x01\x01\x00dockersim:bash\n', size) as ApparentBytes;
      const pieces = [...contentPieces(a)];
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(64 * 1024);
      expect(same(join(pieces), a.produce())).toBe(true);
    });
  }

  for (const size of [100, 5_003, 400_007]) {
    it(`a grown gzip of ${size} bytes reads the same in pieces`, () => {
      const a = apparent(gzipStore(bytes('Package: nginx\n')), size, 'gzip') as ApparentBytes;
      expect(same(join(contentPieces(a)), a.produce())).toBe(true);
    });
  }
});

describe('PiecewiseBytes', () => {
  it('keeps repeated parts once and joins to the bytes written', () => {
    const block = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) & 0xff);
    let c = PiecewiseBytes.start(bytes('head'), block.subarray(0, 4092));
    const written = [bytes('head'), block.subarray(0, 4092)];
    for (let i = 0; i < 100; i++) {
      c = c.plus(block);
      written.push(block);
    }
    expect(c.deferredSize).toBe(4096 * 101);
    expect(same(c.produce(), concatBytes(written))).toBe(true);
    expect(c.heldBytes()).toBeLessThanOrEqual(3 * 4096);
  });

  it('a file appended past 1 MiB keeps its pieces; a whole read gives all of it and leaves them', () => {
    const t = new MemTree();
    const piece = new Uint8Array(32 * 1024).fill(0x61);
    const opts = { append: true, mode: 0o644, uid: 0, gid: 0 };
    for (let i = 0; i < 64; i++) t.writeFile('/big', piece, opts);
    t.writeFile('/big', bytes('end'), opts);
    expect(t.lstat('/big').size).toBe(64 * 32 * 1024 + 3);
    const whole = t.readFile('/big');
    expect(whole.length).toBe(64 * 32 * 1024 + 3);
    expect(whole.subarray(-4)).toEqual(bytes('aend'));
    const node = t.root.children!.get('big')!;
    expect(node.deferred).toBeInstanceOf(PiecewiseBytes);
    // The first MiB as it was (one buffer), then one 32 KiB piece's parts shared by all that repeat it.
    expect((node.deferred as PiecewiseBytes).heldBytes()).toBeLessThan((1 << 20) + 8 * 1024);
  });
});
