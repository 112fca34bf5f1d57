/**
 * The machine's read model, if it has a Docker engine (a page reads the daemon only through it): a loader,
 * since its code is a chunk of its own that the first prompt does not wait for. Stable per machine.
 */
import type { DaemonQuery } from '../../engine/daemon/query.js';

export type QueryLoader = () => Promise<DaemonQuery>;

export function queryOf(machine: object): QueryLoader | null {
  const load = (machine as { loadQuery?: unknown }).loadQuery;
  return typeof load === 'function' ? (load as QueryLoader) : null;
}
