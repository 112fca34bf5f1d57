/** What the system routes need (moby's router/system/backend.go). */
import type { Disposable } from '../../../pkg/disposable.js';
import type { Filters } from '../httputils.js';

type MaybeAsync<T> = T | Promise<T>;

export interface EventsOptions {
  /** Epoch nanoseconds, or undefined. */
  readonly sinceNs?: bigint;
  readonly untilNs?: bigint;
  readonly filters: Filters;
}

export interface SystemBackend {
  /** GET /version's body (types.Version), in moby's key order. */
  systemVersion(): MaybeAsync<Record<string, unknown>>;
  systemInfo(): MaybeAsync<Record<string, unknown>>;
  /** GET /system/df's body (types.DiskUsage) for the object types asked for. */
  systemDiskUsage(opts: { containers: boolean; images: boolean; volumes: boolean; buildCache: boolean }): MaybeAsync<Record<string, unknown>>;
  /**
   * Replays buffered events in [since, until] through `event`, then live ones; calls `end` when `until` has
   * passed (the daemon owns the timer). Events arrive as wire JSON (daemon/events.ts marshalEvent).
   */
  subscribeEvents(opts: EventsOptions, sink: { event(json: string): void; end(): void }): MaybeAsync<Disposable>;
  /** The current wall-clock time, epoch ns (to tell a past-only `until`). */
  nowNs(): bigint;
}
