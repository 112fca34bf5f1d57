/**
 * The one virtual clock. Time is milliseconds since boot (a float: sub-millisecond CPU costs add up);
 * the wall clock is the boot instant plus that. Nothing in the engine reads real time.
 */
export interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
  cancelled: boolean;
}

export class VirtualClock {
  private nowMs = 0;
  private seq = 0;
  private readonly heap: Timer[] = [];

  /** @param bootEpochMs wall-clock time at boot, in ms since the Unix epoch */
  constructor(readonly bootEpochMs: number) {}

  /** Milliseconds since boot. */
  now(): number {
    return this.nowMs;
  }

  /** Wall-clock milliseconds since the Unix epoch. */
  epochMs(): number {
    return this.bootEpochMs + this.nowMs;
  }

  /**
   * epochMs as a function made once, for the file trees that stamp times with it: a closure per tree (three per
   * container) was kept with its scope for the container's life.
   */
  readonly epochClock = (): number => this.bootEpochMs + this.nowMs;

  /** Wall-clock nanoseconds since the epoch, for Docker's 9-digit timestamps. */
  epochNs(): bigint {
    const ns = Math.round(this.nowMs * 1e6);
    return BigInt(this.bootEpochMs) * 1_000_000n + BigInt(ns);
  }

  /** Moves time forward (never back). Does not fire timers: the scheduler does. */
  advanceTo(ms: number): void {
    if (ms > this.nowMs) this.nowMs = ms;
  }

  advanceBy(ms: number): void {
    if (ms > 0) this.nowMs += ms;
  }

  /** Schedules `fire` at `at` ms since boot. Timers due at the same time fire in the order they were set. */
  setTimer(at: number, fire: () => void): Timer {
    const t: Timer = { at, seq: this.seq++, fire, cancelled: false };
    this.heap.push(t);
    this.siftUp(this.heap.length - 1);
    return t;
  }

  cancel(t: Timer): void {
    t.cancelled = true;
  }

  /** When the earliest live timer is due, or undefined. */
  nextDue(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Fires every timer due by now; returns how many fired. */
  fireDue(): number {
    let n = 0;
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (!top || top.at > this.nowMs) return n;
      this.pop();
      top.cancelled = true;
      top.fire();
      n++;
    }
  }

  pendingTimers(): number {
    return this.heap.filter((t) => !t.cancelled).length;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
  }

  private pop(): Timer {
    const top = this.heap[0];
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private siftUp(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l], h[m])) m = l;
      if (r < h.length && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
