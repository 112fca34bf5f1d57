/**
 * StatusResponse in protobuf's wire format (moby/buildkit api/services/control/control.proto v0.22, with
 * solver/pb/ops.proto's SourceInfo/Range/Position and google.protobuf.Timestamp), written by hand: the daemon
 * encodes what its solver reports, the CLI decodes each `moby.buildkit.trace` aux. Encoding follows Go's
 * generated marshalers (fields in number order, proto3 defaults left out, a present message always written);
 * decoding follows protobuf-go: unknown fields and fields of an unexpected wire type are skipped, a repeated
 * singular field takes its last value, a repeated message field is merged.
 */
import { nameBytes as utf8Bytes, nameString as utf8String } from '../archive/names.js';
import type {
  Range, SourceInfo, StatusResponse, Timestamp, Vertex, VertexLog, VertexStatus, VertexWarning,
} from './status.js';

const VARINT = 0;
const FIXED64 = 1;
const BYTES = 2;
const START_GROUP = 3;
const END_GROUP = 4;
const FIXED32 = 5;

/** protobuf-go's error for bytes it cannot read as a message. */
export const INVALID_WIRE = 'proto: cannot parse invalid wire-format data';

class Writer {
  private buf = new Uint8Array(256);
  private len = 0;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** A varint of a non-negative integer up to 2^53, or a negative one as its 64-bit two's complement (10 bytes). */
  varint(n: number): void {
    this.room(10);
    if (n < 0) {
      let v = BigInt.asUintN(64, BigInt(Math.trunc(n)));
      while (v >= 0x80n) {
        this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
        v >>= 7n;
      }
      this.buf[this.len++] = Number(v);
      return;
    }
    let v = Math.trunc(n);
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
  }

  tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  bytes(field: number, b: Uint8Array): void {
    this.tag(field, BYTES);
    this.varint(b.length);
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  message(field: number, body: (w: Writer) => void): void {
    const inner = new Writer();
    body(inner);
    this.bytes(field, inner.done());
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

// proto3 leaves a scalar out when it holds its default.
function str(w: Writer, field: number, s: string): void {
  if (s !== '') w.bytes(field, utf8Bytes(s));
}
function bin(w: Writer, field: number, b: Uint8Array): void {
  if (b.length > 0) w.bytes(field, b);
}
function int(w: Writer, field: number, n: number): void {
  if (n !== 0) {
    w.tag(field, VARINT);
    w.varint(n);
  }
}
function bool(w: Writer, field: number, b: boolean): void {
  if (b) int(w, field, 1);
}
function timestamp(w: Writer, field: number, t: Timestamp | undefined): void {
  if (t) w.message(field, (m) => { int(m, 1, t.seconds); int(m, 2, t.nanos); });
}

function writeVertex(w: Writer, v: Vertex): void {
  str(w, 1, v.digest);
  for (const input of v.inputs) w.bytes(2, utf8Bytes(input));
  str(w, 3, v.name);
  bool(w, 4, v.cached);
  timestamp(w, 5, v.started);
  timestamp(w, 6, v.completed);
  str(w, 7, v.error);
}

function writeStatus(w: Writer, s: VertexStatus): void {
  str(w, 1, s.id);
  str(w, 2, s.vertex);
  str(w, 3, s.name);
  int(w, 4, s.current);
  int(w, 5, s.total);
  timestamp(w, 6, s.timestamp);
  timestamp(w, 7, s.started);
  timestamp(w, 8, s.completed);
}

function writeLog(w: Writer, l: VertexLog): void {
  str(w, 1, l.vertex);
  timestamp(w, 2, l.timestamp);
  int(w, 3, l.stream);
  bin(w, 4, l.msg);
}

function writeWarning(w: Writer, x: VertexWarning): void {
  str(w, 1, x.vertex);
  int(w, 2, x.level);
  bin(w, 3, x.short);
  for (const d of x.detail) w.bytes(4, d);
  str(w, 5, x.url);
  const info = x.info;
  if (info) {
    w.message(6, (m) => { str(m, 1, info.filename); bin(m, 2, info.data); str(m, 4, info.language); });
  }
  for (const r of x.ranges) {
    w.message(7, (m) => {
      m.message(1, (p) => { int(p, 1, r.start.line); int(p, 2, r.start.character); });
      m.message(2, (p) => { int(p, 1, r.end.line); int(p, 2, r.end.character); });
    });
  }
}

export function encodeStatusResponse(s: StatusResponse): Uint8Array {
  const w = new Writer();
  for (const v of s.vertexes) w.message(1, (m) => writeVertex(m, v));
  for (const st of s.statuses) w.message(2, (m) => writeStatus(m, st));
  for (const l of s.logs) w.message(3, (m) => writeLog(m, l));
  for (const x of s.warnings) w.message(4, (m) => writeWarning(m, x));
  return w.done();
}

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array, readonly end = buf.length) {}

  more(): boolean {
    return this.pos < this.end;
  }

  /** A varint as a 64-bit two's-complement integer (int64/int32 read it so; exact up to 2^53). */
  varint(): number {
    let lo = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new Error(INVALID_WIRE);
      const b = this.buf[this.pos++];
      if (i === 9 && b > 1) throw new Error(INVALID_WIRE);
      if (i < 7) lo += (b & 0x7f) * mul;
      else return this.wideVarint(lo, b, i);
      mul *= 0x80;
      if (b < 0x80) return lo;
    }
    throw new Error(INVALID_WIRE);
  }

