/** Regular files and /dev's character devices read and written as bytes or text. */
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import { DEV } from '../../../src/engine/kernel/fsTypes.js';
import type { Program } from '../../../src/engine/kernel/sys.js';
import { BOOT, world } from '../../programs/coreutils/harness.js';
import { MemMounts } from '../../programs/coreutils/fakefs.js';

async function inKernel(body: Program, setup?: (w: ReturnType<typeof world>) => void): Promise<ReturnType<typeof world>> {
  const w = world();
  w.fs.mknod('/dev/zero', 'chardev', 0o666, DEV.zero, 0, 0);
  w.fs.mknod('/dev/urandom', 'chardev', 0o666, DEV.urandom, 0, 0);
  setup?.(w);
  const k = new Kernel({ seed: 1, bootEpochMs: BOOT, hostname: 'host', rootMnt: new MemMounts(w.fs), programs: new Map() });
  k.startInit(body, ['init']);
  await k.run({ until: 60_000 });
  if (k.faults.length) throw k.faults[0].error;
  return w;
}

describe('regular files and devices carry bytes', () => {
  it('writes bytes as they are and reads them back exactly', async () => {
    const got: unknown[] = [];
    const w = await inKernel(async (sys) => {
      const fd = sys.open('/tmp/x.gz', 'w');
      await sys.write(fd, Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0xff, 0xc3));
      await sys.write(fd, 'é');
      sys.close(fd);
      const r = sys.open('/tmp/x.gz', 'r');
      got.push([...(await sys.readBytes(r, 2))!], [...(await sys.readBytes(r))!], await sys.readBytes(r));
      return 0;
    });
    expect(got).toEqual([[0x1f, 0x8b], [0x08, 0x00, 0xff, 0xc3, 0xc3, 0xa9], null]);
    expect([...w.fs.readFile('/tmp/x.gz')]).toEqual([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xc3, 0xc3, 0xa9]);
  });

  it('never ends a read of text inside a character, at the 64 KiB read size or at a short count', async () => {
    const got: string[] = [];
    await inKernel(
      async (sys) => {
        const r = sys.open('/tmp/t', 'r');
        for (let d = await sys.read(r); d !== null; d = await sys.read(r)) got.push(d);
        const s = sys.open('/tmp/t', 'r');
        await sys.read(s, 65535);
        got.push((await sys.read(s, 1))!);
        return 0;
      },
      (w) => w.file('/tmp/t', `${'a'.repeat(65535)}中文`),
    );
    expect(got[0]).toBe('a'.repeat(65535));
    expect(got.slice(1)).toEqual(['中文', '中']);
  });

  it('/dev/zero gives NUL bytes, /dev/urandom seeded bytes of any value, /dev/null end of file', async () => {
    const got: unknown[] = [];
    await inKernel(async (sys) => {
      const z = sys.open('/dev/zero', 'r');
      got.push([...(await sys.readBytes(z, 3))!]);
      const u = sys.open('/dev/urandom', 'r');
      const seen = new Set<number>();
      for (let i = 0; i < 40; i++) for (const b of (await sys.readBytes(u))!) seen.add(b);
      got.push(seen.size, await sys.readBytes(sys.open('/dev/null', 'r')));
      return 0;
    });
    expect(got).toEqual([[0, 0, 0], 256, null]);
  });
});
