/**
 * UTF-8. `src/engine` compiles against ES2022 only, which declares neither TextEncoder nor TextDecoder, but
 * every runtime the simulation runs in (browsers, Node, workers) has both: they are used when present, being
 * 10–20× faster on a large file, and the code below is what runs without them and what they are tested
 * against. Invalid sequences decode to U+FFFD, by the WHATWG algorithm both follow; a BOM is kept as U+FEFF.
 */
interface NativeDecoder {
  decode(b: Uint8Array): string;
}
interface NativeEncoder {
  encode(s: string): Uint8Array;
}
const runtime = globalThis as {
  TextDecoder?: new (label: string, opts: { ignoreBOM: boolean }) => NativeDecoder;
  TextEncoder?: new () => NativeEncoder;
};
const nativeDecoder: NativeDecoder | null = runtime.TextDecoder ? new runtime.TextDecoder('utf-8', { ignoreBOM: true }) : null;
const nativeEncoder: NativeEncoder | null = runtime.TextEncoder ? new runtime.TextEncoder() : null;

/** Longest string encoded here rather than by TextEncoder: see utf8Encode. */
const SHORT = 64;

export function utf8Encode(s: string): Uint8Array {
  // A short one is copied here: its array then lives in the JS heap (V8 keeps typed arrays of up to 64 bytes
  // there), where TextEncoder's always has a backing store outside it for the collector to track and free.
  return nativeEncoder && s.length > SHORT ? nativeEncoder.encode(s) : utf8EncodeJs(s);
}

/** `dropInvalid`: malformed bytes vanish, as xterm.js's decoder drops them (TextDecoder has no such mode). */
export function utf8Decode(b: Uint8Array, dropInvalid = false): string {
  return nativeDecoder && !dropInvalid ? nativeDecoder.decode(b) : utf8DecodeJs(b, dropInvalid);
}

/** The encoder without TextEncoder (exported for the tests that hold the two together). */
export function utf8EncodeJs(s: string): Uint8Array {
  // Most text the simulation stores (container files, logs, scripts) is ASCII: one exact-size copy.
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const b = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
    return b;
  }
  const out = new Uint8Array(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 0x3f);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
    }
    out[n++] = 0x80 | (c & 0x3f);
  }
  return out.slice(0, n);
}

/** Characters handed to one String.fromCharCode call (its arguments go on the stack). */
const CHUNK = 8192;

/** Bytes below 0x80 are their own characters: no per-byte work beyond the copy into a string. */
function asciiRun(b: Uint8Array, end: number): string {
  let out = '';
  // apply takes the typed array as it is; a spread first copies it through the iterator, ~10× slower (a 1 MB
  // file vim opens: 16–30 ms against 215–470 ms on this machine).
  for (let i = 0; i < end; i += CHUNK) out += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[]);
  return out;
}

/**
 * The decoder without TextDecoder (exported for the tests that hold the two together). `dropInvalid`:
 * malformed bytes vanish, as xterm.js's decoder drops them, instead of becoming U+FFFD.
 */
export function utf8DecodeJs(b: Uint8Array, dropInvalid = false): string {
  const n = b.length;
  // Most of what programs read and write (scripts, config files, command output) is ASCII throughout.
  let start = 0;
  while (start < n && b[start] < 0x80) start++;
  let out = start > 0 ? asciiRun(b, start) : '';
  if (start === n) return out;
  let chunk: number[] = [];
  for (let i = start; i < n; ) {
    const c = b[i];
    let cp = 0xfffd;
    let used = 1;
    if (c < 0x80) cp = c;
    else {
      const len = c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
      // Valid range of the second byte (Unicode table 3-7); later bytes are 80..BF.
      const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
      const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
      let v = c & (0xff >> (len + 1));
      let k = 1;
      for (; k < len && i + k < n; k++) {
        const d = b[i + k];
        if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) break;
        v = (v << 6) | (d & 0x3f);
      }
      used = len > 0 ? k : 1;
      if (len > 0 && k === len) cp = v;
      else if (dropInvalid) {
        i += used;
        continue;
      }
    }
    i += used;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else chunk.push(cp);
    if (chunk.length >= CHUNK) {
      out += String.fromCharCode(...chunk);
      chunk = [];
    }
  }
  return out + String.fromCharCode(...chunk);
}

/**
 * How many bytes utf8Decode takes for the character (or the malformed stretch) at `i`, and how many UTF-16
 * units it gives: where a decoder stops between characters.
 */
export function utf8Step(b: Uint8Array, i: number): { bytes: number; units: number } {
  const c = b[i];
  if (c < 0x80) return { bytes: 1, units: 1 };
  const len = c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
  if (len === 0) return { bytes: 1, units: 1 };
  const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
  const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
  let k = 1;
  for (; k < len && i + k < b.length; k++) {
    const d = b[i + k];
    if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) break;
  }
  return { bytes: k, units: k === 4 ? 2 : 1 };
}

/** Bytes `s` takes in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function utf8Bytes(ch: string): number[] {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** The first `n` bytes of `s` (a split character is cut whole, which is what a terminal would show anyway). */
export function utf8Prefix(s: string, n: number): string {
  let bytes = 0;
  let i = 0;
  for (const ch of s) {
    const len = utf8Bytes(ch).length;
    if (bytes + len > n) break;
    bytes += len;
    i += ch.length;
  }
  return s.slice(0, i);
}
