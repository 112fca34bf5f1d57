/**
 * git's object database as git writes it: an object is `<type> <size>\0<content>`, named by the SHA-1 of
 * those bytes and stored zlib-compressed at `objects/<2 hex>/<38 hex>` (mode 0444). Reading inflates and
 * checks the header, so a repository written here is one the real git reads, and the other way round.
 */
import type { Fs } from '../../engine/kernel/fsTypes.js';
import { Sha1 } from '../../engine/fs/sha1.js';
import { utf8Decode, utf8Encode } from '../../engine/kernel/utf8.js';
import { zlibDeflate, zlibInflate } from '../../pkg/archive/zlib.js';

export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

export function utf8(s: string): Uint8Array {
  return utf8Encode(s);
}

export function text(b: Uint8Array): string {
  return utf8Decode(b);
}

/** The bytes git hashes and stores: the header, then the content. */
export function objectBytes(type: ObjectType, content: Uint8Array): Uint8Array {
  const head = utf8(`${type} ${content.length}\0`);
  const out = new Uint8Array(head.length + content.length);
  out.set(head);
  out.set(content, head.length);
  return out;
}

export function hashObject(type: ObjectType, content: Uint8Array): string {
  return new Sha1().update(objectBytes(type, content)).hex();
}

/** Splits a stored (inflated) object into its type and content; throws on a malformed header. */
export function parseObject(raw: Uint8Array): { type: ObjectType; content: Uint8Array } {
  const nul = raw.indexOf(0);
  const m = nul < 0 ? null : /^(blob|tree|commit|tag) (\d+)$/.exec(text(raw.subarray(0, nul)));
  if (!m || Number(m[2]) !== raw.length - nul - 1) throw new Error('bad object header');
  return { type: m[1] as ObjectType, content: raw.subarray(nul + 1) };
}

export class ObjectDb {
  constructor(private readonly fs: Fs, readonly dir: string) {}

  path(id: string): string {
    return `${this.dir}/${id.slice(0, 2)}/${id.slice(2)}`;
  }

  has(id: string): boolean {
    return this.fs.exists(this.path(id));
  }

  write(type: ObjectType, content: Uint8Array): string {
    const raw = objectBytes(type, content);
    const id = new Sha1().update(raw).hex();
    if (this.has(id)) return id;
    const sub = `${this.dir}/${id.slice(0, 2)}`;
    if (!this.fs.exists(sub)) this.fs.mkdir(sub, { mode: 0o755 });
    this.fs.writeFile(this.path(id), zlibDeflate(raw, 1), { mode: 0o444 });
    return id;
  }

  read(id: string): { type: ObjectType; content: Uint8Array } {
    return parseObject(zlibInflate(this.fs.readFile(this.path(id))));
  }

  /** Every loose object's id (clone copies them). */
  list(): string[] {
    const out: string[] = [];
    for (const d of this.fs.readdir(this.dir).sort()) {
      if (!/^[0-9a-f]{2}$/.test(d)) continue;
      for (const f of this.fs.readdir(`${this.dir}/${d}`).sort()) if (/^[0-9a-f]{38}$/.test(f)) out.push(d + f);
    }
    return out;
  }
}

// ------------------------------------------------------------------ trees

export interface TreeEntry {
  /** `100644`, `100755`, `120000`, `40000` as git writes them (no leading zero for trees). */
  readonly mode: string;
  readonly name: string;
  readonly id: string;
}

/** git sorts a tree's entries by name, a subtree's name compared as if it ended in `/`. */
function sortKey(e: TreeEntry): string {
  return e.mode === '40000' ? `${e.name}/` : e.name;
}

function compareBytes(a: string, b: string): number {
  const x = utf8(a);
  const y = utf8(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

export function encodeTree(entries: readonly TreeEntry[]): Uint8Array {
  const sorted = [...entries].sort((a, b) => compareBytes(sortKey(a), sortKey(b)));
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const e of sorted) {
    const head = utf8(`${e.mode} ${e.name}\0`);
    const id = hexBytes(e.id);
    parts.push(head, id);
    size += head.length + id.length;
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function decodeTree(content: Uint8Array): TreeEntry[] {
  const out: TreeEntry[] = [];
  let p = 0;
  while (p < content.length) {
    const sp = content.indexOf(0x20, p);
    const nul = content.indexOf(0, sp);
    out.push({ mode: text(content.subarray(p, sp)), name: text(content.subarray(sp + 1, nul)), id: bytesHex(content.subarray(nul + 1, nul + 21)) });
    p = nul + 21;
  }
  return out;
}

export function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

// ------------------------------------------------------------------ commits

export interface Signature {
  readonly name: string;
  readonly email: string;
  /** Seconds since the epoch. */
  readonly when: number;
  /** `+0000` */
  readonly tz: string;
}

export interface Commit {
  readonly tree: string;
  readonly parents: readonly string[];
  readonly author: Signature;
  readonly committer: Signature;
  readonly message: string;
}

export function formatSignature(s: Signature): string {
  return `${s.name} <${s.email}> ${s.when} ${s.tz}`;
}

export function encodeCommit(c: Commit): Uint8Array {
  let s = `tree ${c.tree}\n`;
  for (const p of c.parents) s += `parent ${p}\n`;
  s += `author ${formatSignature(c.author)}\ncommitter ${formatSignature(c.committer)}\n\n${c.message}`;
  return utf8(s);
}

function parseSignature(s: string): Signature {
  const m = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(s);
  if (!m) return { name: s, email: '', when: 0, tz: '+0000' };
  return { name: m[1], email: m[2], when: Number(m[3]), tz: m[4] };
}

export function decodeCommit(content: Uint8Array): Commit {
  const s = text(content);
  const end = s.indexOf('\n\n');
  const head = end < 0 ? s : s.slice(0, end);
  let tree = '';
  const parents: string[] = [];
  let author: Signature | undefined;
  let committer: Signature | undefined;
  for (const line of head.split('\n')) {
    const sp = line.indexOf(' ');
    const key = line.slice(0, sp);
    const val = line.slice(sp + 1);
    if (key === 'tree') tree = val;
    else if (key === 'parent') parents.push(val);
    else if (key === 'author') author = parseSignature(val);
    else if (key === 'committer') committer = parseSignature(val);
  }
  const blank: Signature = { name: '', email: '', when: 0, tz: '+0000' };
  return { tree, parents, author: author ?? blank, committer: committer ?? blank, message: end < 0 ? '' : s.slice(end + 2) };
}
