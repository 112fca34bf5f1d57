/** `ls -l`'s permission string, and parsing of chmod-style modes (octal and symbolic). */
import type { FileType, Stat } from '../../engine/kernel/fsTypes.js';

const TYPE_CHAR: Record<FileType, string> = {
  file: '-',
  dir: 'd',
  symlink: 'l',
  chardev: 'c',
  blockdev: 'b',
  fifo: 'p',
  socket: 's',
};

export function modeString(st: Pick<Stat, 'type' | 'mode'>): string {
  const m = st.mode;
  const rwx = (shift: number, special: number, on: string, off: string): string =>
    ((m >> shift) & 4 ? 'r' : '-') +
    ((m >> shift) & 2 ? 'w' : '-') +
    (m & special ? ((m >> shift) & 1 ? on : off) : (m >> shift) & 1 ? 'x' : '-');
  return TYPE_CHAR[st.type] + rwx(6, 0o4000, 's', 'S') + rwx(3, 0o2000, 's', 'S') + rwx(0, 0o1000, 't', 'T');
}

/**
 * Applies a chmod MODE (`755`, `u+x,go-w`, `a=r`, `+X`, `g=u`) to `old`. Returns null if MODE is invalid.
 * Without a who (`+x`), the umask limits which bits are set, as chmod(1) documents.
 */
export function applyMode(spec: string, old: number, isDir: boolean, umask: number): number | null {
  if (/^[0-7]+$/.test(spec)) {
    if (spec.length > 4) return null;
    const v = parseInt(spec, 8);
    // Directories keep their setuid/setgid bits unless the octal mode names them (GNU 5-digit rule aside).
    return isDir && spec.length < 4 ? v | (old & 0o6000) : v;
  }
  let mode = old & 0o7777;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause);
    if (!m) return null;
    const who = m[1];
    let mask = 0;
    for (const w of who || 'a') mask |= w === 'u' ? 0o4700 : w === 'g' ? 0o2070 : w === 'o' ? 0o1007 : 0o7777;
    const limit = who === '' ? ~umask : ~0;
    for (const op of m[2].matchAll(/([-+=])([rwxXst]*|[ugo])/g)) {
      let bits = 0;
      const perms = op[2];
      if (/^[ugo]$/.test(perms)) {
        const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0;
        const v = (mode >> shift) & 7;
        bits = (v << 6) | (v << 3) | v;
      } else {
        for (const p of perms) {
          if (p === 'r') bits |= 0o444;
          else if (p === 'w') bits |= 0o222;
          else if (p === 'x') bits |= 0o111;
          else if (p === 'X' && (isDir || mode & 0o111)) bits |= 0o111;
          else if (p === 's') bits |= 0o6000;
          else if (p === 't') bits |= 0o1000;
        }
      }
      bits &= mask;
      if (op[1] === '+') mode |= bits & limit;
      else if (op[1] === '-') mode &= ~(bits & limit);
      else mode = (mode & ~(mask & (isDir ? 0o1777 : 0o7777))) | (bits & limit);
    }
  }
  return mode;
}
