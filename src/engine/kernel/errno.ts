/**
 * Errno-style errors raised by simulated system calls. `message` is strerror(3)'s text, so programs can
 * print `${prog}: ${path}: ${err.message}` exactly as the real tools do.
 */
export const STRERROR = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EINTR: 'Interrupted system call',
  EIO: 'Input/output error',
  ENXIO: 'No such device or address',
  E2BIG: 'Argument list too long',
  ENOEXEC: 'Exec format error',
  EBADF: 'Bad file descriptor',
  ECHILD: 'No child processes',
  EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  EXDEV: 'Invalid cross-device link',
  ENODEV: 'No such device',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  EMFILE: 'Too many open files',
  ENOTTY: 'Inappropriate ioctl for device',
  EFBIG: 'File too large',
  ENOSPC: 'No space left on device',
  ESPIPE: 'Illegal seek',
  EROFS: 'Read-only file system',
  EPIPE: 'Broken pipe',
  ENAMETOOLONG: 'File name too long',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  ENOTSOCK: 'Socket operation on non-socket',
  EADDRINUSE: 'Address already in use',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ECONNREFUSED: 'Connection refused',
  ECONNRESET: 'Connection reset by peer',
  ENOTCONN: 'Transport endpoint is not connected',
  ENETUNREACH: 'Network is unreachable',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
} as const;

export type Errno = keyof typeof STRERROR;

/** A failed system call. `code` is stable; `message` is strerror's text only. */
export class SysError extends Error {
  readonly code: Errno;
  readonly syscall: string;
  readonly path: string | undefined;

  constructor(code: Errno, syscall = '', path?: string) {
    super(STRERROR[code]);
    this.name = 'SysError';
    this.code = code;
    this.syscall = syscall;
    this.path = path;
  }
}

/**
 * A SysError without a stack trace (V8 only; elsewhere the same error): for a failure a program meets by the
 * thousand, a fork bomb's EAGAIN or a path lookup's ENOENT, where capturing the async stack was the failure's
 * whole cost.
 */
export function stacklessSysError(code: Errno, syscall: string, path?: string): SysError {
  const ctor = Error as { stackTraceLimit?: number };
  const limit = ctor.stackTraceLimit;
  if (limit === undefined) return new SysError(code, syscall, path);
  ctor.stackTraceLimit = 0;
  try {
    return new SysError(code, syscall, path);
  } finally {
    ctor.stackTraceLimit = limit;
  }
}

export function isSysError(err: unknown, code?: Errno): err is SysError {
  return err instanceof SysError && (code === undefined || err.code === code);
}
