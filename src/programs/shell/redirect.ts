/**
 * Redirections applied in the shell itself (builtins, functions, compound commands, and before a child is
 * spawned): each changed descriptor is first copied out of the way (fd ≥ 10) and put back afterwards.
 */
import { isProcessEnd } from '../../engine/kernel/process.js';
import { SysError } from '../../engine/kernel/errno.js';
import type { OpenFlags } from '../../engine/kernel/sys.js';
import type { Redir } from './ast.js';
import { ShellError } from './errors.js';
import { expandString, expandTarget } from './expand.js';
import type { ShellContext } from './context.js';

export type Saved = { fd: number; copy: number; inbuf: { buf: string; eof: boolean } | undefined }[];

const SAVE_MIN = 10;

function save(sh: ShellContext, saved: Saved, fd: number, noSave: boolean): void {
  if (noSave || saved.some((s) => s.fd === fd)) return;
  let copy = -1;
  if (sh.sys.fds().includes(fd)) {
    copy = sh.sys.dupAbove(fd, SAVE_MIN);
    sh.internalFds.add(copy);
  }
  saved.push({ fd, copy, inbuf: sh.inbufs.get(fd) });
  sh.inbufs.delete(fd);
}

/** Applies redirections left to right. On failure, undoes what was done and throws a ShellError. */
export async function applyRedirs(sh: ShellContext, redirs: readonly Redir[], noSave: boolean): Promise<Saved> {
  const saved: Saved = [];
  try {
    for (const r of redirs) await applyOne(sh, r, saved, noSave);
  } catch (e) {
    undoRedirs(sh, saved);
    throw e;
  }
  return saved;
}

const NO_REDIRS = { saved: null } as const;

/**
 * A command's redirections, applied: what to undo when it ends (null when it has none), or, when one failed, the
 * status after its diagnostic.
 */
export async function redirectCommand(sh: ShellContext, redirs: readonly Redir[], noSave: boolean): Promise<{ saved: Saved | null } | { status: number }> {
  if (redirs.length === 0) return NO_REDIRS;
  try {
    return { saved: await applyRedirs(sh, redirs, noSave) };
  } catch (e) {
    return { status: await sh.redirFailed(e) };
  }
}

async function applyOne(sh: ShellContext, r: Redir, saved: Saved, noSave: boolean): Promise<void> {
  const sys = sh.sys;
  const input = r.op === '<' || r.op === '<<' || r.op === '<<-' || r.op === '<<<' || r.op === '<&' || r.op === '<>';
  const fd = r.fd ?? (input ? 0 : 1);
  if (r.op === '<<' || r.op === '<<-' || r.op === '<<<') {
    let text: string;
    if (r.op === '<<<') text = `${await expandString(sh, r.target)}\n`;
    else text = r.heredoc ? (r.heredoc.quoted ? (r.heredoc.body.plain ?? r.heredoc.body.raw) : await expandString(sh, r.heredoc.body)) : '';
    const rfd = await textFd(sh, text);
    save(sh, saved, fd, noSave);
    if (rfd !== fd) {
      sys.dup2(rfd, fd);
      sys.close(rfd);
    }
    return;
  }
  if (r.op === '<&' || r.op === '>&') {
    const target = await expandString(sh, r.target);
    if (target === '-') {
      save(sh, saved, fd, noSave);
      if (sys.fds().includes(fd)) sys.close(fd);
      return;
    }
    if (!/^[0-9]+$/.test(target)) {
      if (r.op === '>&' && r.fd === undefined) return openTo(sh, target, 'w', [1, 2], saved, noSave);
      throw new ShellError(`${target}: ambiguous redirect`, 1);
    }
    const from = Number(target);
    if (!sys.fds().includes(from) || sh.internalFds.has(from)) throw new ShellError(`${from}: Bad file descriptor`, 1);
    save(sh, saved, fd, noSave);
    if (from !== fd) sys.dup2(from, fd);
    return;
  }
  const path = await expandTarget(sh, r.target);
  if (path === '') throw new ShellError(`${r.target.raw}: ambiguous redirect`, 1);
  switch (r.op) {
    case '<':
      return openTo(sh, path, 'r', [fd], saved, noSave);
    case '<>':
      return openTo(sh, path, 'r+', [fd], saved, noSave);
    case '>':
      noClobber(sh, path);
      return openTo(sh, path, 'w', [fd], saved, noSave);
    case '>|':
      return openTo(sh, path, 'w', [fd], saved, noSave);
    case '>>':
      return openTo(sh, path, 'a', [fd], saved, noSave);
    case '&>':
      noClobber(sh, path);
      return openTo(sh, path, 'w', [1, 2], saved, noSave);
    case '&>>':
      return openTo(sh, path, 'a', [1, 2], saved, noSave);
  }
}

