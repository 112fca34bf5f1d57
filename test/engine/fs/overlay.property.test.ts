/**
 * Random operation sequences on an overlay agree with a plain Map model of the merged tree; the lower layers
 * never change; and committing the upper layer (exportUpper) reproduces the same tree on top of the lowers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Layer } from '../../../src/engine/fs/layer.js';
import { Overlay } from '../../../src/engine/fs/overlay.js';
import type { Tree, TreeEntry } from '../../../src/engine/fs/tree.js';
import type { Backend } from '../../../src/engine/kernel/fsTypes.js';
import { bytes, errno, text } from './helpers.js';

type Entry = { type: 'file'; content: string; mode: number } | { type: 'dir'; mode: number } | { type: 'symlink'; target: string };
type Model = Map<string, Entry>;

const PATHS = ['/a', '/a/b', '/c', '/x', '/y', '/a/x', '/a/y', '/a/b/x', '/a/b/y', '/c/x', '/c/y', '/d', '/d/x'];
const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
const nameOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const under = (m: Model, p: string) => [...m.keys()].filter((k) => k.startsWith(p + '/'));
const dropTree = (m: Model, p: string) => {
  m.delete(p);
  for (const k of under(m, p)) m.delete(k);
};

/** Applies one layer's tree to the model with OCI whiteout rules (entries in sorted order). */
function applyLayer(m: Model, tree: Tree): void {
  for (const key of Object.keys(tree).sort()) {
    const e = tree[key];
    const dir = parentOf(key);
    mkdirP(m, dir);
    const name = nameOf(key);
    if (name === '.wh..wh..opq') for (const k of under(m, dir)) m.delete(k);
    else if (name.startsWith('.wh.')) dropTree(m, `${dir === '/' ? '' : dir}/${name.slice(4)}`);
    else if (e.type === 'dir') {
      if (m.get(key)?.type !== 'dir') dropTree(m, key);
      m.set(key, { type: 'dir', mode: e.mode ?? 0o755 });
    } else {
      dropTree(m, key);
      m.set(key, e.type === 'file' ? { type: 'file', content: e.content as string, mode: e.mode ?? 0o644 } : { type: 'symlink', target: (e as { target: string }).target });
    }
  }
}

function mkdirP(m: Model, dir: string): void {
  if (dir === '/') return;
  mkdirP(m, parentOf(dir));
  if (m.get(dir)?.type !== 'dir') {
    dropTree(m, dir);
    m.set(dir, { type: 'dir', mode: 0o755 });
  }
}

/** The error a Backend must raise for a missing/non-directory parent, or null. */
function parentErr(m: Model, p: string): string | null {
  const parts = p.split('/').slice(1, -1);
  let cur = '';
  for (const part of parts) {
    cur += '/' + part;
    const e = m.get(cur);
    if (!e) return 'ENOENT';
    if (e.type !== 'dir') return 'ENOTDIR';
  }
  return null;
}

type Op =
  | { op: 'write'; p: string; s: string; append: boolean }
  | { op: 'mkdir' | 'unlink' | 'rmdir'; p: string }
  | { op: 'rename'; p: string; q: string }
  | { op: 'chmod'; p: string; mode: number }
  | { op: 'symlink'; p: string; target: string };

/** The model's answer: an errno, or 'ok' after mutating. */
function modelApply(m: Model, o: Op): string {
  const e = m.get(o.p);
  const pe = parentErr(m, o.p);
  const missing = () => pe ?? (e ? null : 'ENOENT');
  switch (o.op) {
    case 'write':
      if (pe) return pe;
      if (e?.type === 'dir') return 'EISDIR';
      if (e?.type === 'symlink') return 'EINVAL';
      m.set(o.p, { type: 'file', content: (o.append && e?.type === 'file' ? e.content : '') + o.s, mode: e?.type === 'file' ? e.mode : 0o644 });
      return 'ok';
    case 'mkdir':
    case 'symlink':
      if (pe) return pe;
      if (e) return 'EEXIST';
      m.set(o.p, o.op === 'symlink' ? { type: 'symlink', target: o.target } : { type: 'dir', mode: 0o755 });
      return 'ok';
    case 'unlink': {
      const err = missing();
      if (err) return err;
      if (e!.type === 'dir') return 'EISDIR';
      m.delete(o.p);
      return 'ok';
    }
    case 'rmdir': {
      const err = missing();
      if (err) return err;
      if (e!.type !== 'dir') return 'ENOTDIR';
      if (under(m, o.p).length) return 'ENOTEMPTY';
      m.delete(o.p);
      return 'ok';
    }
    case 'chmod': {
      const err = missing();
      if (err) return err;
      if (e!.type !== 'symlink') m.set(o.p, { ...e!, mode: o.mode } as Entry);
      return 'ok';
    }
    case 'rename': {
      const err = missing();
      if (err) return err;
      if (o.p === o.q) return 'ok';
      if (o.q.startsWith(o.p + '/')) return 'EINVAL';
      const qe = parentErr(m, o.q);
      if (qe) return qe;
      const d = m.get(o.q);
      if (d) {
        if (e!.type === 'dir' && d.type !== 'dir') return 'ENOTDIR';
        if (e!.type !== 'dir' && d.type === 'dir') return 'EISDIR';
        if (d.type === 'dir' && under(m, o.q).length) return 'ENOTEMPTY';
      }
      const moved = [o.p, ...under(m, o.p)].map((k) => [k, m.get(k)!] as const);
      dropTree(m, o.p);
      dropTree(m, o.q);
      for (const [k, v] of moved) m.set(o.q + k.slice(o.p.length), v);
      return 'ok';
    }
  }
}

