/**
 * The sizes of an image's files. The trees in this directory hold what the simulation needs of each file (a
 * binary is a marker line naming its simulated program), so on their own a 78 MB ubuntu image would weigh
 * 1.8 MB. Here the machine code an image ships gets its size back (fs/apparent.ts): binaries whose real size is
 * known get it, and the rest of what Docker Hub says the image weighs is spread over the other binaries and
 * libraries, so `du -sh /` in a container, the layer's size and `docker images` agree.
 */
import { apparent } from '../fs/apparent.js';
import { contentLength } from '../fs/deferred.js';
import type { Tree, TreeEntry } from '../fs/tree.js';
import { utf8Encode } from '../kernel/utf8.js';
import { gzip } from '../../pkg/archive/gzip.js';

/** Real sizes (bytes) of files in the images, from the images themselves (amd64). */
export const KNOWN_SIZES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'ubuntu:24.04': { '/usr/bin/bash': 1_446_024 },
};

const ELF = [0x7f, 0x45, 0x4c, 0x46];

/** How much of the spread a library takes against a program's 1: shared objects are the big files of a base image. */
const LIB_WEIGHT = 8;

function isElf(c: string | Uint8Array): boolean {
  const b = typeof c === 'string' ? utf8Encode(c.slice(0, 4)) : c;
  return b.length >= 4 && ELF.every((m, i) => b[i] === m);
}

function headKey(c: string | Uint8Array): string {
  return typeof c === 'string' ? c : String.fromCharCode(...c.subarray(0, 256));
}

/**
 * `tree` with its ELF files sized so that the tree's bytes (files plus symlink targets, as a layer counts them)
 * come to `total`. Several files with the same content are one program under several names (busybox's applets,
 * hard links on the real disk): only the one named after the program (else the first) takes a share.
 */
export function sizeTree(tree: Tree, total: number, known: Readonly<Record<string, number>> = {}): Tree {
  let fixed = 0;
  const spread: { path: string; weight: number }[] = [];
  const seen = new Set<string>();
  const paths = Object.keys(tree).sort();
  const owners = new Map<string, string>();
  for (const path of paths) {
    const e = tree[path];
    if (e.type !== 'file' || !isElf(e.content)) continue;
    const key = headKey(e.content);
    const named = key.endsWith(`:${path.slice(path.lastIndexOf('/') + 1)}\n`);
    const prev = owners.get(key);
    if (prev === undefined || (named && !key.endsWith(`:${prev.slice(prev.lastIndexOf('/') + 1)}\n`))) owners.set(key, path);
  }
  const owner = new Set(owners.values());
  for (const path of paths) {
    const e = tree[path];
    if (e.type === 'symlink') fixed += utf8Encode(e.target).length;
    if (e.type !== 'file') continue;
    if (known[path] !== undefined) fixed += known[path];
    else if (owner.has(path) && !seen.has(path)) {
      seen.add(path);
      spread.push({ path, weight: path.includes('.so') ? LIB_WEIGHT : 1 });
    } else fixed += contentLength(e.content);
  }
  const out: Record<string, TreeEntry> = { ...tree };
  for (const [path, size] of Object.entries(known)) {
    const e = tree[path];
    if (e?.type === 'file') out[path] = { ...e, content: apparent(e.content, size) };
  }
  let left = Math.max(0, total - fixed);
  let weights = spread.reduce((s, f) => s + f.weight, 0);
  for (const f of spread) {
    const e = tree[f.path] as Extract<TreeEntry, { type: 'file' }>;
    const size = Math.floor((left * f.weight) / weights);
    left -= size;
    weights -= f.weight;
    out[f.path] = { ...e, content: apparent(e.content, Math.max(size, contentLength(e.content))) };
  }
  return out;
}

/** Bytes a tree's entries hold as a layer counts them: files' contents and symlinks' targets. */
function treeBytes(tree: Tree): number {
  let n = 0;
  for (const e of Object.values(tree)) {
    if (e.type === 'file') n += contentLength(e.content);
    else if (e.type === 'symlink') n += utf8Encode(e.target).length;
  }
  return n;
}

/**
 * A package's files weighing its Installed-Size (`total` bytes). Its machine code takes the bytes when the model
 * has some (sizeTree). A package the model has no ELF for is data (nginx-common, tzdata, vim-runtime, perl's
 * modules) whose real files the model leaves out: its bytes go to `changelog`, the changelog.Debian.gz that
 * Ubuntu's minimized images keep besides the copyright (their dpkg path-include), a real gzip member of `text`
 * grown with padding zcat skips (fs/apparent.ts). The layer then weighs what the real one does, deterministically.
 */
export function sizePackage(tree: Tree, total: number, changelog: { readonly path: string; readonly text: string; readonly mtimeMs?: number }): Tree {
  const hasElf = Object.values(tree).some((e) => e.type === 'file' && isElf(e.content));
  if (hasElf) return sizeTree(tree, total);
  const gz = gzip(utf8Encode(changelog.text));
  const size = Math.max(gz.length, total - treeBytes(tree));
  const entry: TreeEntry = { type: 'file', mode: 0o644, content: apparent(gz, size, 'gzip'), mtimeMs: changelog.mtimeMs };
  // In the .deb (and so in dpkg -L) it comes before the copyright beside it, as names sort.
  const out: Record<string, TreeEntry> = {};
  const before = `${changelog.path.slice(0, changelog.path.lastIndexOf('/'))}/copyright`;
  for (const [path, e] of Object.entries(tree)) {
    if (path === before) out[changelog.path] = entry;
    out[path] = e;
  }
  out[changelog.path] = entry;
  return out;
}
