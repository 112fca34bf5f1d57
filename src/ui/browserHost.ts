/** The real-time driver's host in the page. */
import type { DriverHost } from '../machine/driver.js';

/** performance.now() and a zero-delay yield through MessageChannel (setTimeout(0) is clamped to 4 ms). */
export function browserHost(): DriverHost {
  const channel = new MessageChannel();
  const ready: (() => void)[] = [];
  channel.port1.onmessage = () => ready.shift()?.();
  return {
    now: () => performance.now(),
    later(fn, ms) {
      if (ms > 0) setTimeout(fn, ms);
      else {
        ready.push(fn);
        channel.port2.postMessage(null);
      }
    },
  };
}
