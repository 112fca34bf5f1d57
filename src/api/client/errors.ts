/**
 * Errors the client raises, with the docker CLI's exact texts. The daemon's message stays bare; the CLI
 * adds `Error response from daemon: ` when it prints one (`display`).
 */
import { kindFromStatus, type ErrorKind } from '../../pkg/errdefs.js';

export class DaemonResponseError extends Error {
  readonly kind: ErrorKind;

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DaemonResponseError';
    this.kind = kindFromStatus(status);
  }

  get display(): string {
    return `Error response from daemon: ${this.message}`;
  }
}

/** The daemon could not be reached: the message is the whole line the CLI prints. */
export class ConnectionError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ConnectionError';
  }
}

/** `Head "http://%2Fvar%2Frun%2Fdocker.sock/_ping"`: the URL Go's client prints for a request. */
export function requestURL(host: string, target: string): string {
  if (host.startsWith('unix://')) return `http://${encodeURIComponent(host.slice(7))}${target}`;
  return `http://${host.replace(/^tcp:\/\//, '')}${target}`;
}

/** Go's method spelling in url.Error: `Get`, `Head`, `Post`. */
export function goMethod(method: string): string {
  return method[0] + method.slice(1).toLowerCase();
}

export function connectionError(code: string, host: string, method: string, target: string): ConnectionError {
  if (code === 'EACCES') {
    const path = host.slice('unix://'.length);
    return new ConnectionError(
      `permission denied while trying to connect to the Docker daemon socket at ${host}: ` +
        `${goMethod(method)} ${JSON.stringify(requestURL(host, target))}: dial unix ${path}: connect: permission denied`,
      code,
    );
  }
  return new ConnectionError(`Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?`, code);
}
