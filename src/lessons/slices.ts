/**
 * The kernel as the real-time driver sees it, with a call between scheduler slices: how the browser lets the
 * lesson runner's command log see every docker process, even one that prints nothing and lives a few ms.
 *   new RealtimeDriver(sampledKernel(machine.kernel, () => runner.sample()), opts)
 */
import type { Kernel } from '../engine/kernel/kernel.js';
import type { DrivenKernel } from '../machine/driver.js';

export function sampledKernel(kernel: Kernel, onSlice: () => void): DrivenKernel {
  return {
    now: () => kernel.now(),
    clock: kernel.clock,
    sched: kernel.sched,
    run: (opts) => kernel.run({ ...opts, stop: () => (onSlice(), opts.stop?.() ?? false) }),
  };
}
