/**
 * Restart policies: parsing as the docker CLI does (opts.ParseRestartPolicy), validation as the daemon does
 * (container.ValidateRestartPolicy), and moby's RestartManager (restartmanager/restartmanager.go): the decision
 * after each exit and the back-off delay — 100 ms, doubling per restart, capped at one minute, back to 100 ms
 * once the container has run for 10 s. A manual stop cancels the manager for good; `docker start` makes a new one.
 */
import { invalidParameter, type DaemonError } from '../../pkg/errdefs.js';

export type RestartPolicyMode = '' | 'no' | 'always' | 'unless-stopped' | 'on-failure';

/** HostConfig.RestartPolicy as the API shows it. */
export interface RestartPolicy {
  Name: RestartPolicyMode | string;
  MaximumRetryCount: number;
}

/** CLI-side parse of `--restart`; the messages are docker's own (printed after `docker: `). */
export function parseRestartPolicy(value: string): RestartPolicy {
  if (value === '') return { Name: '', MaximumRetryCount: 0 };
  const colon = value.indexOf(':');
  const name = colon < 0 ? value : value.slice(0, colon);
  const count = colon < 0 ? '' : value.slice(colon + 1);
  if (colon >= 0 && name === '') throw new Error('invalid restart policy format: no policy provided before colon');
  let max = 0;
  if (count !== '') {
    if (!/^[+-]?[0-9]+$/.test(count)) throw new Error('invalid restart policy format: maximum retry count must be an integer');
    max = Number.parseInt(count, 10);
  }
  return { Name: name, MaximumRetryCount: max };
}

/** Daemon-side check at container create (400 InvalidParameter). */
export function validateRestartPolicy(p: RestartPolicy): DaemonError | null {
  switch (p.Name) {
    case 'always':
    case 'unless-stopped':
    case 'no':
      if (p.MaximumRetryCount !== 0) {
        let msg = "invalid restart policy: maximum retry count can only be used with 'on-failure'";
        if (p.MaximumRetryCount < 0) msg += ' and cannot be negative';
        return invalidParameter(msg);
      }
      return null;
    case 'on-failure':
      return p.MaximumRetryCount < 0 ? invalidParameter('invalid restart policy: maximum retry count cannot be negative') : null;
    case '':
      return null; // engines before v25 stored an empty name; accepted for compatibility
    default:
      return invalidParameter(
        `invalid restart policy: unknown policy '${p.Name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
      );
  }
}

export function isRestartPolicyNone(p: RestartPolicy): boolean {
  return p.Name === '' || p.Name === 'no';
}

export const RESTART_BACKOFF_START_MS = 100;
export const RESTART_BACKOFF_MAX_MS = 60_000;
/** A run at least this long resets the back-off. */
export const RESTART_RESET_AFTER_MS = 10_000;

export type RestartDecision =
  | { readonly restart: false; readonly canceled: boolean }
  | { readonly restart: true; readonly delayMs: number };

/**
 * One per container start (`docker start` resets it). The daemon asks shouldRestart() on each exit; on yes it
 * increments the container's RestartCount, sets the state to restarting and starts again after `delayMs`, unless
 * cancel() came first (a `docker stop`, `kill` or `rm -f` in the meantime).
 */
export class RestartManager {
  private timeoutMs = 0;
  private canceled = false;

  constructor(
    private policy: RestartPolicy,
    private restartCount = 0,
  ) {}

  setPolicy(policy: RestartPolicy): void {
    this.policy = policy;
  }

  get count(): number {
    return this.restartCount;
  }

  get isCanceled(): boolean {
    return this.canceled;
  }

  /**
   * @param hasBeenManuallyStopped the container was stopped by the user (or the daemon is shutting down)
   * @param ranForMs how long the container ran before this exit
   */
  shouldRestart(exitCode: number, hasBeenManuallyStopped: boolean, ranForMs: number): RestartDecision {
    if (isRestartPolicyNone(this.policy)) return { restart: false, canceled: false };
    if (this.canceled) return { restart: false, canceled: true };
    if (ranForMs >= RESTART_RESET_AFTER_MS) this.timeoutMs = 0;
    if (this.timeoutMs === 0) this.timeoutMs = RESTART_BACKOFF_START_MS;
    else if (this.timeoutMs < RESTART_BACKOFF_MAX_MS) this.timeoutMs *= 2;
    if (this.timeoutMs > RESTART_BACKOFF_MAX_MS) this.timeoutMs = RESTART_BACKOFF_MAX_MS;

    let restart = false;
    switch (this.policy.Name) {
      case 'always':
        restart = true;
        break;
      case 'unless-stopped':
        restart = !hasBeenManuallyStopped;
        break;
      case 'on-failure': {
        const max = this.policy.MaximumRetryCount;
        if (max === 0 || this.restartCount < max) restart = exitCode !== 0;
        break;
      }
    }
    if (!restart) return { restart: false, canceled: false };
    this.restartCount++;
    return { restart: true, delayMs: this.timeoutMs };
  }

  /** A manual stop: no restart from this manager any more. */
  cancel(): void {
    this.canceled = true;
  }
}
