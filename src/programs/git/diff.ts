/**
 * git diff: the working tree against the index, or `--cached` the index against HEAD, as unified diffs with
 * git's headers (`diff --git`, `new file mode`, `index abc1234..def5678 100644`) and hunks (xdiff.ts).
 */
import { hashObject, text } from './objects.js';
import { absolute, GitFatal, Repo, unmodelled, type Git } from './repo.js';
import { commitTree, fileBlob, workChange, type Blob } from './worktree.js';
import { splitLines, unifiedHunks } from './xdiff.js';

const ZERO = '0000000';

interface Side {
  readonly blob: Blob;
  readonly content: Uint8Array;
}

function isBinary(b: Uint8Array): boolean {
  return b.subarray(0, 8000).includes(0);
}

/** One file's diff, as git prints it (uncoloured; `paint` adds git's colours on a terminal). */
export function fileDiff(path: string, a: Side | undefined, b: Side | undefined): string[] {
  const out = [`diff --git a/${path} b/${path}`];
  const ida = a ? a.blob.id.slice(0, 7) : ZERO;
  const idb = b ? b.blob.id.slice(0, 7) : ZERO;
  if (!a) out.push(`new file mode ${b!.blob.mode.toString(8)}`, `index ${ida}..${idb}`);
  else if (!b) out.push(`deleted file mode ${a.blob.mode.toString(8)}`, `index ${ida}..${idb}`);
  else if (a.blob.mode !== b.blob.mode) {
    out.push(`old mode ${a.blob.mode.toString(8)}`, `new mode ${b.blob.mode.toString(8)}`);
    if (a.blob.id !== b.blob.id) out.push(`index ${ida}..${idb}`);
  } else out.push(`index ${ida}..${idb} ${a.blob.mode.toString(8)}`);
  if ((a?.blob.id ?? '') === (b?.blob.id ?? '')) return out;
  const ac = a?.content ?? new Uint8Array();
  const bc = b?.content ?? new Uint8Array();
  if (isBinary(ac) || isBinary(bc)) {
    out.push(`Binary files ${a ? `a/${path}` : '/dev/null'} and ${b ? `b/${path}` : '/dev/null'} differ`);
    return out;
  }
  const hunks = unifiedHunks(splitLines(text(ac)), splitLines(text(bc)));
  if (hunks.length === 0) return out;
  out.push(`--- ${a ? `a/${path}` : '/dev/null'}`, `+++ ${b ? `b/${path}` : '/dev/null'}`, ...hunks);
  return out;
}

function paint(lines: string[]): string {
  let s = '';
  let inHunk = false;
  for (const l of lines) {
    if (l.startsWith('@@')) {
      inHunk = true;
      const end = l.indexOf('@@', 2) + 2;
      s += `\x1b[36m${l.slice(0, end)}\x1b[m${l.slice(end)}\n`;
    } else if (!inHunk || l.startsWith('diff --git')) {
      inHunk = false;
      s += `\x1b[1m${l}\x1b[m\n`;
    } else if (l.startsWith('+')) s += `\x1b[32m+\x1b[m\x1b[32m${l.slice(1)}\x1b[m\n`;
    else if (l.startsWith('-')) s += `\x1b[31m-${l.slice(1)}\x1b[m\n`;
    else s += `${l}\x1b[m\n`;
  }
  return s;
}

export async function diff(git: Git, args: string[]): Promise<number> {
  let cached = false;
  const paths: string[] = [];
  let dashdash = false;
  for (const a of args) {
    if (!dashdash && (a === '--cached' || a === '--staged')) cached = true;
    else if (!dashdash && a === '--') dashdash = true;
    else if (!dashdash && a.startsWith('-')) throw unmodelled('diff', `option ${a}`);
    else paths.push(a);
  }
  const repo = Repo.require(git.sys);
  const scope = paths.map((p) => {
    const rel = repo.treePath(absolute(git.sys, p));
    if (rel === undefined) throw new GitFatal(`${p}: '${p}' is outside repository at '${repo.workTree}'`);
    if (!dashdash && !git.sys.fs.exists(absolute(git.sys, p))) {
      throw new GitFatal(`ambiguous argument '${p}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'`);
    }
    return rel;
  });
  const inScope = (p: string): boolean => scope.length === 0 || scope.some((u) => u === '' || p === u || p.startsWith(`${u}/`));
  const index = repo.readIndex();
  const lines: string[] = [];
  const read = (b: Blob): Side => ({ blob: b, content: repo.objects.read(b.id).content });
  if (cached) {
    const head = commitTree(repo, repo.headId());
    const now = new Map(index.map((e) => [e.path, { mode: e.mode, id: e.id }]));
    for (const p of [...new Set([...head.keys(), ...now.keys()])].sort()) {
      if (!inScope(p)) continue;
      const a = head.get(p);
      const b = now.get(p);
      if (a && b && a.id === b.id && a.mode === b.mode) continue;
      lines.push(...fileDiff(p, a && read(a), b && read(b)));
    }
  } else {
    for (const e of index) {
      if (!inScope(e.path)) continue;
      const w = workChange(repo, e);
      if (w === 'same') continue;
      const a = read({ mode: e.mode, id: e.id });
      if (w === 'deleted') {
        lines.push(...fileDiff(e.path, a, undefined));
        continue;
      }
      const f = fileBlob(repo, e.path, false);
      const side: Side = { blob: { mode: f.mode, id: hashObject('blob', f.content) }, content: f.content };
      lines.push(...fileDiff(e.path, a, side));
    }
  }
  await git.out.write(git.color ? paint(lines) : lines.map((l) => `${l}\n`).join(''));
  return 0;
}
