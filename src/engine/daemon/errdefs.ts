/**
 * Daemon errors carry a class, as moby's errdefs do (errdefs/defs.go). The API layer owns the one mapping from
 * class to HTTP status (NotFound 404, InvalidParameter 400, Conflict 409, NotModified 304, …); the message is
 * exactly what the daemon puts in `{"message": …}`, without the client's `Error response from daemon: ` prefix.
 */
export type ErrorKind =
  | 'NotFound'
  | 'InvalidParameter'
  | 'Conflict'
  | 'NotModified'
  | 'Unauthorized'
  | 'Forbidden'
  | 'Unavailable'
  | 'NotImplemented'
  | 'System';

export class DaemonError extends Error {
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'DaemonError';
    this.kind = kind;
  }

  toJSON(): { message: string } {
    return { message: this.message };
  }
}

export function isDaemonError(err: unknown, kind?: ErrorKind): err is DaemonError {
  return err instanceof DaemonError && (kind === undefined || err.kind === kind);
}

export const notFound = (msg: string): DaemonError => new DaemonError('NotFound', msg);
export const invalidParameter = (msg: string): DaemonError => new DaemonError('InvalidParameter', msg);
export const conflict = (msg: string): DaemonError => new DaemonError('Conflict', msg);
export const notModified = (msg: string): DaemonError => new DaemonError('NotModified', msg);
export const systemError = (msg: string): DaemonError => new DaemonError('System', msg);
