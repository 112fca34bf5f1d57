/**
 * Starts loading, without waiting, the chunks a machine loads on demand (src/programs/registry.ts), so they
 * are usually there before it asks. The built page already preloads them (vite.config.ts); this also covers
 * the dev server. A failed load is reported by the machine that needs it, not here.
 */
import { loadDockerPrograms, loadUtilities } from '../programs/registry.js';

export function prefetchChunks(): void {
  loadDockerPrograms().catch(() => {});
  loadUtilities().catch(() => {});
}