  // Bytes past the 49th bit: read the rest as a bigint, so a negative int64 (10 bytes) comes back signed.
  private wideVarint(low49: number, byte: number, index: number): number {
    let v = BigInt(low49) + (BigInt(byte & 0x7f) << BigInt(7 * index));
    let b = byte;
    let i = index;
    while (b >= 0x80) {
      i++;
      if (i >= 10 || this.pos >= this.end) throw new Error(INVALID_WIRE);
      b = this.buf[this.pos++];
      if (i === 9 && b > 1) throw new Error(INVALID_WIRE);
      v += BigInt(b & 0x7f) << BigInt(7 * i);
    }
    return Number(BigInt.asIntN(64, v));
  }

  /** A length-delimited field's bounds. */
  span(): [number, number] {
    const n = this.varint();
    if (n < 0 || this.pos + n > this.end) throw new Error(INVALID_WIRE);
    const start = this.pos;
    this.pos += n;
    return [start, this.pos];
  }

  bytes(): Uint8Array {
    const [a, b] = this.span();
    return this.buf.slice(a, b);
  }

  sub(): Reader {
    const [a, b] = this.span();
    return new Reader(this.buf, b).at(a);
  }

  private at(pos: number): this {
    this.pos = pos;
    return this;
  }

  skip(field: number, wire: number): void {
    switch (wire) {
      case VARINT: this.varint(); return;
      case FIXED64: this.advance(8); return;
      case BYTES: this.span(); return;
      case FIXED32: this.advance(4); return;
      case START_GROUP:
        for (;;) {
          const [f, w] = this.tag();
          if (w === END_GROUP) {
            if (f !== field) throw new Error(INVALID_WIRE);
            return;
          }
          this.skip(f, w);
        }
      default: throw new Error(INVALID_WIRE);
    }
  }

  private advance(n: number): void {
    if (this.pos + n > this.end) throw new Error(INVALID_WIRE);
    this.pos += n;
  }

  tag(): [number, number] {
    const t = this.varint();
    const field = Math.floor(t / 8);
    if (t < 0 || field < 1 || field > 0x1fffffff) throw new Error(INVALID_WIRE);
    return [field, t & 7];
  }
}

/**
 * Reads one message: `on(field, reader)` takes a field it knows with the wire type it expects and returns
 * true; everything else is skipped as protobuf-go keeps it aside as unknown.
 */
function fields(r: Reader, on: (field: number, wire: number) => boolean): void {
  while (r.more()) {
    const [field, wire] = r.tag();
    if (wire === END_GROUP) throw new Error(INVALID_WIRE);
    if (!on(field, wire)) r.skip(field, wire);
  }
}

const int32 = (n: number): number => (n | 0);

function readTimestamp(r: Reader, base?: Timestamp): Timestamp {
  let { seconds, nanos } = base ?? { seconds: 0, nanos: 0 };
  fields(r, (f, w) => {
    if (w !== VARINT) return false;
    if (f === 1) seconds = r.varint();
    else if (f === 2) nanos = int32(r.varint());
    else return false;
    return true;
  });
  return { seconds, nanos };
}

function readVertex(r: Reader): Vertex {
  let digest = '';
  const inputs: string[] = [];
  let name = '';
  let cached = false;
  let started: Timestamp | undefined;
  let completed: Timestamp | undefined;
  let error = '';
  fields(r, (f, w) => {
    if (w === BYTES) {
      if (f === 1) digest = utf8String(r.bytes());
      else if (f === 2) inputs.push(utf8String(r.bytes()));
      else if (f === 3) name = utf8String(r.bytes());
      else if (f === 5) started = readTimestamp(r.sub(), started);
      else if (f === 6) completed = readTimestamp(r.sub(), completed);
      else if (f === 7) error = utf8String(r.bytes());
      else return false;
      return true;
    }
    if (w === VARINT && f === 4) {
      cached = r.varint() !== 0;
      return true;
    }
    return false;
  });
  return { digest, inputs, name, cached, ...(started && { started }), ...(completed && { completed }), error };
}

