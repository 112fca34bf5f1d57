/** execvp(3)'s PATH search (glibc's default path "/bin:/usr/bin" when PATH is unset), shared by env, which, xargs, find. */
import { SysError, isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';

function executable(sys: Sys, path: string): 'yes' | 'denied' | 'no' {
  try {
    const st = sys.fs.stat(path);
    if (st.type !== 'file') return st.type === 'dir' ? 'denied' : 'no';
    return sys.fs.access(path, 'x') ? 'yes' : 'denied';
  } catch (err) {
    if (isSysError(err)) return 'no';
    throw err;
  }
}

/** Every match in PATH (for `which -a`), in PATH order. */
export function searchPath(sys: Sys, name: string, pathVar: string | undefined, all: boolean): string[] {
  if (name.includes('/')) return executable(sys, name) === 'yes' ? [name] : [];
  const out: string[] = [];
  for (const dir of (pathVar ?? '/bin:/usr/bin').split(':')) {
    const candidate = `${dir === '' ? '.' : dir.replace(/\/$/, '')}/${name}`;
    if (executable(sys, candidate) === 'yes') {
      out.push(candidate);
      if (!all) break;
    }
  }
  return out;
}

/** The file execvp would run, or the SysError it would fail with (ENOENT, or EACCES if one was found). */
export function resolveCommand(sys: Sys, name: string, pathVar: string | undefined): string {
  if (name === '') throw new SysError('ENOENT', 'execve', name);
  if (name.includes('/')) {
    const r = executable(sys, name);
    if (r === 'yes') return name;
    throw new SysError(r === 'denied' ? 'EACCES' : 'ENOENT', 'execve', name);
  }
  let denied = false;
  for (const dir of (pathVar ?? '/bin:/usr/bin').split(':')) {
    const candidate = `${dir === '' ? '.' : dir.replace(/\/$/, '')}/${name}`;
    const r = executable(sys, candidate);
    if (r === 'yes') return candidate;
    if (r === 'denied') denied = true;
  }
  throw new SysError(denied ? 'EACCES' : 'ENOENT', 'execve', name);
}