/**
 * A failed redirection as each shell words it: bash `f: No such file or directory`; dash (and busybox ash, in
 * lower case) `cannot create f: Directory nonexistent`, `cannot open f: No such file` (their errmsg()).
 */
function openError(sh: ShellContext, path: string, action: 'open' | 'create', code: string, message: string): string {
  if (sh.flavor === 'bash') return `${path}: ${message}`;
  const missing = code === 'ENOENT' || code === 'ENOTDIR';
  if (sh.flavor === 'dash') return `cannot ${action} ${path}: ${missing ? (action === 'open' ? 'No such file' : 'Directory nonexistent') : message}`;
  return `can't ${action} ${path}: ${missing ? (action === 'open' ? 'no such file' : 'nonexistent directory') : message}`;
}

/** `set -C`: `>` and `&>` refuse to truncate an existing regular file (`>|` still may). */
function noClobber(sh: ShellContext, path: string): void {
  if (!sh.opts.noclobber) return;
  let regular: boolean;
  try {
    regular = sh.sys.fs.stat(path).type === 'file';
  } catch {
    return;
  }
  if (!regular) return;
  if (sh.flavor === 'bash') throw new ShellError(`${path}: cannot overwrite existing file`, 1);
  throw new ShellError(openError(sh, path, 'create', 'EEXIST', 'File exists'), 1);
}

function openTo(sh: ShellContext, path: string, flags: OpenFlags, fds: number[], saved: Saved, noSave: boolean): void {
  const sys = sh.sys;
  let opened: number;
  try {
    opened = sys.open(path, flags);
  } catch (e) {
    if (e instanceof SysError) throw new ShellError(openError(sh, path, flags === 'r' ? 'open' : 'create', e.code, e.message), 1);
    throw e;
  }
  for (const fd of fds) {
    save(sh, saved, fd, noSave);
    if (opened !== fd) sys.dup2(opened, fd);
  }
  if (!fds.includes(opened)) sys.close(opened);
}

/** A readable descriptor holding `text` (a here-document): a pipe, fed by a helper when it is large. */
async function textFd(sh: ShellContext, text: string): Promise<number> {
  const [r, w] = sh.sys.pipe();
  if (text.length < 60000) {
    await sh.sys.write(w, text);
    sh.sys.close(w);
    return r;
  }
  const fds: Record<number, number> = { 1: w, 2: 2 };
  sh.sys.spawn({ program: async (cs) => {
    try {
      await cs.write(1, text);
    } catch (e) {
      if (isProcessEnd(e)) throw e;
    }
    return 0;
  }, argv: sh.sys.argv, fds });
  sh.sys.close(w);
  return r;
}

export function undoRedirs(sh: ShellContext, saved: Saved): void {
  const sys = sh.sys;
  for (let i = saved.length - 1; i >= 0; i--) {
    const s = saved[i];
    if (s.copy >= 0) {
      sys.dup2(s.copy, s.fd);
      sys.close(s.copy);
      sh.internalFds.delete(s.copy);
    } else if (sys.fds().includes(s.fd)) sys.close(s.fd);
    if (s.inbuf) sh.inbufs.set(s.fd, s.inbuf);
    else sh.inbufs.delete(s.fd);
  }
}
