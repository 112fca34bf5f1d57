import { SysError, type Errno } from '../../../src/engine/kernel/errno.js';
import type { Credentials, FsContext } from '../../../src/engine/kernel/fsTypes.js';

export const text = (b: Uint8Array): string => new TextDecoder().decode(b);
export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The errno `fn` throws, or 'ok'. */
export function errno(fn: () => unknown): Errno | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof SysError) return e.code;
    throw e;
  }
}

export const ROOT: Credentials = { uid: 0, gid: 0, groups: [0] };
export const USER: Credentials = { uid: 1000, gid: 1000, groups: [1000, 27] };

export function ctx(cred: Credentials = ROOT, cwd = '/', hostPid = 1): FsContext {
  return { cred, cwd, umask: 0o022, caller: { hostPid } };
}

export const W = (uid = 0, gid = 0, mode = 0o644, append = false) => ({ uid, gid, mode, append });
