import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/engine/kernel/clock.js';
import { ptySlave } from '../../../src/engine/kernel/pty.js';
import { Scheduler } from '../../../src/engine/kernel/scheduler.js';
import { Tty } from '../../../src/engine/kernel/tty.js';

const newTty = (): Tty => new Tty('pts/0', new Scheduler(new VirtualClock(0)), () => {});

describe('tty output (ONLCR)', () => {
  it('turns each newline into CR LF and leaves an existing CR LF alone', () => {
    const tty = newTty();
    const shown: string[] = [];
    tty.onOutput((d) => void shown.push(d));
    for (const w of ['a\nb\n', 'c\r\nd', 'no newline', 'a\nb\n', '\r\r\n\n']) ptySlave(tty).tryWrite(w);
    tty.setTermios({ onlcr: false });
    ptySlave(tty).tryWrite('raw\n');
    expect(shown).toEqual(['a\r\nb\r\n', 'c\r\nd', 'no newline', 'a\r\nb\r\n', '\r\r\n\r\n', 'raw\n']);
  });

  it('keeps what `yes` shows as flat text, not a string per line (heap bound, not time)', () => {
    const tty = newTty();
    const kept: string[] = [];
    tty.onOutput((d) => void kept.push(d));
    const before = process.memoryUsage().heapUsed;
    // 2,000 distinct 4 KiB writes of 2,048 lines each, as `yes` makes them (12 MB shown).
    for (let i = 0; i < 2000; i++) ptySlave(tty).tryWrite(`${i % 10}\n`.repeat(2048));
    const grown = process.memoryUsage().heapUsed - before;
    // Flat: ~12 MB. A global regexp replace kept ~130 KB per write here (~260 MB).
    expect(grown).toBeLessThan(100e6);
    expect(kept.length).toBe(2000);
  });
});

describe('tty input queue', () => {
  it('hands 200,000 keys typed at once to one-key raw reads in order', () => {
    const tty = newTty();
    tty.setTermios({ icanon: false, echo: false });
    const keys = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    tty.input(keys);
    expect(tty.pendingInput).toBe(200_000);
    let got = '';
    for (let r = tty.tryRead(1); typeof r === 'string'; r = tty.tryRead(1)) got += r;
    expect(got).toBe(keys);
    expect(tty.pendingInput).toBe(0);
  }, 60_000);
});
