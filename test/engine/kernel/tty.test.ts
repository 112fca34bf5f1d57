import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/engine/kernel/clock.js';
import { ptyMaster, ptySlave } from '../../../src/engine/kernel/pty.js';
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

describe('bytes on a terminal', () => {
  it('shows bytes written as UTF-8 text, a character split across writes whole, malformed bytes dropped as xterm.js drops them', () => {
    const tty = newTty();
    const shown: string[] = [];
    tty.onOutput((d) => void shown.push(d));
    const zh = new TextEncoder().encode('中文\n');
    const slave = ptySlave(tty);
    slave.tryWrite(zh.subarray(0, 2));
    slave.tryWrite(zh.subarray(2));
    slave.tryWrite(Uint8Array.of(0x41, 0xff, 0x42));
    slave.tryWrite(Uint8Array.of(0xe4));
    slave.tryWrite('text\n');
    expect(shown.join('')).toBe('中文\r\nABtext\r\n');
  });

  it('types bytes written to the master as keys, a character split across writes whole', () => {
    const tty = newTty();
    tty.setTermios({ echo: false });
    const master = ptyMaster(tty, new Scheduler(new VirtualClock(0)), () => {});
    const keys = new TextEncoder().encode('é\n');
    master.tryWrite(keys.subarray(0, 1));
    master.tryWrite(keys.subarray(1));
    expect(tty.tryRead()).toBe('é\n');
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
