import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/engine/kernel/clock.js';
import { Scheduler, Task, type TaskOwner } from '../../../src/engine/kernel/scheduler.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const owner = (): TaskOwner => ({ isFrozen: () => false, isDying: () => false, takeCpuUnits: () => 0, chargeCpu: () => undefined });

/** Queues `n` tasks that end at once; only weak references to their owners come back. */
function startTasks(sched: Scheduler, n: number): Array<WeakRef<TaskOwner>> {
  const refs: Array<WeakRef<TaskOwner>> = [];
  for (let i = 0; i < n; i++) {
    const o = owner();
    const task = new Task(o);
    refs.push(new WeakRef(o));
    sched.start(task, () => sched.finish(task));
  }
  return refs;
}

describe('the run queue', () => {
  it('lets go of a task once it has run: an ended process is not kept alive by the scheduler', async () => {
    const sched = new Scheduler(new VirtualClock(0));
    // Fewer tasks than the queue compacts at: before, every one of them stayed in the array until then.
    const refs = startTasks(sched, 10);
    while (await sched.step()) {
      /* run each to its end */
    }
    // A WeakRef's target is kept for the rest of the job that made or read it: collect on a later turn.
    await new Promise((r) => setImmediate(r));
    gc();
    expect(refs.map((r, i) => (r.deref() === undefined ? -1 : i)).filter((i) => i >= 0)).toEqual([]);
    expect(sched.runnable()).toBe(0);
  });
});
