/**
 * HTTP here works on "binary strings": each UTF-16 code unit is one byte (0–255), so a body may be any bytes
 * (a tar stream) and JSON is plain string work. Text crosses into that world UTF-8 encoded here, at the HTTP
 * boundary, so Content-Length and frame sizes count bytes as a real peer does; the bytes cross to the
 * kernel's sockets in `sendWire`/`readWire`, exactly, so a real client behind the daemon bridge gets them.
 */
import { latin1 } from '../engine/kernel/chunks.js';
import type { Sys } from '../engine/kernel/sys.js';
import { utf8Decode, utf8Encode } from '../engine/kernel/utf8.js';

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * What to hand Sys.write for a binary string: ASCII (HTTP heads, most JSON) goes as the string it is, the
 * same bytes, with no copy; anything else as the bytes it stands for.
 */
export function wire(bytes: string): string | Uint8Array {
  return NON_ASCII.test(bytes) ? arrayFromBytes(bytes) : bytes;
}

/** Writes a binary string to a socket as the bytes it stands for. */
export function sendWire(sys: Sys, fd: number, bytes: string): Promise<void> {
  return sys.write(fd, wire(bytes));
}

/** Reads a socket's bytes as a binary string (null at end of file); text written as text costs no copy. */
export async function readWire(sys: Pick<Sys, 'readData'>, fd: number): Promise<string | null> {
  const d = await sys.readData(fd);
  return d === null ? null : typeof d === 'string' ? textToBytes(d) : latin1(d);
}

/** UTF-8 bytes of `text`, as a binary string. */
export function textToBytes(text: string): string {
  // ASCII is the common case (HTTP heads, most JSON): no copy through a byte array.
  if (!NON_ASCII.test(text)) return text;
  return bytesFromArray(utf8Encode(text));
}

/** Decodes a binary string of UTF-8 (invalid sequences become U+FFFD). */
export function bytesToText(bytes: string): string {
  if (!NON_ASCII.test(bytes)) return bytes;
  return utf8Decode(arrayFromBytes(bytes));
}

export function bytesFromArray(a: Uint8Array): string {
  return latin1(a);
}

export function arrayFromBytes(s: string): Uint8Array {
  const a = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i) & 0xff;
  return a;
}

/**
 * Decodes UTF-8 arriving in pieces: a multi-byte sequence split across two reads is held back until its
 * last byte arrives, so a TTY stream never shows a replacement character in the middle of `é`.
 */
export class Utf8StreamDecoder {
  private held = '';

  push(bytes: string): string {
    const all = this.held + bytes;
    const cut = incompleteTail(all);
    this.held = all.slice(all.length - cut);
    return bytesToText(all.slice(0, all.length - cut));
  }

  /** End of stream: whatever is held decodes (to U+FFFD). */
  end(): string {
    const rest = this.held;
    this.held = '';
    return bytesToText(rest);
  }
}

/** How many bytes at the end of `s` start a UTF-8 sequence that is not complete yet. */
function incompleteTail(s: string): number {
  for (let back = 1; back <= 3 && back <= s.length; back++) {
    const c = s.charCodeAt(s.length - back);
    if (c < 0x80) return 0;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
  }
  return 0;
}
