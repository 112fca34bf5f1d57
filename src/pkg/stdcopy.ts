/**
 * The multiplexed stream of attach/logs/exec without a TTY (moby's pkg/stdcopy): frames of an 8-byte header
 * `[stream, 0, 0, 0, size as uint32 big-endian]` and `size` payload bytes. Payloads are binary strings.
 */
export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
/** The daemon reports an error in-band (API ≥ 1.42… in moby: `systemerr`). */
export const SYSTEMERR = 3;
export type StreamType = 0 | 1 | 2 | 3;

/** One frame. An empty payload writes nothing, as StdWriter does. */
export function encodeFrame(stream: StreamType, payload: string): string {
  if (payload.length === 0) return '';
  const n = payload.length;
  return String.fromCharCode(stream, 0, 0, 0, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff) + payload;
}

export interface Frame {
  readonly stream: StreamType;
  readonly payload: string;
}

export class FrameError extends Error {}

/** Reassembles frames from bytes arriving in any split. */
export class FrameDecoder {
  private buf = '';

  push(bytes: string): Frame[] {
    this.buf += bytes;
    const out: Frame[] = [];
    let pos = 0;
    while (this.buf.length - pos >= 8) {
      const t = this.buf.charCodeAt(pos);
      // stdcopy.StdCopy: an unknown stream type is an error, not data.
      if (t > 3) throw new FrameError(`Unrecognized input header: ${t}`);
      const size =
        ((this.buf.charCodeAt(pos + 4) << 24) >>> 0) +
        (this.buf.charCodeAt(pos + 5) << 16) +
        (this.buf.charCodeAt(pos + 6) << 8) +
        this.buf.charCodeAt(pos + 7);
      if (this.buf.length - pos - 8 < size) break;
      out.push({ stream: t as StreamType, payload: this.buf.slice(pos + 8, pos + 8 + size) });
      pos += 8 + size;
    }
    this.buf = this.buf.slice(pos);
    return out;
  }

  /** Bytes of an incomplete frame still held (non-zero at end of stream means it was cut). */
  get pending(): number {
    return this.buf.length;
  }
}

export const MEDIA_RAW_STREAM = 'application/vnd.docker.raw-stream';
export const MEDIA_MULTIPLEXED_STREAM = 'application/vnd.docker.multiplexed-stream';
