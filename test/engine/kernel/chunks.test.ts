/** A descriptor's buffer: chunks of text or bytes, read as either, split anywhere. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkQueue, Utf8Stream } from '../../../src/engine/kernel/chunks.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What a writer writes: text (multi-byte characters and surrogate pairs included) or raw bytes. */
const chunk = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('世界', 'é', '😀', 'abc\n'),
  fc.uint8Array({ maxLength: 12 }),
  fc.constantFrom(Uint8Array.of(0xe4), Uint8Array.of(0xb8, 0x96), Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0xff)),
);

function bytesOf(chunks: readonly (string | Uint8Array)[]): Uint8Array {
  const parts = chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

describe('ChunkQueue', () => {
  it('keeps a string written and read as text the same string (no conversion on the text path)', () => {
    const q = new ChunkQueue();
    const s = 'hello 世界\n';
    q.push(s);
    expect(q.bytes).toBe(13);
    expect(q.takeText(undefined, false)).toBe(s);
    expect(q.empty).toBe(true);
  });

  it('holds the first bytes of a character until the rest arrives, then reads it whole', () => {
    const q = new ChunkQueue();
    const b = encoder.encode('世界');
    q.push(b.subarray(0, 4));
    expect(q.takeText(undefined, false)).toBe('世');
    expect(q.takeText(undefined, false)).toBeUndefined();
    expect(q.bytes).toBe(1);
    q.push(b.subarray(4));
    expect(q.takeText(undefined, false)).toBe('界');
  });

  it('decodes a held partial character as U+FFFD at end of file, and before text written after it', () => {
    const q = new ChunkQueue();
    q.push(Uint8Array.of(0xe4, 0xb8));
    expect(q.takeText(undefined, true)).toBe('\ufffd');
    q.push(Uint8Array.of(0xe4, 0xb8));
    q.push('x');
    expect(q.takeText(undefined, false)).toBe('\ufffdx');
  });

  it('gives text as its UTF-8 bytes and splits bytes at any count', () => {
    const q = new ChunkQueue();
    q.push('é');
    q.push(Uint8Array.of(0, 0xff));
    expect([...q.takeBytes(1)]).toEqual([0xc3]);
    expect([...q.takeBytes(2)]).toEqual([0xa9, 0]);
    expect([...q.takeBytes()]).toEqual([0xff]);
    expect(q.empty).toBe(true);
  });

  it('reads back, as text, what TextDecoder makes of all the bytes written, whatever the chunks and read sizes', () => {
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 8 }), (chunks, sizes) => {
        const q = new ChunkQueue();
        for (const c of chunks) q.push(c);
        expect(q.bytes).toBe(bytesOf(chunks).length);
        let text = '';
        for (let i = 0; !q.empty; i++) {
          const t = q.takeText(sizes[i % sizes.length] || undefined, true);
          expect(t).toBeDefined();
          text += t;
        }
        expect(text).toBe(decoder.decode(bytesOf(chunks)));
      }),
      { numRuns: 500 },
    );
  });

  it('reads back every byte exactly, whatever the chunks and read sizes', () => {
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 8 }), (chunks, sizes) => {
        const q = new ChunkQueue();
        for (const c of chunks) q.push(c);
        const got: number[] = [];
        for (let i = 0; !q.empty; i++) {
          const before = q.bytes;
          const b = q.takeBytes(sizes[i % sizes.length] || undefined);
          expect(q.bytes).toBe(before - b.length);
          got.push(...b);
        }
        expect(Uint8Array.from(got)).toEqual(bytesOf(chunks));
      }),
      { numRuns: 500 },
    );
  });

  it('passes data on as it was written: text as the same strings, bytes exact, whatever the read sizes', () => {
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 8 }), (chunks, sizes) => {
        const q = new ChunkQueue();
        for (const c of chunks) q.push(c);
        const got: (string | Uint8Array)[] = [];
        for (let i = 0; !q.empty; i++) got.push(q.takeData(sizes[i % sizes.length] || undefined));
        expect(q.bytes).toBe(0);
        expect(bytesOf(got)).toEqual(bytesOf(chunks));
        // Text comes back as text: the strings written, in order, cut only where a read's size cut them.
        const text = chunks.filter((c): c is string => typeof c === 'string').join('');
        expect(got.filter((c): c is string => typeof c === 'string').join('')).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never splits a character when text is read as it arrives, byte run by byte run', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), (s, cuts) => {
        const b = encoder.encode(s);
        const q = new ChunkQueue();
        let text = '';
        for (let at = 0, i = 0; at < b.length; i++) {
          const n = cuts[i % cuts.length];
          q.push(b.slice(at, at + n));
          at += n;
          const t = q.empty ? undefined : q.takeText(undefined, false);
          if (t !== undefined) text += t;
        }
        expect(text).toBe(s);
        expect(q.empty).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Utf8Stream', () => {
  it('decodes split sequences whole; for a terminal, drops malformed bytes as xterm.js does', () => {
    const s = new Utf8Stream();
    const b = encoder.encode('a世b');
    expect(s.push(b.subarray(0, 2))).toBe('a');
    expect(s.push(b.subarray(2))).toBe('世b');
    expect(s.push(Uint8Array.of(0xff, 0x41))).toBe('\ufffdA');
    const tty = new Utf8Stream(true);
    expect(tty.push(Uint8Array.of(0x41, 0xff, 0xe4, 0xb8))).toBe('A');
    expect(tty.push(Uint8Array.of(0x96, 0x80))).toBe('世');
    expect(tty.push(Uint8Array.of(0xe4))).toBe('');
    expect(tty.end()).toBe('');
  });
});
