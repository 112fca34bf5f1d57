/**
 * COPY and ADD (moby builder/dockerfile/copy.go): sources from the build context (globs as filepath.Match),
 * another stage or image (`--from`), written into a new layer at the destination, which is relative to WORKDIR
 * and a directory when it ends in `/` or already is one. ADD unpacks a local tar archive (plain or gzip) into
 * the destination. Each source's checksum goes into the step's comment, so the cache sees a changed file.
 */
import { gunzip } from '../../../pkg/archive/gzip.js';
import { readTar, type TarEntry } from '../../../pkg/archive/tar.js';
import type { Layer } from '../../fs/layer.js';
import type { Tree, TreeEntry } from '../../fs/tree.js';
import { sha256Hex } from '../../fs/sha256.js';
import { contentBytes } from '../../fs/deferred.js';
import { utf8Decode, utf8Encode } from '../../kernel/utf8.js';
import type { Image } from '../images/store.js';
import type { ModeFn } from './chmod.js';
import { BuildContext, cleanRel, tarsumV1 } from './context.js';

export class CopyError extends Error {}

export interface CopySource {
  /** `file:<hex>`, `dir:<hex>`. */
  readonly hash: string;
  /** Entries relative to the destination, '' being the source itself (a file) or its contents' root. */
  readonly entries: ReadonlyArray<[string, TarEntry]>;
  readonly isDir: boolean;
  readonly base: string;
  readonly archive: boolean;
}