function readStatus(r: Reader): VertexStatus {
  let id = '';
  let vertex = '';
  let name = '';
  let current = 0;
  let total = 0;
  let timestamp: Timestamp | undefined;
  let started: Timestamp | undefined;
  let completed: Timestamp | undefined;
  fields(r, (f, w) => {
    if (w === BYTES) {
      if (f === 1) id = utf8String(r.bytes());
      else if (f === 2) vertex = utf8String(r.bytes());
      else if (f === 3) name = utf8String(r.bytes());
      else if (f === 6) timestamp = readTimestamp(r.sub(), timestamp);
      else if (f === 7) started = readTimestamp(r.sub(), started);
      else if (f === 8) completed = readTimestamp(r.sub(), completed);
      else return false;
      return true;
    }
    if (w === VARINT && (f === 4 || f === 5)) {
      if (f === 4) current = r.varint();
      else total = r.varint();
      return true;
    }
    return false;
  });
  return {
    id, vertex, name, current, total,
    ...(timestamp && { timestamp }), ...(started && { started }), ...(completed && { completed }),
  };
}

function readLog(r: Reader): VertexLog {
  let vertex = '';
  let timestamp: Timestamp | undefined;
  let stream = 0;
  let msg: Uint8Array = new Uint8Array(0);
  fields(r, (f, w) => {
    if (w === BYTES) {
      if (f === 1) vertex = utf8String(r.bytes());
      else if (f === 2) timestamp = readTimestamp(r.sub(), timestamp);
      else if (f === 4) msg = r.bytes();
      else return false;
      return true;
    }
    if (w === VARINT && f === 3) {
      stream = r.varint();
      return true;
    }
    return false;
  });
  return { vertex, ...(timestamp && { timestamp }), stream, msg };
}

function readSourceInfo(r: Reader, base?: SourceInfo): SourceInfo {
  let { filename, data, language }: SourceInfo = base ?? { filename: '', data: new Uint8Array(0), language: '' };
  fields(r, (f, w) => {
    if (w !== BYTES) return false;
    if (f === 1) filename = utf8String(r.bytes());
    else if (f === 2) data = r.bytes();
    else if (f === 4) language = utf8String(r.bytes());
    else return false;
    return true;
  });
  return { filename, data, language };
}

type Position = Range['start'];

function readPosition(r: Reader, base: Position): Position {
  let { line, character } = base;
  fields(r, (f, w) => {
    if (w !== VARINT) return false;
    if (f === 1) line = int32(r.varint());
    else if (f === 2) character = int32(r.varint());
    else return false;
    return true;
  });
  return { line, character };
}

function readRange(r: Reader): Range {
  let start: Position = { line: 0, character: 0 };
  let end: Position = { line: 0, character: 0 };
  fields(r, (f, w) => {
    if (w !== BYTES) return false;
    if (f === 1) start = readPosition(r.sub(), start);
    else if (f === 2) end = readPosition(r.sub(), end);
    else return false;
    return true;
  });
  return { start, end };
}

function readWarning(r: Reader): VertexWarning {
  let vertex = '';
  let level = 0;
  let short: Uint8Array = new Uint8Array(0);
  const detail: Uint8Array[] = [];
  let url = '';
  let info: SourceInfo | undefined;
  const ranges: Range[] = [];
  fields(r, (f, w) => {
    if (w === BYTES) {
      if (f === 1) vertex = utf8String(r.bytes());
      else if (f === 3) short = r.bytes();
      else if (f === 4) detail.push(r.bytes());
      else if (f === 5) url = utf8String(r.bytes());
      else if (f === 6) info = readSourceInfo(r.sub(), info);
      else if (f === 7) ranges.push(readRange(r.sub()));
      else return false;
      return true;
    }
    if (w === VARINT && f === 2) {
      level = r.varint();
      return true;
    }
    return false;
  });
  return { vertex, level, short, detail, url, ...(info && { info }), ranges };
}

export function decodeStatusResponse(b: Uint8Array): StatusResponse {
  const vertexes: Vertex[] = [];
  const statuses: VertexStatus[] = [];
  const logs: VertexLog[] = [];
  const warnings: VertexWarning[] = [];
  const r = new Reader(b);
  fields(r, (f, w) => {
    if (w !== BYTES) return false;
    if (f === 1) vertexes.push(readVertex(r.sub()));
    else if (f === 2) statuses.push(readStatus(r.sub()));
    else if (f === 3) logs.push(readLog(r.sub()));
    else if (f === 4) warnings.push(readWarning(r.sub()));
    else return false;
    return true;
  });
  return { vertexes, statuses, logs, warnings };
}
