/** errno numbers as nginx prints them: `(2: No such file or directory)`. */
import { STRERROR, type Errno } from '../../engine/kernel/errno.js';

const NUMBERS: Partial<Record<Errno, number>> = {
  EPERM: 1, ENOENT: 2, ESRCH: 3, EINTR: 4, EIO: 5, EBADF: 9, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EEXIST: 17,
  ENOTDIR: 20, EISDIR: 21, EINVAL: 22, EMFILE: 24, ENOSPC: 28, EROFS: 30, EPIPE: 32, ENAMETOOLONG: 36, ELOOP: 40,
  EADDRINUSE: 98, EADDRNOTAVAIL: 99, ECONNRESET: 104, ETIMEDOUT: 110, ECONNREFUSED: 111, EHOSTUNREACH: 113,
};

export function errnoText(code: Errno): string {
  return `${NUMBERS[code] ?? 0}: ${STRERROR[code]}`;
}
