/**
 * Reading a tree as a file manager does: a directory's entries with their types and sizes (`ls -la`), one
 * file's metadata (`stat`), each through a process's view of its mounts, so permissions and mounts apply.
 * Failures come back as the kernel's errno and strerror text rather than thrown, for callers that show them.
 */
import { isSysError, type Errno } from '../kernel/errno.js';
import type { FileType, Fs } from '../kernel/fsTypes.js';

export interface DirEntry {
  readonly name: string;
  /** The entry itself (`lstat`): a symlink is 'symlink'. */
  readonly type: FileType;
  /** What a symlink leads to (`stat`), undefined when it dangles; the entry's own type otherwise. */
  readonly target: FileType | undefined;
  readonly size: number;
}

export interface FileInfo {
  readonly type: FileType;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  readonly dev: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

export type FsResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: Errno; /** strerror(3)'s text. */ readonly message: string };

/** Runs `fn`, turning a system call's failure into its errno; anything else is a bug and is thrown. */
export function attempt<T>(fn: () => T): FsResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (isSysError(e)) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

/** The entries of `path` (without `.` and `..`), in the C locale's order as `ls` sorts them. */
export function listDir(fs: Fs, path: string): DirEntry[] {
  const dir = path.endsWith('/') ? path : `${path}/`;
  const names = fs.readdir(path).filter((n) => n !== '.' && n !== '..');
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => {
    const st = fs.lstat(dir + name);
    let target: FileType | undefined = st.type;
    if (st.type === 'symlink') {
      try {
        target = fs.stat(dir + name).type;
      } catch {
        target = undefined;
      }
    }
    return { name, type: st.type, target, size: st.size };
  });
}

/** `stat PATH` (following symlinks). */
export function fileInfo(fs: Fs, path: string): FileInfo {
  const st = fs.stat(path);
  return {
    type: st.type,
    size: st.size,
    mtimeMs: st.mtimeMs,
    ctimeMs: st.ctimeMs,
    ino: st.ino,
    dev: st.dev,
    mode: st.mode,
    uid: st.uid,
    gid: st.gid,
  };
}
