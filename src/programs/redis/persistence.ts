/**
 * SAVE, BGSAVE and loading at start, with Redis's log lines. A save writes `temp-PID.rdb` in `dir` and renames
 * it over `dbfilename`, as rdbSave does; BGSAVE forks a child (its own PID, a `C` in its log lines) that writes
 * the snapshot taken when it was forked.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys } from '../../engine/kernel/sys.js';
import type { RedisBuild } from './builds.js';
import type { Keyspace } from './keyspace.js';
import { dumpRdb, loadRdb, RdbError } from './rdb.js';

export interface Logger {
  (level: '*' | '#', msg: string, role?: 'C' | 'M', pid?: number): Promise<void>;
}

export function rdbPath(config: ReadonlyMap<string, string>): string {
  const dir = config.get('dir') ?? '.';
  const name = config.get('dbfilename') ?? 'dump.rdb';
  return name.startsWith('/') ? name : `${dir.replace(/\/$/, '')}/${name}`;
}

/** Writes `text` as the RDB file; logs and returns false on failure. */
export async function writeRdb(sys: Sys, config: ReadonlyMap<string, string>, text: string, pid: number, log: Logger, role: 'C' | 'M'): Promise<boolean> {
  const dir = config.get('dir') ?? '.';
  const tmp = `${dir.replace(/\/$/, '')}/temp-${pid}.rdb`;
  try {
    sys.fs.writeFile(tmp, text, { mode: 0o644 });
    sys.fs.rename(tmp, rdbPath(config));
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    await log('#', `Failed opening the temp RDB file temp-${pid}.rdb (in server root dir ${dir}) for saving: ${strerror(e.code)}`, role, pid);
    return false;
  }
  await log('*', 'DB saved on disk', role, pid);
  return true;
}

export function strerror(code: string): string {
  const m: Record<string, string> = {
    EACCES: 'Permission denied', ENOENT: 'No such file or directory', EROFS: 'Read-only file system', ENOSPC: 'No space left on device',
    EISDIR: 'Is a directory', ENOTDIR: 'Not a directory', EPERM: 'Operation not permitted',
  };
  return m[code] ?? code;
}

export function snapshot(ks: Keyspace, build: RedisBuild, now: number, usedMem: number): string {
  return dumpRdb(ks, build.version, build.rdbVersion, now, usedMem);
}

/**
 * Loads the RDB file if there is one, logging as loadDataFromDisk does. Returns false when the file is there
 * but unreadable as an RDB (Redis exits then).
 */
export async function loadAtStart(sys: Sys, build: RedisBuild, ks: Keyspace, config: ReadonlyMap<string, string>, log: Logger): Promise<boolean> {
  const path = rdbPath(config);
  let text: string;
  try {
    text = sys.fs.readText(path);
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    if (e.code !== 'ENOENT') await log('#', `Fatal error loading the DB: ${strerror(e.code)}. Exiting.`);
    return e.code === 'ENOENT';
  }
  const startUp = sys.uptime();
  try {
    const r = loadRdb(text, ks, sys.now());
    await log('*', `Loading RDB produced by version ${r.version}`);
    await log('*', `RDB age ${Math.max(0, Math.floor(sys.now() / 1000) - r.ctime)} seconds`);
    await log('*', `RDB memory usage when created ${(r.usedMem / 1024 / 1024).toFixed(2)} Mb`);
    if (build.doneLoadingLine) await log('*', `Done loading RDB, keys loaded: ${r.loaded}, keys expired: ${r.expired}.`);
    await log('*', `DB loaded from disk: ${((sys.uptime() - startUp) / 1000).toFixed(3)} seconds`);
    return true;
  } catch (e) {
    if (!(e instanceof RdbError)) throw e;
    await log('#', e.message);
    return false;
  }
}
