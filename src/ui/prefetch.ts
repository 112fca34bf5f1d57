/**
 * Starts loading, without waiting, the chunks a machine loads on demand (src/programs/registry.ts), so they
 * are usually there before it asks. It waits for an idle moment: evaluating the Docker chunk (30–70 ms) must
 * not sit between the booted machine and its first prompt (dockerd only needs it at its first connection).
 * A failed load is reported by the machine that needs it, not here.
 */
import { OPTIONAL_FAMILIES } from '../programs/optional.js';
import { loadDockerPrograms, loadUtilities } from '../programs/registry.js';

export function prefetchChunks(): void {
  whenIdle(() => {
    loadDockerPrograms().catch(() => {});
    loadUtilities().catch(() => {});
  }, 200);
}

/**
 * Then the program families (vim, nano, apt, curl, nginx…), one per idle moment so that evaluating them never
 * delays a keystroke: the first `vim Dockerfile` should not wait for a download. Only the app does this; a
 * widget on a docs page loads a family when its terminal first runs one.
 */
export function prefetchFamilies(families = OPTIONAL_FAMILIES, idle: (fn: () => void) => void = (fn) => whenIdle(fn, 200)): void {
  const next = (i: number): void => {
    if (i >= families.length) return;
    idle(() => {
      families[i].load().catch(() => {}).finally(() => next(i + 1));
    });
  };
  next(0);
}

/** Runs `fn` once the page is idle (its first prompt is up), within 1.5 s at the latest. */
export function whenIdle(fn: () => void, fallbackMs = 0): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1500 });
  else setTimeout(fn, fallbackMs);
}
