import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeStatusResponse, encodeStatusResponse, INVALID_WIRE } from '../../../src/pkg/buildkit/statuspb.js';
import type { StatusResponse, Timestamp } from '../../../src/pkg/buildkit/status.js';

const text = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const hex = (s: string): Uint8Array => Uint8Array.from(s.split(/\s+/).filter(Boolean), (h) => parseInt(h, 16));
const empty: StatusResponse = { vertexes: [], statuses: [], logs: [], warnings: [] };

// Derived by hand from control.proto / ops.proto / timestamp.proto (tag = field << 3 | wire type):
//   StatusResponse.vertexes (1, bytes) → 0a len Vertex
//     Vertex.digest (1) 0a 09 "sha256:ab"; name (3) 1a 04 "FROM"; cached (4, varint) 20 01;
//     started (5) 2a 05 { seconds (1) 08 01, nanos (2) 10 f4 03  (500 = 0b11_1110100 → f4 03) }     = 26 bytes
//   StatusResponse.statuses (2) → 12 len VertexStatus
//     ID (1) 0a 01 "w"; vertex (2) 12 09 "sha256:ab"; current (4) 20 ac 02 (300); total 0 left out     = 17 bytes
//   StatusResponse.logs (3) → 1a len VertexLog
//     vertex (1) 0a 01 "v"; stream (3) 18 01; msg (4) 22 03 "hi\n"                                     = 10 bytes
//   StatusResponse.warnings (4) → 22 len VertexWarning
//     vertex (1) 0a 01 "v"; level (2) 10 01; short (3) 1a 01 "W";
//     ranges (7) 3a 08 { start (1) 0a 02 { line (1) 08 02 }, end (2) 12 02 { 08 02 } }                 = 18 bytes
const FIXED: StatusResponse = {
  vertexes: [{ digest: 'sha256:ab', inputs: [], name: 'FROM', cached: true, started: { seconds: 1, nanos: 500 }, error: '' }],
  statuses: [{ id: 'w', vertex: 'sha256:ab', name: '', current: 300, total: 0 }],
  logs: [{ vertex: 'v', stream: 1, msg: text('hi\n') }],
  warnings: [{
    vertex: 'v', level: 1, short: text('W'), detail: [], url: '',
    ranges: [{ start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }],
  }],
};
const FIXED_BYTES = hex(`
  0a 1a  0a 09 73 68 61 32 35 36 3a 61 62  1a 04 46 52 4f 4d  20 01  2a 05 08 01 10 f4 03
  12 11  0a 01 77  12 09 73 68 61 32 35 36 3a 61 62  20 ac 02
  1a 0a  0a 01 76  18 01  22 03 68 69 0a
  22 12  0a 01 76  10 01  1a 01 57  3a 08 0a 02 08 02 12 02 08 02
`);

