/** The engine's own UTF-8 (what runs where there is no TextEncoder/TextDecoder) against the platform's, which it uses when present. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8DecodeJs, utf8Encode, utf8EncodeJs } from '../../../src/engine/kernel/utf8.js';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** Bytes as programs write them: mostly ASCII, a multi-byte character or a broken sequence now and then. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 0x7f }) }, { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) }), { maxLength: 20_000 }).map((a) => Uint8Array.from(a)),
);

describe('utf8', () => {
  it('decodes any bytes as TextDecoder does (U+FFFD for what is not UTF-8)', () => {
    fc.assert(fc.property(bytes, (b) => utf8DecodeJs(b) === decoder.decode(b)), { numRuns: 300 });
  });

  it('decodes long ASCII and a character after it', () => {
    const ascii = 'x'.repeat(20_000);
    expect(utf8DecodeJs(encoder.encode(ascii))).toBe(ascii);
    expect(utf8DecodeJs(encoder.encode(`${ascii}é€😀`))).toBe(`${ascii}é€😀`);
    expect(utf8DecodeJs(new Uint8Array(0))).toBe('');
    // The first byte that is not ASCII, whatever it is, ends the plain copy.
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const b = Uint8Array.from([0x61, 0x62, byte, 0x63]);
      expect(utf8DecodeJs(b)).toBe(decoder.decode(b));
    }
  });

  it('encodes any string as TextEncoder does', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(utf8EncodeJs(s)).toEqual(encoder.encode(s));
      }), { numRuns: 300 });
  });
  it('keeps a byte order mark, with or without the platform decoder', () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]);
    expect(utf8Decode(bom)).toBe('\ufeffA');
    expect(utf8DecodeJs(bom)).toBe('\ufeffA');
    expect(utf8Encode('\ufeffA')).toEqual(bom);
  });
});
