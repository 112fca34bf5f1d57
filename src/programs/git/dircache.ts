/**
 * The index (`.git/index`), git's "dircache", in format version 2 as git 2.43 writes it by default: the
 * `DIRC` header, one entry per staged path (the stat data git compares to tell a changed file without reading
 * it, the blob id, flags, the path padded with NULs to a multiple of 8), and the SHA-1 of all of it at the end.
 */
import type { Stat } from '../../engine/kernel/fsTypes.js';
import { Sha1 } from '../../engine/fs/sha1.js';
import { bytesHex, hexBytes, text, utf8 } from './objects.js';

export interface IndexEntry {
  readonly ctimeSec: number;
  readonly ctimeNsec: number;
  readonly mtimeSec: number;
  readonly mtimeNsec: number;
  readonly dev: number;
  readonly ino: number;
  /** 0o100644, 0o100755 or 0o120000. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly id: string;
  readonly path: string;
}

export class IndexError extends Error {}

/** The mode git records for a file: executable or not, or a symlink. */
export function gitMode(st: Stat): number {
  if (st.type === 'symlink') return 0o120000;
  return st.mode & 0o111 ? 0o100755 : 0o100644;
}

export function entryFromStat(path: string, id: string, st: Stat): IndexEntry {
  const split = (ms: number): [number, number] => {
    const sec = Math.floor(ms / 1000);
    return [sec >>> 0, Math.round((ms - sec * 1000) * 1e6) >>> 0];
  };
  const [cs, cn] = split(st.ctimeMs);
  const [ms, mn] = split(st.mtimeMs);
  return {
    ctimeSec: cs, ctimeNsec: cn, mtimeSec: ms, mtimeNsec: mn, dev: st.dev >>> 0, ino: st.ino >>> 0,
    mode: gitMode(st), uid: st.uid >>> 0, gid: st.gid >>> 0, size: st.size >>> 0, id, path,
  };
}

/** True when the file's stat data still matches what was staged (git's ie_match_stat, without racy-git checks). */
export function statMatches(e: IndexEntry, st: Stat): boolean {
  const now = entryFromStat(e.path, e.id, st);
  return now.mtimeSec === e.mtimeSec && now.mtimeNsec === e.mtimeNsec && now.ctimeSec === e.ctimeSec
    && now.ctimeNsec === e.ctimeNsec && now.size === e.size && now.mode === e.mode && now.ino === e.ino;
}

/** git orders entries by path, bytewise. */
export function comparePaths(a: string, b: string): number {
  const x = utf8(a);
  const y = utf8(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

export function encodeIndex(entries: readonly IndexEntry[]): Uint8Array {
  const sorted = [...entries].sort((a, b) => comparePaths(a.path, b.path));
  const chunks: Uint8Array[] = [];
  const header = new Uint8Array(12);
  const hv = new DataView(header.buffer);
  header.set(utf8('DIRC'));
  hv.setUint32(4, 2);
  hv.setUint32(8, sorted.length);
  chunks.push(header);
  for (const e of sorted) {
    const name = utf8(e.path);
    // 62 fixed bytes and the name, then 1–8 NULs to the next multiple of 8.
    const len = Math.floor((62 + name.length + 8) / 8) * 8;
    const b = new Uint8Array(len);
    const v = new DataView(b.buffer);
    const words = [e.ctimeSec, e.ctimeNsec, e.mtimeSec, e.mtimeNsec, e.dev, e.ino, e.mode, e.uid, e.gid, e.size];
    words.forEach((w, i) => v.setUint32(4 * i, w >>> 0));
    b.set(hexBytes(e.id), 40);
    v.setUint16(60, Math.min(name.length, 0xfff));
    b.set(name, 62);
    chunks.push(b);
  }
  const size = chunks.reduce((a, c) => a + c.length, 0);
  const out = new Uint8Array(size + 20);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  out.set(hexBytes(new Sha1().update(out.subarray(0, size)).hex()), size);
  return out;
}

/** Parses a version 2 index (extensions are skipped); throws IndexError with git's words for a bad file. */
export function parseIndex(data: Uint8Array): IndexEntry[] {
  if (data.length < 12 + 20) throw new IndexError('index file smaller than expected');
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (text(data.subarray(0, 4)) !== 'DIRC') throw new IndexError('bad signature 0x' + v.getUint32(0).toString(16).padStart(8, '0'));
  const version = v.getUint32(4);
  if (version !== 2) throw new IndexError(`index file version ${version} is not simulated in dockersim`);
  if (new Sha1().update(data.subarray(0, data.length - 20)).hex() !== bytesHex(data.subarray(data.length - 20))) {
    throw new IndexError('index file corrupt');
  }
  const n = v.getUint32(8);
  const out: IndexEntry[] = [];
  let p = 12;
  for (let i = 0; i < n; i++) {
    const w = (k: number): number => v.getUint32(p + 4 * k);
    const flags = v.getUint16(p + 60);
    let nameLen = flags & 0xfff;
    if (nameLen === 0xfff) nameLen = data.indexOf(0, p + 62) - (p + 62);
    out.push({
      ctimeSec: w(0), ctimeNsec: w(1), mtimeSec: w(2), mtimeNsec: w(3), dev: w(4), ino: w(5), mode: w(6), uid: w(7), gid: w(8), size: w(9),
      id: bytesHex(data.subarray(p + 40, p + 60)), path: text(data.subarray(p + 62, p + 62 + nameLen)),
    });
    p += Math.floor((62 + nameLen + 8) / 8) * 8;
  }
  return out;
}
