/**
 * Layer blobs without their bytes. A registry stores a layer as a gzip'd tar named by its digest; here the
 * blob is the daemon's own `Layer` object, shared by reference: a push hands the registry the layer, a pull
 * hands it back, and no byte is copied however big the layer is. The bytes are made only when something reads
 * the blob's file (`DeferredBytes`): a tar of the layer (GNU tar's format) in a gzip of stored deflate blocks,
 * whose length is known in advance, so the size a manifest gives is the file's size before and after.
 *
 * The pool is content-addressed (a blob digest names one layer content for good), so it is shared by every
 * machine on the page, like the offline catalogue's builds. A blob's digest is derived from the layer's DiffID
 * (`sha256("blob:" + diffID)`, as registry.ts names the catalogue's blobs): hashing 100 MB of tar.gz on every
 * push is exactly what this design avoids, so `sha256sum data` does not give the digest.
 */
import { contentBytes, contentLength, DeferredBytes } from '../../fs/deferred.js';
import type { Layer } from '../../fs/layer.js';
import { sha256Hex } from '../../fs/sha256.js';
import type { TreeEntry } from '../../fs/tree.js';
import { utf8Encode } from '../../kernel/utf8.js';
import { crc32 } from '../../../pkg/archive/deflate.js';
import { RECORD, writeTar, type TarEntry } from '../../../pkg/archive/tar.js';

const pool = new Map<string, Layer>();

/** The blob digest of a layer (its compressed form's name). */
export function blobDigest(diffId: string): string {
  return `sha256:${sha256Hex(utf8Encode(`blob:${diffId}`))}`;
}

/** Registers a layer as a blob; returns its digest. */
export function shareLayer(layer: Layer): string {
  const d = blobDigest(layer.digest);
  if (!pool.has(d)) pool.set(d, layer);
  return d;
}

export function layerOfBlob(digest: string): Layer | undefined {
  return pool.get(digest);
}

function tarEntries(layer: Layer): TarEntry[] {
  const out: TarEntry[] = [];
  const tree = layer.toTree();
  for (const path of Object.keys(tree)) {
    if (path === '/') continue;
    const e: TreeEntry = tree[path];
    const name = path.slice(1) + (e.type === 'dir' ? '/' : '');
    const base = { name, mode: 'mode' in e && e.mode !== undefined ? e.mode : 0o644, uid: e.uid ?? 0, gid: e.gid ?? 0, uname: '', gname: '', mtime: Math.floor((e.mtimeMs ?? 0) / 1000) };
    if (e.type === 'file') out.push({ ...base, type: 'file', data: typeof e.content === 'string' ? utf8Encode(e.content) : e.content });
    else if (e.type === 'dir') out.push({ ...base, type: 'dir' });
    else if (e.type === 'symlink') out.push({ ...base, mode: 0o777, type: 'symlink', linkname: e.target });
    else out.push({ ...base, type: 'chardev', devmajor: e.rdev >> 8, devminor: e.rdev & 0xff });
  }
  return out;
}

const pad = (n: number): number => Math.ceil(n / 512) * 512;

/** writeTar's output length, from the entries' sizes alone. */
function tarLength(entries: readonly TarEntry[]): number {
  let n = 1024;
  for (const e of entries) {
    for (const long of [e.linkname, e.name]) if (long !== undefined && utf8Encode(long).length > 100) n += 512 + pad(utf8Encode(long).length + 1);
    n += 512 + (e.type === 'file' ? pad(e.data ? contentLength(e.data) : 0) : 0);
  }
  return Math.ceil(n / RECORD) * RECORD;
}

const STORED_MAX = 65535;

function gzipLength(raw: number): number {
  return 10 + Math.max(1, Math.ceil(raw / STORED_MAX)) * 5 + raw + 8;
}

/** gzip with stored (uncompressed) deflate blocks: valid for gunzip and tar xz, and of a length known ahead. */
function storedGzip(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(gzipLength(data.length));
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  let p = 10;
  let i = 0;
  do {
    const n = Math.min(STORED_MAX, data.length - i);
    const last = i + n >= data.length;
    out.set([last ? 1 : 0, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff], p);
    out.set(data.subarray(i, i + n), p + 5);
    p += 5 + n;
    i += n;
  } while (i < data.length);
  const crc = crc32(data);
  const size = data.length >>> 0;
  out.set([crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24, size & 0xff, (size >>> 8) & 0xff, (size >>> 16) & 0xff, size >>> 24], p);
  return out;
}

const sizes = new WeakMap<Layer, number>();

/** The blob's length: what a manifest says and `ls -l` shows of the registry's data file. */
export function blobSize(layer: Layer): number {
  let n = sizes.get(layer);
  if (n === undefined) {
    n = gzipLength(tarLength(tarEntries(layer)));
    sizes.set(layer, n);
  }
  return n;
}

/** The blob's bytes, made when read. */
export function deferredBlob(layer: Layer): DeferredBytes {
  // Apparent files (fs/apparent.ts) are made here, one tar's worth, only when the blob itself is read.
  const made = (): TarEntry[] => tarEntries(layer).map((e) => (e.data ? { ...e, data: contentBytes(e.data) } : e));
  return new DeferredBytes(blobSize(layer), () => storedGzip(writeTar(made())), layer);
}
