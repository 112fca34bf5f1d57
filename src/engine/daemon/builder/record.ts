/**
 * The daemon's record of the builds it ran, oldest first: each step as the builder numbered and showed it,
 * whether the cache answered it, what it made, and how the build ended. The daemon view and the lesson checks
 * read it (`DaemonQuery.builds`); moby keeps nothing like it (its build history is BuildKit's own), so nothing
 * in the API serves it. It is derived from the builds as they run, never journaled, so a replay rebuilds it.
 * Only the last MAX_BUILDS builds are kept, as plain values (IDs and sizes, no layers), so it costs a fixed few
 * kilobytes however many images a session builds. A change replaces the build's record and its steps array
 * (the steps themselves are shared), so a reader can compare records by identity.
 */
import type { Disposable } from '../../../pkg/disposable.js';
import { EventEmitter } from '../emitter.js';
import type { DaemonStore } from '../store.js';

/** How many finished or running builds the record keeps. */
export const MAX_BUILDS = 20;

export interface BuildStep {
  /** The builder's numbering: `Step 2/5` (legacy), `[2/4]` or `[builder 2/4]` (BuildKit, width-padded as it prints). */
  readonly label: string;
  /** The instruction as the Dockerfile wrote it, trimmed: `RUN apt-get update`, `FROM ubuntu:24.04`. */
  readonly instruction: string;
  /** Answered by the cache (legacy ` ---> Using cache`, BuildKit `CACHED`). */
  readonly cached: boolean;
  /** The image the step left: legacy, the step's committed image (FROM: the base); BuildKit, the base for FROM, else ''. */
  readonly imageId: string;
  /** The DiffID of the layer the step added, '' for a step without one (FROM, config-only, WORKDIR /). */
  readonly layerId: string;
  /** That layer's bytes, the SIZE `docker history` gives the step (0 without a layer). */
  readonly size: number;
  readonly status: 'running' | 'done' | 'failed';
  /** The step's error, as the build ended with it ('' unless failed). */
  readonly error: string;
  /** Virtual clock, epoch ns. */
  readonly startNs: bigint;
  readonly endNs: bigint | null;
}

export interface BuildRecord {
  /** 1, 2, … in the order the daemon started its builds. */
  readonly seq: number;
  readonly builder: 'legacy' | 'buildkit';
  /** `-t` as the daemon normalized them, familiar: `static_web:latest`. */
  readonly tags: readonly string[];
  /** In the order the builder ran them; BuildKit's config-only instructions (ENV, EXPOSE…) make no step. */
  readonly steps: readonly BuildStep[];
  /** The final image, '' unless succeeded. */
  readonly imageId: string;
  readonly outcome: 'running' | 'succeeded' | 'failed';
  /** The build's error as the client reports it ('' unless failed). */
  readonly error: string;
  readonly startNs: bigint;
  readonly endNs: bigint | null;
}

/** A daemon's builds; one per DaemonStore, so it lasts across dockerd restarts as images do. */
export class BuildLog {
  private readonly list: BuildRecord[] = [];
  private readonly emitter = new EventEmitter<BuildRecord>();
  private seq = 0;

  constructor(private readonly now: () => bigint) {}

  /** Fired with the new record on every change (a build started, a step started or ended, the build ended). */
  readonly onChange = this.emitter.event;

  all(): readonly BuildRecord[] {
    return this.list;
  }

  /** Starts recording a build; the recorder is how the builder reports it. */
  begin(builder: BuildRecord['builder'], tags: readonly string[]): BuildRecorder {
    const rec: BuildRecord = {
      seq: ++this.seq, builder, tags: [...tags], steps: [], imageId: '', outcome: 'running', error: '', startNs: this.now(), endNs: null,
    };
    this.list.push(rec);
    if (this.list.length > MAX_BUILDS) this.list.shift();
    this.emitter.fire(rec);
    return new BuildRecorder(this, rec.seq);
  }

  /** @internal the recorder's write path: replace the build's record (if it is still kept) and tell listeners. */
  update(seq: number, change: (r: BuildRecord, now: bigint) => BuildRecord): void {
    const i = this.list.findIndex((r) => r.seq === seq);
    if (i < 0) return;
    const next = change(this.list[i], this.now());
    if (next === this.list[i]) return;
    this.list[i] = next;
    this.emitter.fire(next);
  }
}

/** What a builder calls as it runs; each call is one change to its build's record. */
export class BuildRecorder {
  constructor(
    private readonly log: BuildLog,
    private readonly seq: number,
  ) {}

  stepStart(label: string, instruction: string, cached = false): void {
    this.log.update(this.seq, (r, now) => ({
      ...r,
      steps: [...r.steps, { label, instruction, cached, imageId: '', layerId: '', size: 0, status: 'running', error: '', startNs: now, endNs: null }],
    }));
  }

  /** The running step was answered by the cache. */
  stepCached(): void {
    this.changeRunning((s) => ({ ...s, cached: true }));
  }

  stepDone(made: { readonly imageId?: string; readonly layer?: { readonly digest: string; readonly size: number } | null } = {}): void {
    this.changeRunning((s, now) => ({
      ...s, status: 'done', imageId: made.imageId ?? '', layerId: made.layer?.digest ?? '', size: made.layer?.size ?? 0, endNs: now,
    }));
  }

  succeeded(imageId: string): void {
    this.log.update(this.seq, (r, now) => ({ ...r, outcome: 'succeeded', imageId, endNs: now }));
  }

  /** The build failed; a step still running is the one that failed. */
  failed(error: string): void {
    this.log.update(this.seq, (r, now) => ({
      ...r, outcome: 'failed', error, endNs: now,
      steps: r.steps.map((s) => (s.status === 'running' ? { ...s, status: 'failed', error, endNs: now } : s)),
    }));
  }

  private changeRunning(change: (s: BuildStep, now: bigint) => BuildStep): void {
    this.log.update(this.seq, (r, now) => {
      const i = r.steps.length - 1;
      if (i < 0 || r.steps[i].status !== 'running') return r;
      const steps = [...r.steps];
      steps[i] = change(steps[i], now);
      return { ...r, steps };
    });
  }
}

const logs = new WeakMap<DaemonStore, BuildLog>();

/** The daemon's build log, made at its first build (or first read). */
export function buildLog(store: DaemonStore): BuildLog {
  let log = logs.get(store);
  if (!log) logs.set(store, (log = new BuildLog(() => store.nowNs())));
  return log;
}