describe('StatusResponse wire format', () => {
  it('encodes the hand-derived vector byte for byte', () => {
    expect(Array.from(encodeStatusResponse(FIXED))).toEqual(Array.from(FIXED_BYTES));
  });

  it('decodes the hand-derived vector', () => {
    expect(decodeStatusResponse(FIXED_BYTES)).toEqual(FIXED);
  });

  it('encodes nothing for an empty response, and a present zero timestamp as an empty message', () => {
    expect(encodeStatusResponse(empty)).toEqual(new Uint8Array(0));
    const v = { digest: '', inputs: [''], name: '', cached: false, started: { seconds: 0, nanos: 0 }, error: '' };
    // inputs (2) keeps its empty element: a repeated field's elements are always written
    expect(Array.from(encodeStatusResponse({ ...empty, vertexes: [v] }))).toEqual([0x0a, 0x04, 0x12, 0x00, 0x2a, 0x00]);
    expect(decodeStatusResponse(hex('0a 04 12 00 2a 00'))).toEqual({ ...empty, vertexes: [v] });
  });

  it('writes a negative int64 and int32 as ten-byte two\'s complement, and reads them back signed', () => {
    const r: StatusResponse = { ...empty, logs: [{ vertex: '', stream: -1, msg: new Uint8Array(0), timestamp: { seconds: -2, nanos: -3 } }] };
    const b = encodeStatusResponse(r);
    expect(Array.from(b)).toEqual([
      0x1a, 0x23,
      0x12, 0x16, 0x08, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
      0x10, 0xfd, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
      0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
    ]);
    expect(decodeStatusResponse(b)).toEqual(r);
  });

  it('reads timestamps as large as today\'s and past 2^32 exactly', () => {
    const t: Timestamp = { seconds: 1_796_000_000, nanos: 999_999_999 };
    const far: Timestamp = { seconds: 2 ** 40 + 3, nanos: 0 };
    const r: StatusResponse = { ...empty, statuses: [{ id: 'x', vertex: 'y', name: '', current: 2 ** 50, total: 7, timestamp: t, started: far }] };
    expect(decodeStatusResponse(encodeStatusResponse(r))).toEqual(r);
  });

  it('skips unknown fields of every wire type, and fields of a known number with another wire type', () => {
    // Vertex with progressGroup (8, a message this model leaves out), then a varint 9, fixed64 10, fixed32 11,
    // a group 12, and `name` (3) sent as a varint; at the top level an unknown field 5.
    const b = hex(`
      0a 27
        1a 01 61
        42 04 0a 02 69 64
        48 96 01
        51 01 02 03 04 05 06 07 08
        5d 01 02 03 04
        63 08 01 64
        18 07
        0a 01 64
        2a 02 08 05
      2a 03 61 62 63
    `);
    expect(decodeStatusResponse(b)).toEqual({
      ...empty, vertexes: [{ digest: 'd', inputs: [], name: 'a', cached: false, started: { seconds: 5, nanos: 0 }, error: '' }],
    });
  });

  it('takes the last value of a repeated scalar and merges a repeated message field', () => {
    const b = hex('0a 0f  0a 01 61  0a 01 62  2a 02 08 05  2a 03 10 90 4e');
    expect(decodeStatusResponse(b).vertexes[0]).toEqual({
      digest: 'b', inputs: [], name: '', cached: false, started: { seconds: 5, nanos: 10000 }, error: '',
    });
  });

  it('refuses truncated and malformed input as protobuf-go does', () => {
    for (const bad of ['0a', '0a 05 0a 01', '0a 02 0a 05', '08', '0c', '00 00', '0a ff ff ff ff ff ff ff ff ff 7f', '0b 0a 00']) {
      expect(() => decodeStatusResponse(hex(bad)), bad).toThrow(INVALID_WIRE);
    }
  });

  it('round-trips UTF-8 names and raw bytes', () => {
    const r: StatusResponse = {
      ...empty,
      vertexes: [{ digest: 'sha256:1', inputs: ['sha256:0', 'sha256:2'], name: '[2/4] RUN echo 中文 🐳', cached: false, error: 'exit code: 100' }],
      logs: [{ vertex: 'sha256:1', stream: 2, msg: Uint8Array.from([0, 0xff, 0xc3, 0x28]), timestamp: { seconds: 10, nanos: 1 } }],
    };
    expect(decodeStatusResponse(encodeStatusResponse(r))).toEqual(r);
  });
});

describe('StatusResponse round trip (property)', () => {
  const str = fc.string({ unit: 'grapheme', maxLength: 12 });
  const bytes = fc.uint8Array({ maxLength: 16 });
  const int64 = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  const ts = fc.record({ seconds: int64, nanos: int32 });
  const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });
  const pos = fc.record({ line: int32, character: int32 });
  // Optional keys are left out rather than set to undefined, as the decoder gives them.
  const drop = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const response = fc.record({
    vertexes: fc.array(fc.record({
      digest: str, inputs: fc.array(str, { maxLength: 3 }), name: str, cached: fc.boolean(),
      started: opt(ts), completed: opt(ts), error: str,
    }).map(drop), { maxLength: 3 }),
    statuses: fc.array(fc.record({
      id: str, vertex: str, name: str, current: int64, total: int64, timestamp: opt(ts), started: opt(ts), completed: opt(ts),
    }).map(drop), { maxLength: 3 }),
    logs: fc.array(fc.record({ vertex: str, timestamp: opt(ts), stream: int64, msg: bytes }).map(drop), { maxLength: 3 }),
    warnings: fc.array(fc.record({
      vertex: str, level: int64, short: bytes, detail: fc.array(bytes, { maxLength: 3 }), url: str,
      info: opt(fc.record({ filename: str, data: bytes, language: str })),
      ranges: fc.array(fc.record({ start: pos, end: pos }), { maxLength: 2 }),
    }).map(drop), { maxLength: 2 }),
  });

  it('decode(encode(s)) is s', () => {
    fc.assert(fc.property(response, (s) => {
      expect(decodeStatusResponse(encodeStatusResponse(s))).toEqual(s);
    }));
  });

  it('any prefix cut inside a message either decodes or throws the wire-format error, never anything else', () => {
    fc.assert(fc.property(response, fc.nat(), (s, n) => {
      const b = encodeStatusResponse(s);
      const cut = b.subarray(0, b.length === 0 ? 0 : n % b.length);
      try {
        decodeStatusResponse(cut);
      } catch (e) {
        expect((e as Error).message).toBe(INVALID_WIRE);
      }
    }));
  });
});