const WILDCARD = /[*?[\\]/;

/** The sources of one instruction, in order. */
export function copySources(ctx: BuildContext, srcs: readonly string[], cmdName: string, allowArchive: boolean): CopySource[] {
  const out: CopySource[] = [];
  for (const orig of srcs) {
    if (/^https?:\/\//.test(orig)) {
      if (cmdName === 'COPY') throw new CopyError(`${cmdName} failed: source can't be a URL for COPY`);
      throw new CopyError(`dockersim: ADD from a URL (${orig}) is not simulated`);
    }
    const rel = cleanRel(orig);
    const paths = WILDCARD.test(rel) ? ctx.glob(rel) : [rel];
    for (const p of paths) {
      if (!ctx.isDir(p) && !ctx.get(p)) {
        throw new CopyError(`${cmdName} failed: file not found in build context or excluded by .dockerignore: stat ${orig}: file does not exist`);
      }
      const isDir = ctx.isDir(p);
      const entries: Array<[string, TarEntry]> = isDir
        ? ctx.under(p).map(([q, e]) => [q.slice(p === '' ? 0 : p.length + 1), e])
        : [['', ctx.get(p)!]];
      const data = isDir ? undefined : ctx.get(p)!.data;
      out.push({ hash: ctx.checksum(p), entries, isDir, base: p.split('/').pop() ?? '', archive: allowArchive && !isDir && isArchive(data) });
    }
  }
  if (out.length === 0) throw new CopyError(`${cmdName} failed: no source files were specified`);
  return out;
}

/** A source from an image's filesystem (`COPY --from=stage`): its layers, top one first. */
export function imageSources(img: Image, srcs: readonly string[], cmdName: string): CopySource[] {
  const out: CopySource[] = [];
  for (const orig of srcs) {
    const p = `/${cleanRel(orig)}`;
    const tree = mergedTree(img.layers);
    const own = tree.get(p);
    if (!own) throw new CopyError(`${cmdName} failed: file not found in build context or excluded by .dockerignore: stat ${orig}: file does not exist`);
    const isDir = own.type === 'dir';
    const entries: Array<[string, TarEntry]> = [];
    const prefix = p === '/' ? '/' : `${p}/`;
    if (isDir) {
      for (const [q, e] of [...tree].sort(([a], [b]) => (a < b ? -1 : 1))) if (q.startsWith(prefix)) entries.push([q.slice(prefix.length), tarOf(q, e)]);
    } else entries.push(['', tarOf(p, own)]);
    out.push({ hash: imageChecksum(p, own, isDir ? entries : []), entries, isDir, base: p.split('/').pop() ?? '', archive: false });
  }
  return out;
}

function mergedTree(layers: readonly Layer[]): Map<string, TreeEntry> {
  const m = new Map<string, TreeEntry>();
  for (const l of layers) {
    for (const [p, e] of Object.entries(l.toTree())) {
      const name = p.split('/').pop() ?? '';
      if (name.startsWith('.wh.')) {
        const gone = `${p.slice(0, p.length - name.length)}${name.slice(4)}`;
        for (const k of [...m.keys()]) if (k === gone || k.startsWith(`${gone}/`)) m.delete(k);
        continue;
      }
      m.set(p, e);
    }
  }
  return m;
}

/**
 * The lazy source's hash of an image path (moby remotecontext/lazycontext.go): a file's tarsum under its path from
 * the root (FileInfoHeader's name: a directory's ends in `/`, a symlink's mode is 0777), a directory's the sorted
 * tarsums of itself and everything under it, joined by commas.
 */
function imageChecksum(p: string, own: TreeEntry, under: ReadonlyArray<[string, TarEntry]>): string {
  const sum = (rel: string, e: TarEntry): string =>
    tarsumV1(e.type === 'dir' ? `${rel}/` : rel, { ...e, mode: e.type === 'symlink' ? 0o777 : e.mode & 0o7777 });
  const rel = p.slice(1);
  if (own.type !== 'dir') return `file:${sum(rel, tarOf(p, own))}`;
  const sums = [...(rel === '' ? [] : [sum(rel, tarOf(p, own))]), ...under.map(([q, e]) => sum(rel === '' ? q : `${rel}/${q}`, e))];
  return `dir:${sha256Hex(utf8Encode(sums.sort().join(',')))}`;
}

function tarOf(p: string, e: TreeEntry): TarEntry {
  const base = { name: p, mode: 'mode' in e && e.mode !== undefined ? e.mode : 0o644, uid: e.uid ?? 0, gid: e.gid ?? 0, uname: '', gname: '', mtime: Math.floor((e.mtimeMs ?? 0) / 1000) };
  if (e.type === 'file') return { ...base, type: 'file', data: typeof e.content === 'string' ? utf8Encode(e.content) : contentBytes(e.content) };
  if (e.type === 'symlink') return { ...base, type: 'symlink', linkname: e.target };
  if (e.type === 'dir') return { ...base, type: 'dir', mode: e.mode ?? 0o755 };
  return { ...base, type: 'chardev' };
}

function isArchive(data: Uint8Array | undefined): boolean {
  if (!data || data.length < 2) return false;
  if (data[0] === 0x1f && data[1] === 0x8b) return true;
  return data.length >= 262 && String.fromCharCode(...data.subarray(257, 262)) === 'ustar';
}

function unpack(data: Uint8Array): TarEntry[] {
  const raw = data[0] === 0x1f && data[1] === 0x8b ? gunzip(data).data : data;
  return readTar(raw).entries;
}

export interface CopyPlan {
  readonly dest: string;
  readonly destIsDir: boolean;
  /** `--chown` as numbers; null keeps the sources' owners (COPY --from) or root. */
  readonly owner: { uid: number; gid: number } | null;
  readonly keepOwner: boolean;
  /** `--chmod` (BuildKit): the permission bits of every file and directory copied, or what a symbolic mode makes of theirs. */
  readonly mode?: number | ModeFn;
}

/** The layer's files: every source under the destination. */
export function copyTree(sources: readonly CopySource[], plan: CopyPlan): Tree {
  const tree: Record<string, TreeEntry> = {};
  const own = (e: TarEntry): { uid: number; gid: number } => plan.owner ?? (plan.keepOwner ? { uid: e.uid, gid: e.gid } : { uid: 0, gid: 0 });
  const put = (path: string, e: TarEntry): void => {
    const { uid, gid } = own(e);
    const mtimeMs = e.mtime * 1000;
    const mode = plan.mode === undefined ? e.mode : typeof plan.mode === 'number' ? plan.mode : plan.mode(e.mode, e.type === 'dir');
    if (e.type === 'dir') tree[path] = { type: 'dir', mode, uid, gid, mtimeMs };
    else if (e.type === 'symlink') tree[path] = { type: 'symlink', target: e.linkname ?? '', uid, gid, mtimeMs };
    else if (e.type === 'file' || e.type === 'hardlink') tree[path] = { type: 'file', content: e.data ?? new Uint8Array(0), mode, uid, gid, mtimeMs };
  };
  const join = (a: string, b: string): string => (b === '' ? a : `${a === '/' ? '' : a}/${b}`);
  const dest = plan.dest === '/' ? '/' : plan.dest.replace(/\/+$/, '');
  for (const s of sources) {
    if (s.archive) {
      for (const e of unpack(s.entries[0][1].data!)) {
        const rel = cleanRel(e.name);
        if (rel !== '') put(join(dest, rel), e);
      }
      continue;
    }
    if (s.isDir) {
      for (const [rel, e] of s.entries) put(join(dest, rel), e);
      continue;
    }
    put(plan.destIsDir ? join(dest, s.base) : dest, s.entries[0][1]);
  }
  return tree;
}

/** normalizeDest: relative to WORKDIR; a trailing slash (or `.`) says "a directory". */
export function normalizeDest(workdir: string, dest: string): string {
  let d = dest;
  if (!d.startsWith('/')) {
    d = `${workdir.replace(/\/+$/, '')}/${d}`;
    if (dest === '.' || dest.endsWith('/.')) d += '/';
  }
  const clean = `/${cleanRel(d)}`;
  return d.endsWith('/') && clean !== '/' ? `${clean}/` : clean;
}

/** A file's text in a stack of layers, the top one first (whiteouts aside), or null. */
export function readLayersFile(layers: readonly Layer[], path: string): string | null {
  for (let i = layers.length - 1; i >= 0; i--) {
    try {
      if (layers[i].lstat(path).type !== 'file') return null;
      return utf8Decode(layers[i].readFile(path));
    } catch {
      // not in this layer
    }
  }
  return null;
}

/**
 * BuildKit's `--chown=user[:group]` (solver/llbsolver/ops/user_linux.go readUser): numbers as they are (a user's
 * number is its group's too); a name from the destination's /etc/passwd (its uid and primary gid) or /etc/group.
 * A name neither file has is 0, without an error, as BuildKit does.
 */
export function buildkitChown(spec: string, layers: readonly Layer[]): { uid: number; gid: number } {
  const colon = spec.indexOf(':');
  const user = colon < 0 ? spec : spec.slice(0, colon);
  const group = colon < 0 ? null : spec.slice(colon + 1);
  const find = (file: string, name: string): string[] | undefined =>
    (readLayersFile(layers, file) ?? '').split('\n').map((l) => l.split(':')).find((f) => f[0] === name && f.length >= 3);
  let uid = 0;
  let gid = 0;
  if (/^\d+$/.test(user)) uid = gid = Number(user);
  else {
    const pw = find('/etc/passwd', user);
    if (pw && pw.length >= 4) [uid, gid] = [Number(pw[2]) || 0, Number(pw[3]) || 0];
  }
  if (group !== null) {
    if (/^\d+$/.test(group)) gid = Number(group);
    else gid = Number(find('/etc/group', group)?.[2]) || 0;
  }
  return { uid, gid };
}

/** Whether a path is a directory in the image (the overlay's answer, whiteouts included). */
export function isDirInImage(img: Image | null, path: string): boolean {
  if (!img) return false;
  const p = `/${cleanRel(path)}`;
  for (let i = img.layers.length - 1; i >= 0; i--) {
    try {
      return img.layers[i].lstat(p).type === 'dir';
    } catch {
      // not in this layer
    }
  }
  return false;
}
