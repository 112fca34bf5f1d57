/**
 * nginx's error log (ngx_log.c): `2026/12/06 11:25:40 [error] 29595#29595: message` to every log whose level
 * admits it, and, while nginx is starting, a copy as `nginx: [emerg] message` on stderr for warnings and worse
 * when no log *is* stderr (a file symlinked to /dev/stderr still counts as a file: the official image shows both).
 */
import type { Sys } from '../../engine/kernel/sys.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { errnoText } from './errno.js';
import { LEVELS, type Level, type LogTarget } from './model.js';

const p2 = (n: number): string => String(n).padStart(2, '0');

/** `2026/12/06 11:25:40`: local time, and containers' local time is UTC. */
export function logTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

export interface OpenLog {
  readonly path: string;
  readonly level: Level;
  /** 2 for `stderr`. */
  readonly fd: number;
}

export class ErrorLog {
  /** ngx_use_stderr: the console copy, only while starting. */
  console = true;

  constructor(
    private readonly sys: Sys,
    public targets: readonly OpenLog[],
    /** A worker's connection fibers log under the worker's pid. */
    private readonly pid = sys.pid,
  ) {}

  async write(level: Level, text: string, pid = this.pid): Promise<void> {
    const rank = LEVELS.indexOf(level);
    const line = `${logTime(this.sys.now())} [${level}] ${pid}#${pid}: ${text}\n`;
    let wroteStderr = false;
    for (const t of this.targets) {
      if (rank > LEVELS.indexOf(t.level)) continue;
      await this.put(t.fd, line);
      if (t.fd === 2) wroteStderr = true;
    }
    if (this.console && rank <= LEVELS.indexOf('warn') && !wroteStderr) await this.put(2, `nginx: [${level}] ${text}\n`);
  }

  private async put(fd: number, s: string): Promise<void> {
    try {
      await this.sys.write(fd, s);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
}

/** Opens each log for appending (as the master, before it drops privileges); `stderr` is fd 2. */
export function openLogs(sys: Sys, targets: readonly LogTarget[], opened: Map<string, number>): OpenLog[] | string {
  const out: OpenLog[] = [];
  for (const t of targets) {
    const fd = openLogFile(sys, t.path, opened);
    if (typeof fd === 'string') return fd;
    out.push({ path: t.path, level: t.level, fd });
  }
  return out;
}

/** An fd for the file, shared by every log naming it; or nginx's open() error text. */
export function openLogFile(sys: Sys, path: string, opened: Map<string, number>): number | string {
  if (path === 'stderr') return 2;
  const have = opened.get(path);
  if (have !== undefined) return have;
  try {
    const fd = sys.open(path, 'a', 0o644);
    opened.set(path, fd);
    return fd;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return `open() "${path}" failed (${errnoText(e.code)})`;
  }
}
