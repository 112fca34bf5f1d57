/**
 * How the docker CLI turns errors into text and exit codes (cmd/docker/docker.go main, cli.StatusError).
 * Client errors are recognised by shape, so the API client's own classes need no wrapping: a numeric
 * `status` is a daemon answer, the name `ConnectionError` an unreachable daemon.
 */
import { isProcessEnd } from '../engine/kernel/process.js';

/** Every catch in the CLI starts with this: the end of the process (exit, fatal signal) is not an error. */
export function passProcessEnd(e: unknown): void {
  if (isProcessEnd(e)) throw e;
}

/** cli.StatusError: `status` is printed (when not empty) and the process exits with `code`. */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly status = '',
  ) {
    super(status);
    this.name = 'StatusError';
  }
}

/**
 * dockersim's own refusal of something docker accepts but the simulator does not model: one line in the
 * simulator's voice, exit 125 (docker's code for a command it could not run).
 */
export function notSimulated(what: string): StatusError {
  return new StatusError(125, `dockersim: ${what} is not simulated`);
}

/** term.EscapeError: the user typed the detach sequence. */
export class EscapeError extends Error {
  constructor() {
    super('read escape sequence');
    this.name = 'EscapeError';
  }
}

function daemonStatus(e: unknown): number | undefined {
  if (e instanceof Error && typeof (e as { status?: unknown }).status === 'number') {
    return (e as unknown as { status: number }).status;
  }
  return undefined;
}

export function isDaemonError(e: unknown): boolean {
  return daemonStatus(e) !== undefined;
}

/** errdefs.IsNotFound on a client error. */
export function isNotFound(e: unknown): boolean {
  return daemonStatus(e) === 404;
}

export function isConnectionError(e: unknown): boolean {
  return e instanceof Error && e.name === 'ConnectionError';
}

/** err.Error() as docker's client builds it: daemon answers carry `Error response from daemon: `. */
export function errorText(e: unknown): string {
  if (e instanceof StatusError) return e.status;
  if (isDaemonError(e)) return `Error response from daemon: ${(e as Error).message}`;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** errors.Join: the messages one per line. */
export function joinErrors(errs: readonly unknown[]): Error | null {
  return errs.length === 0 ? null : new Error(errs.map(errorText).join('\n'));
}

/**
 * run/create's toStatusError: `docker: <err>` + the --help hint; 127 when the command was not found,
 * 126 when it could not be run, else 125.
 */
export function toStatusError(e: unknown, command: string): StatusError {
  const msg = errorText(e);
  const text = `docker: ${msg}\n\nRun 'docker ${command} --help' for more information`;
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(msg)) {
    return new StatusError(127, text);
  }
  if (/permission denied|is a directory/.test(msg)) return new StatusError(126, text);
  return new StatusError(125, text);
}
