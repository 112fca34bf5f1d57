/**
 * What a descriptor's buffer holds: chunks as they were written, a string (UTF-8 text) or bytes. Most traffic
 * is text read as text, so a chunk is converted only when the reader asks for the other kind: text read from
 * bytes is decoded (an incomplete UTF-8 sequence at the end waits for the rest, or for end of file), bytes
 * read from text are its UTF-8 encoding. Sizes count bytes, as a pipe's capacity does.
 */
import type { Data } from './io.js';
import { utf8Decode, utf8Encode, utf8Length, utf8Step } from './utf8.js';

const NON_ASCII = /[^\x00-\x7f]/;

/** UTF-8 size of a chunk; a regexp test (native) spares the per-character count for ASCII text. */
export function byteLength(d: Data): number {
  if (typeof d !== 'string') return d.length;
  return NON_ASCII.test(d) ? utf8Length(d) : d.length;
}

/** How many bytes at the end of `b` (up to `end`) begin a UTF-8 sequence that is not complete yet. */
export function incompleteTail(b: Uint8Array, end = b.length): number {
  for (let back = 1; back <= 3 && back <= end; back++) {
    const c = b[end - back];
    if (c < 0x80) return 0;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
  }
  return 0;
}

export function concatBytes(parts: readonly Uint8Array[], total?: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  let n = total ?? 0;
  if (total === undefined) for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Decodes UTF-8 arriving in pieces: a sequence split across two pushes is held until its last byte comes.
 * `dropInvalid` drops malformed bytes as xterm.js does instead of showing U+FFFD (what a terminal displays).
 */
export class Utf8Stream {
  private held: Uint8Array | null = null;

  constructor(private readonly dropInvalid = false) {}

  push(d: Data): string {
    if (typeof d === 'string') return this.held ? this.end() + d : d;
    let b = d;
    if (this.held) {
      b = concatBytes([this.held, d]);
      this.held = null;
    }
    const cut = incompleteTail(b);
    if (cut > 0) {
      this.held = b.slice(b.length - cut);
      b = b.subarray(0, b.length - cut);
    }
    return utf8Decode(b, this.dropInvalid);
  }

  /** End of stream (or text written after a broken sequence): what is held decodes as malformed. */
  end(): string {
    const h = this.held;
    this.held = null;
    return h ? utf8Decode(h, this.dropInvalid) : '';
  }
}

/** A FIFO of written chunks counted in bytes (a pipe's buffer, one direction of a socket). */
export class ChunkQueue {
  private chunks: Data[] = [];
  /** UTF-8 bytes buffered. */
  bytes = 0;

  get empty(): boolean {
    return this.chunks.length === 0;
  }

  push(d: Data): void {
    const n = byteLength(d);
    if (n === 0) return;
    // write(2) copies from the writer's memory: a program may reuse its buffer once the call returns.
    this.chunks.push(typeof d === 'string' ? d : d.slice());
    this.bytes += n;
  }

  clear(): void {
    this.chunks = [];
    this.bytes = 0;
  }

  /**
   * Up to `max` characters of text, or undefined when all there is is the start of a UTF-8 sequence (the
   * reader waits for the rest; at `eof` it decodes as malformed). Call only when not empty.
   */
  takeText(max: number | undefined, eof: boolean): string | undefined {
    const limit = max !== undefined && max > 0 ? max : Infinity;
    const first = this.chunks[0];
    if (typeof first === 'string' && (this.chunks.length === 1 || this.allText())) {
      // The text path: strings in, strings out, as before bytes existed.
      const data = this.chunks.length === 1 ? first : (this.chunks as string[]).join('');
      if (data.length <= limit) {
        this.clear();
        return data;
      }
      const cut = splitAt(data, limit);
      const rest = data.slice(cut);
      this.chunks = [rest];
      this.bytes = byteLength(rest);
      return data.slice(0, cut);
    }
    let text = '';
    let i = 0;
    /** Bytes not decoded: the start of a character still to come, or what lies past the limit. */
    let left: Uint8Array | null = null;
    let waiting = false;
    while (i < this.chunks.length && text.length < limit) {
      const c = this.chunks[i];
      if (typeof c === 'string') {
        text += c;
        i++;
        continue;
      }
      // A run of byte chunks decodes as one: a character may straddle two writes.
      const run: Uint8Array[] = [];
      while (i < this.chunks.length && typeof this.chunks[i] !== 'string') run.push(this.chunks[i++] as Uint8Array);
      let b = concatBytes(run);
      // Decode only what the limit takes, so bytes read later by a reader of bytes are still exact.
      const end = limit === Infinity ? b.length : charBoundary(b, limit - text.length);
      let cut = b.length - end;
      if (cut === 0 && i === this.chunks.length && !eof) {
        cut = incompleteTail(b);
        waiting = cut > 0;
      }
      if (cut > 0) {
        left = b.slice(b.length - cut);
        b = b.subarray(0, b.length - cut);
      }
      text += utf8Decode(b);
      if (left) break;
    }
    // What was taken leaves the count; the rest stays as it was written, with what is given back in front.
    let taken = 0;
    for (let j = 0; j < i; j++) taken += byteLength(this.chunks[j]);
    const front: Data[] = [];
    if (text.length > limit) {
      const cut = splitAt(text, limit);
      front.push(text.slice(cut));
      text = text.slice(0, cut);
      taken -= byteLength(front[0]);
    }
    if (left) {
      front.push(left);
      taken -= left.length;
    }
    this.chunks = front.length > 0 ? front.concat(this.chunks.slice(i)) : this.chunks.slice(i);
    this.bytes -= taken;
    return text === '' && waiting ? undefined : text;
  }

  /** Up to `max` bytes (all when not given). Call only when not empty. */
  takeBytes(max?: number): Uint8Array {
    const limit = max !== undefined && max > 0 ? max : Infinity;
    if (this.bytes <= limit) {
      const parts = this.chunks.map((c) => (typeof c === 'string' ? utf8Encode(c) : c));
      const out = concatBytes(parts, this.bytes);
      this.clear();
      return out;
    }
    const parts: Uint8Array[] = [];
    let got = 0;
    let i = 0;
    for (; got < limit; i++) {
      const c = this.chunks[i];
      const b = typeof c === 'string' ? utf8Encode(c) : c;
      if (got + b.length <= limit) {
        parts.push(b);
        got += b.length;
        continue;
      }
      parts.push(b.subarray(0, limit - got));
      this.chunks[i] = b.subarray(limit - got);
      got = limit;
      break;
    }
    this.chunks = this.chunks.slice(i);
    this.bytes -= got;
    return concatBytes(parts, got);
  }

  /**
   * What comes first, as it was written: text up to where bytes begin (up to `max` characters), or bytes up to
   * where text begins (up to `max` bytes). For a program that passes data on, which costs no conversion.
   */
  takeData(max?: number): Data {
    const text = typeof this.chunks[0] === 'string';
    let n = 1;
    while (n < this.chunks.length && typeof this.chunks[n] === 'string' === text) n++;
    if (n === this.chunks.length) return text ? this.takeText(max, true)! : this.takeBytes(max);
    const rest = this.chunks.slice(n);
    let runBytes = 0;
    for (let i = 0; i < n; i++) runBytes += byteLength(this.chunks[i]);
    const restBytes = this.bytes - runBytes;
    this.chunks = this.chunks.slice(0, n);
    this.bytes = runBytes;
    const out = text ? this.takeText(max, true)! : this.takeBytes(max);
    this.chunks = this.chunks.concat(rest);
    this.bytes += restBytes;
    return out;
  }

  private allText(): boolean {
    for (const c of this.chunks) if (typeof c !== 'string') return false;
    return true;
  }
}

/** `limit` characters, one fewer if that would split a surrogate pair (never 0: then the whole pair). */
function splitAt(s: string, limit: number): number {
  const c = s.charCodeAt(limit - 1);
  if (!(c >= 0xd800 && c < 0xdc00)) return limit;
  return limit > 1 ? limit - 1 : limit + 1;
}

/**
 * Where in `b` the decoder has given `units` UTF-16 characters; at least one step, so a read for one
 * character of a 4-byte one still moves.
 */
export function charBoundary(b: Uint8Array, units: number): number {
  let i = 0;
  let u = 0;
  while (i < b.length && u < units) {
    const step = utf8Step(b, i);
    if (u + step.units > units && i > 0) break;
    i += step.bytes;
    u += step.units;
  }
  return i;
}

/** One character per byte (a "binary string"), for code that parses protocols as strings. */
export function latin1(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 8192) out += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
  return out;
}
