/**
 * Blocking on engine conditions from inside a process. Every wait must park the calling process in the
 * kernel (a program that awaited a plain JS promise would stall the scheduler), so this parks it on a kernel
 * wait queue — a futex, in effect — and re-checks `ready` on every wake-up. A timeout sets a clock timer.
 * Kernel request: a `sys.futexWait(queue, timeoutMs)`-style call would let this go through Sys.
 */
import type { Kernel } from '../kernel/kernel.js';
import type { WaitQueue } from '../kernel/scheduler.js';
import type { Sys } from '../kernel/sys.js';

/** Returns true once `ready()` holds, false if `timeoutMs` passed first. */
export async function blockUntil(
  kernel: Kernel,
  sys: Sys,
  queue: WaitQueue,
  ready: () => boolean,
  timeoutMs?: number,
): Promise<boolean> {
  const proc = kernel.procs.get(sys.hostPid);
  if (!proc) throw new Error('blockUntil: caller is not a live process');
  const deadline = timeoutMs === undefined || !Number.isFinite(timeoutMs) ? undefined : kernel.clock.now() + Math.max(0, timeoutMs);
  while (!ready()) {
    if (deadline !== undefined && kernel.clock.now() >= deadline) return false;
    const timer = deadline === undefined ? null : kernel.clock.setTimer(deadline, () => kernel.sched.wake(proc.task));
    try {
      await kernel.block(proc, [queue]);
    } finally {
      if (timer) kernel.clock.cancel(timer);
    }
  }
  return true;
}
