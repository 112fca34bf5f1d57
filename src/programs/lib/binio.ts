/**
 * Archives and compressed data on descriptors that carry text. The kernel's descriptors move strings
 * (UTF-8 at the file boundary), which would mangle gzip's bytes, so: a regular file behind stdout gets the
 * bytes written to it directly; a pipe gets one character per byte (Latin-1), which the readers here
 * (gzip -d, tar) recognise by the gzip magic at its start; text stays UTF-8 both ways.
 */
import type { Sys } from '../../engine/kernel/sys.js';
import { utf8Decode, utf8Encode } from '../../engine/kernel/utf8.js';
import { readAll } from '../coreutils/common.js';

/** The path of the regular file open on `fd`, if it is one (what /proc/self/fd shows). */
function fileBehind(sys: Sys, fd: number): string | null {
  try {
    const target = sys.fs.readlink(`/proc/self/fd/${fd}`);
    if (!target.startsWith('/')) return null;
    return sys.fs.stat(target).type === 'file' ? target : null;
  } catch {
    return null;
  }
}

/** Writes bytes to stdout: straight into the file it is redirected to, else as one character per byte. */
export async function writeBytes(sys: Sys, fd: number, data: Uint8Array, binary: boolean): Promise<void> {
  if (data.length === 0) return;
  const file = binary ? fileBehind(sys, fd) : null;
  if (file !== null) {
    sys.fs.writeFile(file, data, { append: true });
    return;
  }
  await sys.write(fd, binary ? latin1(data) : utf8Decode(data));
}

function latin1(data: Uint8Array): string {
  let s = '';
  for (let i = 0; i < data.length; i += 8192) s += String.fromCharCode(...data.subarray(i, i + 8192));
  return s;
}

/** Reads a descriptor to its end as bytes (see the module comment for how binary data arrives). */
export async function readBytes(sys: Sys, fd: number): Promise<Uint8Array> {
  const file = fileBehind(sys, fd);
  if (file !== null && fd === 0) {
    // A redirected file (`gunzip < x.gz`): its bytes as they are on disk.
    return sys.fs.readFile(file);
  }
  const text = await readAll(sys, fd);
  if (text.charCodeAt(0) === 0x1f && text.charCodeAt(1) === 0x8b && !/[^\x00-\xff]/.test(text)) {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }
  return utf8Encode(text);
}
