/**
 * Starts loading, without waiting, the chunks a machine loads on demand (src/programs/registry.ts), so they
 * are usually there before it asks. It waits for an idle moment: evaluating the Docker chunk (30–70 ms) must
 * not sit between the booted machine and its first prompt (dockerd only needs it at its first connection).
 * A failed load is reported by the machine that needs it, not here.
 */
import { loadDockerPrograms, loadUtilities } from '../programs/registry.js';

export function prefetchChunks(): void {
  whenIdle(() => {
    loadDockerPrograms().catch(() => {});
    loadUtilities().catch(() => {});
  }, 200);
}

/** Runs `fn` once the page is idle (its first prompt is up), within 1.5 s at the latest. */
export function whenIdle(fn: () => void, fallbackMs = 0): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1500 });
  else setTimeout(fn, fallbackMs);
}
