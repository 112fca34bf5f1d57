/**
 * `docker save` of a large image as the daemon streams it: the archive is made a piece at a time (no piece over
 * 64 KiB, so what is held at once is bounded whatever the image's size), the same bytes as the whole archive,
 * and a file that keeps the stream's pieces holds a fraction of them; loaded back it is the same image.
 */
import { describe, expect, it } from 'vitest';
import { imagesLoad, imagesSave, imagesSaveSource } from '../../../src/engine/daemon/images/saveload.js';
import { PiecewiseBytes } from '../../../src/engine/fs/deferred.js';
import { writeTarBody } from '../../../src/api/router/archive/routes.js';
import type { ResponseWriter } from '../../../src/api/server/types.js';
import { boot, inDaemon } from './harness.js';

describe('streamed docker save', () => {
  it('makes ubuntu’s 79 MB archive in pieces of at most 64 KiB; kept as parts it holds a few MB; it loads back', async () => {
    const h = boot();
    await inDaemon(h, async (d) => {
      const id = h.engine.images.resolve('ubuntu').id;
      const src = imagesSaveSource(h.engine, ['ubuntu']);
      expect(src.size).toBeGreaterThan(70_000_000);
      let largest = 0;
      for (const p of src.pieces()) largest = Math.max(largest, p.length);
      expect(largest).toBeLessThanOrEqual(64 * 1024);
      // Through the route's writer, as the CLI's -o keeps what arrives: 32 KiB writes, parts shared.
      let file: Uint8Array = new Uint8Array(0);
      const w = {
        write: async (p: string | Uint8Array) => {
          if (typeof p === 'string' || p.length > 32 * 1024) throw new Error('a write of a whole archive');
          file = file instanceof PiecewiseBytes ? file.plus(p) : file.length === 0 ? p.slice() : PiecewiseBytes.start(file, p);
        },
      };
      await writeTarBody({ w: w as unknown as ResponseWriter }, src);
      const kept = file as PiecewiseBytes;
      expect(kept.deferredSize).toBe(src.size);
      expect(kept.heldBytes()).toBeLessThan(src.size / 10);
      const whole = kept.produce();
      expect(Buffer.from(whole).equals(Buffer.from(imagesSave(h.engine, ['ubuntu'])))).toBe(true);
      d.imageRemove('ubuntu', { force: true, prune: true });
      expect(imagesLoad(h.engine, whole, false)).toEqual([{ stream: 'Loaded image: ubuntu:latest\n' }]);
      expect(h.engine.images.resolve('ubuntu').id).toBe(id);
    });
  });
});
