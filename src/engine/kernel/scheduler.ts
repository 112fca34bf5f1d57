/**
 * A deterministic, cooperative scheduler. Exactly one task runs at a time: the scheduler resumes it and waits
 * until it parks again (blocks in a system call, yields, or ends). Every wake-up goes through the run queue,
 * so the same inputs always interleave the same way. Each slice costs virtual CPU time, so a busy loop moves
 * the clock on like a real one would.
 */
import type { VirtualClock } from './clock.js';

export interface TaskOwner {
  /** A frozen (paused) task is held back until thawed, unless it has been killed. */
  isFrozen(): boolean;
  isDying(): boolean;
  /** Takes the CPU units the task reported during its last slice. */
  takeCpuUnits(): number;
  chargeCpu(ms: number): void;
}

export class Task {
  /** Set while the task is parked: calling it lets the task continue. */
  resume: (() => void) | null = null;
  queued = false;
  done = false;

  constructor(readonly owner: TaskOwner) {}
}

export interface CpuCosts {
  /** Virtual ms every scheduled slice costs. */
  readonly sliceMs: number;
  /** Virtual ms per CPU unit a program reports (one shell statement, one line of output…). */
  readonly unitMs: number;
}

export const DEFAULT_COSTS: CpuCosts = { sliceMs: 0.002, unitMs: 0.005 };

/** What a run-queue slot holds once its task is taken (a Task, so the array keeps one kind of element). */
const TAKEN = new Task({ isFrozen: () => false, isDying: () => false, takeCpuUnits: () => 0, chargeCpu: () => undefined });

/** Reactions on it are queued at once, where resolving a fresh promise would queue them. */
const SETTLED = Promise.resolve();

/** Microtask turns a slice gets before the scheduler starts asking whether it is stalled. */
const QUICK_TURNS = 32;

/** Without a host macrotask: a generous number of microtask turns. */
export async function microtaskDrain(): Promise<void> {
  for (let i = 0; i < 10_000; i++) await null;
}

export class Scheduler {
  private queue: Task[] = [];
  private head = 0;
  private held: Task[] = [];
  private current: Task | null = null;
  private release: (() => void) | null = null;
  /**
   * The running slice's task has parked (set one microtask after it hands back, as a promise reaction would
   * be). Fields and two functions made once, not a promise and closures per slice: a slice is the hottest
   * path there is, and its garbage was a fifth of what a request to a server allocated.
   */
  private parkedNow = false;
  private onParked: (() => void) | null = null;
  private readonly markParked = (): void => {
    this.parkedNow = true;
    const r = this.onParked;
    this.onParked = null;
    r?.();
  };
  private readonly releaser = (): void => void SETTLED.then(this.markParked);
  /** Slices run since boot. */
  slices = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly costs: CpuCosts = DEFAULT_COSTS,
    /** Resolves once pending promise callbacks have run (the host's setImmediate or MessageChannel). */
    private readonly drain: () => Promise<void> = microtaskDrain,
  ) {}

  get running(): Task | null {
    return this.current;
  }

  runnable(): number {
    return this.queue.length - this.head;
  }

  /** Makes a task runnable the first time: `body` starts when the task is first scheduled. */
  start(task: Task, body: () => void): void {
    task.resume = body;
    this.wake(task);
  }

  /** Queues a parked task to run. Waking a running, queued or finished task does nothing. */
  wake(task: Task): void {
    if (task.done || task.queued || task.resume === null) return;
    task.queued = true;
    this.queue.push(task);
  }

  /**
   * Parks the running task: the returned promise settles when the scheduler resumes it. The caller must
   * be the running task; a task parked by anyone else is only recorded.
   */
  park(task: Task): Promise<void> {
    return new Promise<void>((resolve) => {
      // A program may block in two calls at once (copy stdin and stdout of one connection): both wake
      // together and each re-checks its condition, as every blocking call is a retry loop.
      const prev = task.resume;
      task.resume = prev ? () => (prev(), resolve()) : resolve;
      if (this.current === task) this.handBack();
    });
  }

  /** The task's program has ended. */
  finish(task: Task): void {
    task.done = true;
    task.resume = null;
    if (this.current === task) this.handBack();
  }

  /** Resolves once every pending promise callback has run (a host turn). */
  drainPending(): Promise<void> {
    return this.drain();
  }

  /** Re-queues held (frozen) tasks whose owners are no longer frozen. */
  thaw(): void {
    const still: Task[] = [];
    for (const t of this.held) {
      if (t.done) continue;
      if (t.owner.isFrozen() && !t.owner.isDying()) still.push(t);
      else {
        t.queued = true;
        this.queue.push(t);
      }
    }
    this.held = still;
  }

  /** Runs one slice of the next runnable task. Returns false if nothing was runnable. */
  async step(): Promise<boolean> {
    const task = this.dequeue();
    if (!task) return false;
    task.queued = false;
    if (task.done || task.resume === null) return true;
    if (task.owner.isFrozen() && !task.owner.isDying()) {
      task.queued = true;
      this.held.push(task);
      return true;
    }
    const resume = task.resume;
    task.resume = null;
    this.current = task;
    this.parkedNow = false;
    this.release = this.releaser;
    resume();
    for (let i = 0; i < QUICK_TURNS && !this.parkedNow; i++) await null;
    // A slice that neither parks nor ends is waiting on a promise of its own program (one of its blocked
    // calls must settle first): once every pending callback has run, the CPU goes to the next task.
    if (!this.parkedNow) await Promise.race([new Promise<void>((r) => (this.onParked = r)), this.drain()]);
    if (!this.parkedNow) {
      this.release = null;
      this.onParked = null;
    }
    this.current = null;
    this.slices++;
    const ms = this.costs.sliceMs + task.owner.takeCpuUnits() * this.costs.unitMs;
    task.owner.chargeCpu(ms);
    this.clock.advanceBy(ms);
    return true;
  }

  private handBack(): void {
    const r = this.release;
    this.release = null;
    r?.();
  }

  private dequeue(): Task | undefined {
    if (this.head >= this.queue.length) return undefined;
    const t = this.queue[this.head];
    // The slot lets go of the task: until the next compaction it held up to ~1,000 ended processes alive,
    // each with its program's state and its container's files (25 KiB per `docker build` step).
    this.queue[this.head++] = TAKEN;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return t;
  }
}

/**
 * Tasks waiting for one condition (data in a pipe, a child's exit…). The set is made at the first waiter:
 * every process, pipe and listener has a queue, and most are never waited on.
 */
export class WaitQueue {
  private tasks: Set<Task> | null = null;

  add(task: Task): void {
    (this.tasks ??= new Set()).add(task);
  }

  remove(task: Task): void {
    this.tasks?.delete(task);
  }

  get size(): number {
    return this.tasks?.size ?? 0;
  }

  /** Waiting tasks whose program has not ended. */
  live(): number {
    let n = 0;
    for (const t of this.tasks ?? []) if (!t.done) n++;
    return n;
  }

  wakeAll(sched: Scheduler): void {
    if (!this.tasks || this.tasks.size === 0) return;
    const ts = [...this.tasks];
    this.tasks.clear();
    for (const t of ts) sched.wake(t);
  }
}
