import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToText, textToBytes } from '../../src/api/bytes.js';
import { encodeFrame, FrameDecoder, FrameError } from '../../src/pkg/stdcopy.js';

describe('multiplexed stream frames', () => {
  it('writes an 8-byte header with a big-endian size', () => {
    expect(encodeFrame(1, 'hi\n')).toBe('\x01\x00\x00\x00\x00\x00\x00\x03hi\n');
    expect(encodeFrame(2, 'x'.repeat(258)).slice(0, 8)).toBe('\x02\x00\x00\x00\x00\x00\x01\x02');
  });

  it('round-trips frames through any split', () => {
    const frame = fc.record({ stream: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>, payload: fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }) });
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), (frames, cuts) => {
        const bytes = frames.map((f) => encodeFrame(f.stream, textToBytes(f.payload))).join('');
        const d = new FrameDecoder();
        const got: string[] = [];
        let pos = 0;
        for (const c of [...cuts.map((x) => x % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
          for (const f of d.push(bytes.slice(pos, Math.max(pos, c)))) got.push(`${f.stream}:${bytesToText(f.payload)}`);
          pos = Math.max(pos, c);
        }
        expect(got).toEqual(frames.map((f) => `${f.stream}:${f.payload}`));
        expect(d.pending).toBe(0);
      }),
    );
  });

  it('refuses an unknown stream type, as StdCopy does', () => {
    expect(() => new FrameDecoder().push('\x05\x00\x00\x00\x00\x00\x00\x01x')).toThrow(FrameError);
  });
});
