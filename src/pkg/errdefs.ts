/**
 * moby's errdefs: an error carries a class (errdefs/defs.go), and the class alone decides the HTTP status
 * (api/server/httpstatus) on the way out and is recovered from the status on the client's way back
 * (errdefs.FromStatusCode), so the router and the client share this one table. The message is exactly what
 * the daemon puts in `{"message": …}`, without the client's `Error response from daemon: ` prefix.
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
export const unauthorized = (msg: string): DaemonError => new DaemonError('Unauthorized', msg);

const STATUS: Record<ErrorKind, number> = {
  NotFound: 404,
  InvalidParameter: 400,
  Conflict: 409,
  NotModified: 304,
  Unauthorized: 401,
  Forbidden: 403,
  Unavailable: 503,
  NotImplemented: 501,
  System: 500,
};

/** httpstatus.FromError: anything that is not a DaemonError is a 500, as an unclassified Go error is. */
export function statusFromError(err: unknown): number {
  return err instanceof DaemonError ? STATUS[err.kind] : 500;
}

/** errdefs.FromStatusCode, the client's way back. */
export function kindFromStatus(status: number): ErrorKind {
  for (const [kind, code] of Object.entries(STATUS) as Array<[ErrorKind, number]>) if (code === status) return kind;
  return 'System';
}

/** err.Error(). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
