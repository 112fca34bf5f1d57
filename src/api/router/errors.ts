/**
 * The one mapping between error class and HTTP status (moby's api/server/httpstatus). Anything that is not a
 * DaemonError is a 500, as an unclassified Go error is.
 */
import { DaemonError, type ErrorKind } from '../../engine/daemon/errdefs.js';

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

export function statusFromError(err: unknown): number {
  return err instanceof DaemonError ? STATUS[err.kind] : 500;
}

/** The client's way back (docker/client's errdefs.FromStatusCode). */
export function kindFromStatus(status: number): ErrorKind {
  for (const [kind, code] of Object.entries(STATUS) as Array<[ErrorKind, number]>) if (code === status) return kind;
  return 'System';
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
