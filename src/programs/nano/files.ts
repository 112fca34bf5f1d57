/**
 * Reading and writing the edited file the way nano 7.2 reports it, and the vim-style lock file Ubuntu's
 * /etc/nanorc asks for (`set locking`): `.NAME.swp` beside the file while it is open, gone on exit.
 */
import { isSysError, STRERROR, type Errno } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { utf8Encode } from '../../engine/kernel/utf8.js';

/** A status-bar message and how much it matters (nano's message_type: errors outrank notes). */
export interface Message {
  readonly text: string;
  readonly level: 'hush' | 'remark' | 'info' | 'ahem' | 'mild' | 'alert';
}

export interface Opened {
  readonly lines: string[];
  readonly dos: boolean;
  readonly message: Message;
  /** The file could not be read: the buffer starts empty. */
  readonly failed: boolean;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : path.slice(0, i);
}

function strerror(e: unknown): string {
  return isSysError(e) ? STRERROR[e.code as Errno] : String(e);
}

/** open_buffer + read_file: the file's lines, or a new buffer with "New File". */
export function openFile(sys: Sys, name: string): Opened {
  const fs = sys.fs;
  if (!fs.exists(name)) {
    const dir = dirOf(name);
    if (fs.exists(dir) && !fs.access(dir, 'w')) {
      return { lines: [], dos: false, failed: false, message: { text: `Directory '${dir}' is not writable`, level: 'mild' } };
    }
    return { lines: [], dos: false, failed: false, message: { text: 'New File', level: 'remark' } };
  }
  const st = fs.stat(name);
  if (st.type === 'dir') return { lines: [], dos: false, failed: true, message: { text: `"${name}" is a directory`, level: 'alert' } };
  if (st.type !== 'file') return { lines: [], dos: false, failed: true, message: { text: `"${name}" is a device file`, level: 'alert' } };
  let content: string;
  try {
    content = fs.readText(name);
  } catch (e) {
    return { lines: [], dos: false, failed: true, message: { text: `Error reading ${name}: ${strerror(e)}`, level: 'alert' } };
  }
  let lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const dos = lines.length > 0 && lines[0].endsWith('\r');
  if (dos) lines = lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const n = lines.length;
  const plural = n === 1 ? 'line' : 'lines';
  const message: Message = !fs.access(name, 'w')
    ? { text: `File '${name}' is unwritable`, level: 'alert' }
    : { text: `Read ${n} ${plural}${dos ? ' (Converted from DOS format)' : ''}`, level: 'remark' };
  return { lines, dos, failed: false, message };
}

/** Writes the buffer's text; the message nano shows either way. */
export function writeFile(sys: Sys, name: string, text: string, count: number): { ok: boolean; message: Message } {
  try {
    if (sys.fs.exists(name) && sys.fs.stat(name).type === 'dir') {
      return { ok: false, message: { text: `Error writing ${name}: Is a directory`, level: 'alert' } };
    }
    sys.fs.writeFile(name, text);
  } catch (e) {
    return { ok: false, message: { text: `Error writing ${name}: ${strerror(e)}`, level: 'alert' } };
  }
  return { ok: true, message: { text: `Wrote ${count} ${count === 1 ? 'line' : 'lines'}`, level: 'remark' } };
}

/** `.NAME.swp` beside NAME. */
export function lockPath(name: string): string {
  const i = name.lastIndexOf('/');
  return `${name.slice(0, i + 1)}.${name.slice(i + 1)}.swp`;
}

const LOCK_SIZE = 1024;

/**
 * The lock file's 1024 bytes as nano writes them: "b0nano 7.2", its PID, user, host and the file's name at
 * vim's offsets, and 'U' at 1007 once the buffer is modified.
 */
export function lockContent(version: string, pid: number, user: string, host: string, name: string, modified: boolean): Uint8Array {
  const bytes = new Uint8Array(LOCK_SIZE);
  const put = (at: number, s: string, max: number): void => {
    const b = utf8Encode(s);
    bytes.set(b.subarray(0, max), at);
  };
  put(0, `b0nano ${version}`, 12);
  for (let i = 0; i < 4; i++) bytes[24 + i] = (pid >> (8 * i)) & 0xff;
  put(28, user, 16);
  put(68, host, 32);
  put(108, name, 768);
  if (modified) bytes[1007] = 0x55;
  return bytes;
}

/** Writes the lock file; false (silently, as a later message covers it) when the directory is not writable. */
export function writeLock(sys: Sys, path: string, content: Uint8Array): boolean {
  try {
    sys.fs.writeFile(path, content);
    return true;
  } catch {
    return false;
  }
}

export function removeLock(sys: Sys, path: string): void {
  try {
    sys.fs.unlink(path);
  } catch {
    // gone already, or never written
  }
}
