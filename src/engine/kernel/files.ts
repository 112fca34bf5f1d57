/** Open file descriptions for regular files and the character devices in /dev. */
import { charBoundary, incompleteTail } from './chunks.js';
import type { BytesResult, Data, ReadResult, WriteResult } from './io.js';
import type { OpenFile } from './openfile.js';
import type { Backend, FsCaller } from './fsTypes.js';
import type { Prng } from './prng.js';
import { utf8Decode, utf8Encode } from './utf8.js';

/** Bytes one read takes at most. */
const CHUNK = 65536;

/**
 * A regular file opened for reading and/or writing. Reads see the content as of the first read (enough for
 * the sequential I/O programs here do), as bytes or as text decoded a read at a time (never ending inside a
 * character); writes go straight through to the backend as bytes, so `>>` from two processes interleaves as
 * on Linux with O_APPEND.
 */
export function regularFile(
  backend: Backend,
  path: string,
  opts: { read: boolean; write: boolean; append: boolean },
  caller: FsCaller,
): OpenFile {
  let content: Uint8Array | null = null;
  /** Bytes read so far. */
  let offset = 0;
  let writeOffset = 0;
  return {
    kind: 'file',
    readable: opts.read,
    writable: opts.write,
    refs: 0,
    readWait: null,
    writeWait: null,
    tryRead(max?: number): ReadResult {
      content ??= backend.readFile(path, caller);
      if (offset >= content.length) return null;
      const window = content.subarray(offset, offset + CHUNK);
      let end = window.length;
      if (max !== undefined && max > 0) end = charBoundary(window, max);
      else if (offset + end < content.length) end -= incompleteTail(window);
      if (end === 0) end = window.length;
      offset += end;
      return utf8Decode(window.subarray(0, end));
    },
    tryReadBytes(max?: number): BytesResult {
      content ??= backend.readFile(path, caller);
      if (offset >= content.length) return null;
      const out = content.slice(offset, offset + Math.min(CHUNK, max !== undefined && max > 0 ? max : CHUNK));
      offset += out.length;
      return out;
    },
    tryWrite(data: Data): WriteResult {
      const bytes = typeof data === 'string' ? utf8Encode(data) : data;
      const st = backend.lstat(path);
      if (opts.append || writeOffset >= st.size) {
        backend.writeFile(path, bytes, { append: true, mode: st.mode, uid: st.uid, gid: st.gid });
      } else {
        const old = backend.readFile(path);
        const merged = new Uint8Array(Math.max(old.length, writeOffset + bytes.length));
        merged.set(old);
        merged.set(bytes, writeOffset);
        backend.writeFile(path, merged, { mode: st.mode, uid: st.uid, gid: st.gid });
      }
      writeOffset += bytes.length;
      return 'ok';
    },
    release() {},
    describe: () => path,
  };
}

export type DeviceName = 'null' | 'zero' | 'random' | 'urandom';

/** One shared page of NULs: a reader holding many (tail /dev/zero) recognises a repeat at a glance. */
const ZEROS = '\0'.repeat(4096);
const PAGE = 4096;

export function deviceFile(name: DeviceName, prng: Prng): OpenFile {
  return new DeviceFile(name, prng);
}

/** A class, not an object of closures: every container's PID 1 holds /dev/null as its stdin. */
class DeviceFile implements OpenFile {
  readonly kind = 'device';
  readonly readable = true;
  readonly writable = true;
  refs = 0;
  readonly readWait = null;
  readonly writeWait = null;

  constructor(
    private readonly name: DeviceName,
    private readonly prng: Prng,
  ) {}

  private random(): Uint8Array {
    const b = new Uint8Array(256);
    for (let i = 0; i < 256; i++) b[i] = this.prng.u32() & 0xff;
    return b;
  }

  tryRead(): ReadResult {
    if (this.name === 'null') return null;
    if (this.name === 'zero') return ZEROS;
    // Random bytes read as text are what a decoder makes of them (mostly U+FFFD).
    return utf8Decode(this.random());
  }

  tryReadBytes(max?: number): BytesResult {
    if (this.name === 'null') return null;
    if (this.name === 'zero') return new Uint8Array(max !== undefined && max > 0 ? Math.min(max, PAGE) : PAGE);
    const b = this.random();
    return max !== undefined && max > 0 && max < b.length ? b.subarray(0, max) : b;
  }

  tryWrite(): WriteResult {
    return 'ok';
  }

  release(): void {}

  describe(): string {
    return `/dev/${this.name}`;
  }
}
