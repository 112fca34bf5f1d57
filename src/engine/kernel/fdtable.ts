/**
 * A process's descriptor table: descriptors point at open file descriptions, which several descriptors (in
 * one process or many) may share; a description is released when its last descriptor closes.
 */
import type { OpenFile } from './openfile.js';
import type { Process } from './process.js';
import { ptySlave } from './pty.js';
import type { Tty } from './tty.js';

/** Points `fd` of `p` at `f` (dup2), closing what it pointed at before. */
export function installFd(p: Process, fd: number, f: OpenFile): void {
  const old = p.fds.get(fd);
  if (old === f) return;
  f.refs++;
  p.fds.set(fd, f);
  if (old) dropRef(old);
}

/** False when `fd` was not open. */
export function closeFd(p: Process, fd: number): boolean {
  const f = p.fds.get(fd);
  if (!f) return false;
  p.fds.delete(fd);
  dropRef(f);
  return true;
}

function dropRef(f: OpenFile): void {
  if (--f.refs === 0) f.release();
}

/** Gives `p` the terminal as its controlling terminal and fds 0–2 (what getty/login do). */
export function attachTty(p: Process, tty: Tty): void {
  p.ctty = tty;
  tty.sid = p.sid;
  tty.fgPgrp = p.pgid;
  const f = ptySlave(tty);
  for (const fd of [0, 1, 2]) installFd(p, fd, f);
}
