import { describe, expect, it } from 'vitest';
import { linkTerminal, type Emulator, type MasterTty } from '../../src/ui/terminalLink.js';

class FakeTty implements MasterTty {
  private readonly listeners = new Set<(data: string) => void>();
  readonly typed: string[] = [];
  readonly flow: boolean[] = [];
  size = '';

  onOutput(listener: (data: string) => void) {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  output(data: string): void {
    for (const l of this.listeners) l(data);
  }

  input(data: string): void {
    this.typed.push(data);
  }

  resize(rows: number, cols: number): void {
    this.size = `${rows}x${cols}`;
  }

  setFlow(stopped: boolean): void {
    this.flow.push(stopped);
  }
}

/** An emulator that acknowledges writes only when told to, like xterm parsing in the background. */
class FakeXterm implements Emulator {
  rows = 30;
  cols = 100;
  shown = '';
  readonly acks: (() => void)[] = [];
  private data?: (d: string) => void;
  private resized?: (s: { rows: number; cols: number }) => void;

  write(data: string, callback?: () => void): void {
    this.shown += data;
    if (callback) this.acks.push(callback);
  }

  ackAll(): void {
    for (const a of this.acks.splice(0)) a();
  }

  onData(listener: (d: string) => void) {
    this.data = listener;
    return { dispose: () => (this.data = undefined) };
  }

  onResize(listener: (s: { rows: number; cols: number }) => void) {
    this.resized = listener;
    return { dispose: () => (this.resized = undefined) };
  }

  type(keys: string): void {
    this.data?.(keys);
  }

  resize(rows: number, cols: number): void {
    this.rows = rows;
    this.cols = cols;
    this.resized?.({ rows, cols });
  }
}

describe('linkTerminal', () => {
  it('shows output, forwards keys and sizes, and wakes the driver', () => {
    const tty = new FakeTty();
    const xterm = new FakeXterm();
    let wakes = 0;
    linkTerminal(tty, xterm, { wake: () => wakes++ });
    expect(tty.size).toBe('30x100');
    tty.output('user@dockersim:~$ ');
    xterm.type('ls\r');
    xterm.resize(40, 120);
    expect(xterm.shown).toBe('user@dockersim:~$ ');
    expect(tty.typed).toEqual(['ls\r']);
    expect(tty.size).toBe('40x120');
    expect(wakes).toBe(2);
  });

  it('stops the tty above the high-water mark and resumes once xterm has caught up', () => {
    const tty = new FakeTty();
    const xterm = new FakeXterm();
    let wakes = 0;
    const link = linkTerminal(tty, xterm, { highWater: 1000, lowWater: 100, wake: () => wakes++ });
    for (let i = 0; i < 11; i++) tty.output('x'.repeat(100));
    expect(link.pending).toBe(1100);
    expect(tty.flow).toEqual([true]);
    expect(link.stopped).toBe(true);
    xterm.acks.splice(0, 9).forEach((a) => a());
    expect(tty.flow).toEqual([true]);
    xterm.acks.shift()!();
    expect(link.pending).toBe(100);
    expect(tty.flow).toEqual([true, false]);
    expect(wakes).toBe(1);
    xterm.ackAll();
    expect(link.pending).toBe(0);
  });

  it('lets output flow again when disposed while stopped, and stops listening', () => {
    const tty = new FakeTty();
    const xterm = new FakeXterm();
    const link = linkTerminal(tty, xterm, { highWater: 10, lowWater: 5 });
    tty.output('0123456789abc');
    link.dispose();
    expect(tty.flow).toEqual([true, false]);
    tty.output('more');
    expect(xterm.shown).toBe('0123456789abc');
  });

  it('hands a flood to xterm in pieces (64 lines or 4 KiB at most), acknowledged once it is all parsed', () => {
    const tty = new FakeTty();
    const writes: string[] = [];
    const xterm = new FakeXterm();
    const write = xterm.write.bind(xterm);
    xterm.write = (data, cb) => {
      writes.push(data);
      write(data, cb);
    };
    const link = linkTerminal(tty, xterm);
    const flood = 'y\r\n'.repeat(150);
    const wide = `${'a'.repeat(4095)}😀${'b'.repeat(5000)}`;
    tty.output(flood);
    tty.output(wide);
    expect(writes.map((w) => w.length)).toEqual([192, 192, 66, 4095, 4096, 906]);
    expect(writes.slice(0, 2).every((w) => w === 'y\r\n'.repeat(64))).toBe(true);
    expect(writes.join('')).toBe(flood + wide);
    expect(xterm.acks).toHaveLength(2);
    expect(link.pending).toBe(flood.length + wide.length);
    xterm.acks.shift()!();
    expect(link.pending).toBe(wide.length);
    xterm.ackAll();
    expect(link.pending).toBe(0);
  });
});
