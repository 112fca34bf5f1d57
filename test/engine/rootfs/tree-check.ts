import { contentBytes } from '../../../src/engine/fs/deferred.js';
import { utf8Decode } from '../../../src/engine/kernel/utf8.js';
import { parseExecutable } from '../../../src/engine/kernel/binfmt.js';
import type { Tree, TreeEntry } from '../../../src/engine/fs/tree.js';

/** Structural problems: an entry whose parent is missing or not a directory. */
export function orphanEntries(tree: Tree): string[] {
  const bad: string[] = [];
  for (const path of Object.keys(tree)) {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (parent === '/') continue;
    const p = tree[parent];
    if (!p || p.type !== 'dir') bad.push(path);
  }
  return bad;
}

/** Follows symlinks component by component, as the kernel would, within the tree only. */
export function resolve(tree: Tree, path: string, depth = 0): { path: string; entry: TreeEntry } | undefined {
  if (depth > 40) return undefined;
  const parts = path.split('/').filter(Boolean);
  let cur = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === '.') continue;
    if (part === '..') {
      cur = cur.slice(0, cur.lastIndexOf('/'));
      continue;
    }
    const next = `${cur}/${part}`;
    const e = tree[next];
    if (!e) return undefined;
    if (e.type === 'symlink') {
      const base = e.target.startsWith('/') ? e.target : `${cur}/${e.target}`;
      const rest = parts.slice(i + 1).join('/');
      return resolve(tree, rest ? `${base}/${rest}` : base, depth + 1);
    }
    cur = next;
  }
  const entry = cur === '' ? ({ type: 'dir' } as TreeEntry) : tree[cur];
  return entry ? { path: cur || '/', entry } : undefined;
}

/** The program a path runs (after symlinks), or undefined if it is not a simulated binary. */
export function programAt(tree: Tree, path: string): string | undefined {
  const r = resolve(tree, path);
  if (!r || r.entry.type !== 'file' || typeof r.entry.content !== 'string') return undefined;
  const x = parseExecutable(r.entry.content);
  return x.kind === 'binary' ? x.program : undefined;
}

export function text(tree: Tree, path: string): string {
  const r = resolve(tree, path);
  if (!r || r.entry.type !== 'file') throw new Error(`no file at ${path}`);
  const c = r.entry.content;
  return typeof c === 'string' ? c : utf8Decode(contentBytes(c));
}

export function modeOf(tree: Tree, path: string): number | undefined {
  const e = tree[path];
  return e && e.type !== 'symlink' ? e.mode : undefined;
}

/** Every executable regular file: `[path, parsed program or 'script:<interp>' or 'unknown']`. */
export function executables(tree: Tree): [string, string][] {
  const out: [string, string][] = [];
  for (const [path, e] of Object.entries(tree)) {
    if (e.type !== 'file' || ((e.mode ?? 0) & 0o111) === 0) continue;
    const x = parseExecutable(e.content as string);
    out.push([path, x.kind === 'binary' ? x.program : x.kind === 'script' ? `script:${x.interpreter}` : 'unknown']);
  }
  return out;
}

/** Programs referenced by binaries anywhere in the tree. */
export function programs(tree: Tree): Set<string> {
  const s = new Set<string>();
  for (const e of Object.values(tree)) {
    if (e.type !== 'file' || typeof e.content !== 'string') continue;
    const x = parseExecutable(e.content);
    if (x.kind === 'binary') s.add(x.program);
  }
  return s;
}
