/** The real-time driver's host in the page. */
import type { DriverHost } from '../machine/driver.js';
import { loadLate } from '../machine/host.js';

/** Runs `fn` after one message-loop turn (setTimeout(0) is clamped to 4 ms). */
function messageTurns(): (fn: () => void) => void {
  const channel = new MessageChannel();
  const ready: (() => void)[] = [];
  channel.port1.onmessage = () => ready.shift()?.();
  return (fn) => {
    ready.push(fn);
    channel.port2.postMessage(null);
  };
}

/** Lets pending promise callbacks run before the scheduler moves on (see Scheduler): one message-loop turn. */
export function pageDrain(): () => Promise<void> {
  const turn = messageTurns();
  return () => new Promise((resolve) => turn(resolve));
}

/** performance.now() and a zero-delay yield through MessageChannel. */
export function browserHost(): DriverHost {
  const turn = messageTurns();
  return {
    now: () => performance.now(),
    later(fn, ms) {
      if (ms > 0) setTimeout(fn, ms);
      else turn(fn);
    },
  };
}

/**
 * Machine.boot's `late` in a page: the code no boot runs (machine/late.ts) is fetched once the frames showing
 * the first prompt have been drawn, so it never competes with it; a hidden page, which draws no frames,
 * fetches it after 200 ms.
 */
export function lateAfterPrompt(): Promise<unknown> {
  return new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 200);
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(fallback);
          resolve();
        }, 0)));
  }).then(loadLate);
}
