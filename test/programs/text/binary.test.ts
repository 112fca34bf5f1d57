/**
 * Binary data through pipes: archives and compressed streams cross a pipe as bytes, with no recognising of
 * magic numbers, and tools that pass data on keep it exact.
 */
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import type { Program, Sys } from '../../../src/engine/kernel/sys.js';
import { coreutils } from '../../../src/programs/coreutils/index.js';
import { gzip } from '../../../src/programs/text/gzip.js';
import { tar } from '../../../src/programs/text/tar.js';
import { BOOT, world, type World } from '../coreutils/harness.js';
import { MemMounts } from '../coreutils/fakefs.js';

const extra: Record<string, Program> = { tar, gzip, gunzip: gzip, zcat: gzip };

/** Runs `stages` as a pipeline (stdin: `input`), in /home/user as root; stdout as bytes, stderr as text. */
async function pipeline(w: World, stages: string[][], input: string | Uint8Array = ''): Promise<{ out: Uint8Array; err: string; statuses: number[] }> {
  const k = new Kernel({ seed: 1, bootEpochMs: BOOT, hostname: 'host', rootMnt: new MemMounts(w.fs), programs: new Map(Object.entries({ ...coreutils, ...extra })) });
  const out: number[] = [];
  let err = '';
  const statuses: number[] = [];
  let done = false;
  const env = { PATH: '/usr/bin:/bin' };
  const cred = { uid: 0, gid: 0, groups: [0] };
  k.startInit(async (sys: Sys) => {
    const [inR, inW] = sys.pipe();
    const [errR, errW] = sys.pipe();
    let prev = inR;
    const pids: number[] = [];
    let outR = -1;
    for (let i = 0; i < stages.length; i++) {
      const [r, wr] = sys.pipe();
      pids.push(sys.spawn({ path: `/usr/bin/${stages[i][0]}`, argv: stages[i], env, cwd: '/home/user', cred, fds: { 0: prev, 1: wr, 2: errW } }));
      sys.close(prev);
      sys.close(wr);
      prev = r;
      outR = r;
    }
    sys.close(errW);
    await sys.write(inW, input);
    sys.close(inW);
    for (let b = await sys.readBytes(outR); b !== null; b = await sys.readBytes(outR)) out.push(...b);
    for (let e = await sys.read(errR); e !== null; e = await sys.read(errR)) err += e;
    for (const pid of pids) statuses.push((await sys.wait(pid))!.status);
    done = true;
    return 0;
  }, ['init']);
  await k.run({ until: 600_000, stop: () => done });
  if (k.faults.length) throw k.faults[0].error;
  return { out: Uint8Array.from(out), err, statuses };
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

function setup(): World {
  const w = world(extra);
  w.dir('/home/user/dir', 0o755, 0);
  w.file('/home/user/dir/a.txt', 'hello 世界\n', 0o644, 0, BOOT);
  w.file('/home/user/dir/b.txt', 'x'.repeat(3000), 0o644, 0, BOOT);
  w.fs.writeFile('/home/user/bin.dat', Uint8Array.from({ length: 256 }, (_, i) => i), { mode: 0o644, uid: 0, gid: 0 });
  return w;
}

describe('binary data through pipes', () => {
  it('tar czf - dir | tar tzf - lists the archive', async () => {
    const r = await pipeline(setup(), [['tar', 'czf', '-', 'dir'], ['tar', 'tzf', '-']]);
    expect([r.err, r.statuses]).toEqual(['', [0, 0]]);
    expect(text(r.out)).toBe('dir/\ndir/a.txt\ndir/b.txt\n');
  });

  it('tar cf - | tar xOf - gives a member back; an uncompressed tar crosses a pipe too', async () => {
    const r = await pipeline(setup(), [['tar', 'cf', '-', 'dir/a.txt'], ['tar', 'xOf', '-']]);
    expect(text(r.out)).toBe('hello 世界\n');
  });

  it('cat x.gz | gunzip and gzip -c | zcat give back every byte, and gunzip reads a file written by gzip -c >', async () => {
    const w = setup();
    const gz = await pipeline(w, [['gzip', '-c', 'bin.dat']]);
    expect([gz.out[0], gz.out[1]]).toEqual([0x1f, 0x8b]);
    w.fs.writeFile('/home/user/x.gz', gz.out, { mode: 0o644, uid: 0, gid: 0 });
    const back = await pipeline(w, [['cat', 'x.gz'], ['gunzip']]);
    expect(back.out).toEqual(w.fs.readFile('/home/user/bin.dat'));
    const round = await pipeline(w, [['cat', 'bin.dat'], ['gzip', '-c'], ['zcat']]);
    expect(round.out).toEqual(w.fs.readFile('/home/user/bin.dat'));
  });

  it('gzip -c f | od -c | head shows the magic bytes as od does', async () => {
    const r = await pipeline(setup(), [['gzip', '-c', 'dir/a.txt'], ['od', '-c'], ['head', '-n', '1']]);
    expect(text(r.out)).toMatch(/^0000000 037 213 {2}\\b {2}\\b /);
  });

  it('high bytes through a pipe into od, and head -c / tee / cat pass bytes on exactly', async () => {
    const w = setup();
    const od = await pipeline(w, [['cat'], ['od', '-An', '-tx1']], Uint8Array.of(0x00, 0x7f, 0x80, 0xfe, 0xff));
    expect(text(od.out)).toBe(' 00 7f 80 fe ff\n');
    const head = await pipeline(w, [['head', '-c', '3']], new TextEncoder().encode('é世'));
    expect([...head.out]).toEqual([0xc3, 0xa9, 0xe4]);
    const tee = await pipeline(w, [['tee', '/tmp/copy'], ['cat']], Uint8Array.of(0xff, 0x00, 0xc3));
    expect([...tee.out]).toEqual([0xff, 0x00, 0xc3]);
    expect([...w.fs.readFile('/tmp/copy')]).toEqual([0xff, 0x00, 0xc3]);
  });

  it("printf's and echo -e's escaped bytes reach the pipe as bytes, beside UTF-8 text", async () => {
    const w = setup();
    const p = await pipeline(w, [['printf', '\\xe4\\xb8\\xad\\377中'], ['od', '-An', '-tx1']]);
    expect(text(p.out)).toBe(' e4 b8 ad ff e4 b8 ad\n');
    const e = await pipeline(w, [['echo', '-e', '\\0303\\0251'], ['cat']]);
    expect(text(e.out)).toBe('é\n');
  });
});
