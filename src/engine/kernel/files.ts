/** Open file descriptions for regular files and the character devices in /dev. */
import type { ReadResult, WriteResult } from './io.js';
import type { OpenFile } from './openfile.js';
import type { Backend, FsCaller } from './fsTypes.js';
import type { Prng } from './prng.js';
import { utf8Decode, utf8Encode } from './utf8.js';

const CHUNK = 65536;

/**
 * A regular file opened for reading and/or writing. Reads see the content as of the first read (enough for
 * the sequential I/O programs here do); writes go straight through to the backend, so `>>` from two
 * processes interleaves as on Linux with O_APPEND.
 */
export function regularFile(
  backend: Backend,
  path: string,
  opts: { read: boolean; write: boolean; append: boolean },
  caller: FsCaller,
): OpenFile {
  let content: string | null = null;
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
      if (content === null) content = utf8Decode(backend.readFile(path, caller));
      if (offset >= content.length) return null;
      const out = content.slice(offset, offset + Math.min(CHUNK, max ?? CHUNK));
      offset += out.length;
      return out;
    },
    tryWrite(data: string): WriteResult {
      const bytes = utf8Encode(data);
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

export function deviceFile(name: DeviceName, prng: Prng): OpenFile {
  return {
    kind: 'device',
    readable: true,
    writable: true,
    refs: 0,
    readWait: null,
    writeWait: null,
    tryRead(): ReadResult {
      if (name === 'null') return null;
      if (name === 'zero') return ZEROS;
      let s = '';
      for (let i = 0; i < 256; i++) s += String.fromCharCode(prng.u32() & 0xff);
      return s;
    },
    tryWrite: () => 'ok',
    release() {},
    describe: () => `/dev/${name}`,
  };
}