function backendApply(b: Backend, o: Op): string {
  return errno(() => {
    switch (o.op) {
      case 'write':
        return b.writeFile(o.p, bytes(o.s), { append: o.append, mode: 0o644, uid: 0, gid: 0 });
      case 'mkdir':
        return b.mkdir(o.p, 0o755, 0, 0);
      case 'unlink':
        return b.unlink(o.p);
      case 'rmdir':
        return b.rmdir(o.p);
      case 'rename':
        return b.rename(o.p, o.q);
      case 'chmod':
        return b.chmod(o.p, o.mode);
      case 'symlink':
        return b.symlink(o.target, o.p, 0, 0);
    }
  });
}

function snapshot(b: Backend, dir = '/', out: Model = new Map()): Model {
  for (const name of b.readdir(dir)) {
    const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
    const st = b.lstat(p);
    if (st.type === 'dir') {
      out.set(p, { type: 'dir', mode: st.mode });
      snapshot(b, p, out);
    } else if (st.type === 'file') out.set(p, { type: 'file', content: text(b.readFile(p)), mode: st.mode });
    else out.set(p, { type: 'symlink', target: b.readlink(p) });
  }
  return out;
}

const sorted = (m: Model) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

const path = fc.constantFrom(...PATHS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('write' as const), p: path, s: fc.constantFrom('1', 'two', ''), append: fc.boolean() }),
  fc.record({ op: fc.constantFrom('mkdir' as const, 'unlink' as const, 'rmdir' as const), p: path }),
  fc.record({ op: fc.constant('rename' as const), p: path, q: path }),
  fc.record({ op: fc.constant('chmod' as const), p: path, mode: fc.constantFrom(0o600, 0o755) }),
  fc.record({ op: fc.constant('symlink' as const), p: path, target: fc.constantFrom('x', '/a') }),
);

const f = (content: string): TreeEntry => ({ type: 'file', content, mode: 0o644 });
const lower1Arb = fc.subarray(['/a/x', '/a/b/x', '/a/b/y', '/c/x', '/x', '/d/x']).map((ps) => {
  const t: Record<string, TreeEntry> = {};
  for (const p of ps) t[p] = f(`L1${p}`);
  return t as Tree;
});
const lower2Arb = fc
  .subarray(['/a/.wh.x', '/.wh.c', '/a/b/.wh..wh..opq', '/a/b/y', '/y', '/c/y', '/d/.wh.x'])
  .map((ps) => {
    const t: Record<string, TreeEntry> = {};
    for (const p of ps) t[p] = f(p.includes('.wh.') ? '' : `L2${p}`);
    return t as Tree;
  });

describe('Overlay property', () => {
  it('agrees with a Map model and never changes its lower layers', () => {
    fc.assert(
      fc.property(lower1Arb, lower2Arb, fc.array(opArb, { maxLength: 30 }), (t1, t2, ops) => {
        const layers = [Layer.fromTree(t1), Layer.fromTree(t2)];
        const digests = layers.map((l) => l.digest);
        const model: Model = new Map();
        applyLayer(model, t1);
        applyLayer(model, t2);
        const o = new Overlay(layers);
        expect(sorted(snapshot(o))).toEqual(sorted(model));
        for (const op of ops) {
          const want = modelApply(model, op);
          expect([op, backendApply(o, op)]).toEqual([op, want]);
          expect(sorted(snapshot(o))).toEqual(sorted(model));
        }
        expect(layers.map((l) => l.digest)).toEqual(digests);
        expect(sorted(snapshot(Layer.fromTree(t1)))).toEqual(sorted(snapshot(layers[0])));
        // docker commit: the exported upper layer on top of the same lowers is the same tree.
        const committed = new Overlay([...layers, Layer.fromTree(o.exportUpper())]);
        expect(sorted(snapshot(committed))).toEqual(sorted(model));
      }),
      { numRuns: 300 },
    );
  });
});
