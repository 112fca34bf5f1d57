/** The machine's read model, if it has a Docker engine (a page reads the daemon only through it). */
import type { DaemonQuery } from '../../engine/daemon/query.js';

export function queryOf(machine: object): DaemonQuery | null {
  const q = (machine as { query?: unknown }).query;
  return q && typeof q === 'object' && 'onEvent' in q && 'containers' in q ? (q as DaemonQuery) : null;
}
