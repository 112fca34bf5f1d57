/**
 * POST /networks/prune and /build/prune as they answer on this daemon: the only networks are
 * the predefined bridge, host and none, which are never pruned, and nothing builds here, so there is no cache
 * (volumes prune in volume/service.ts).
 * Both still check their filters and log what moby logs, so `docker system prune` tells the truth.
 */
import type { DaemonStore } from './store.js';
import { FilterArgs, type FilterMap } from './filters.js';
import { pruneUntil } from './prune.js';

const NETWORK_FILTERS: ReadonlySet<string> = new Set(['label', 'label!', 'until']);

export function networksPrune(engine: DaemonStore, raw: FilterMap = {}): { NetworksDeleted: string[] | null } {
  const f = new FilterArgs(raw);
  f.validate(NETWORK_FILTERS);
  pruneUntil(f, engine.nowNs());
  engine.events.log('network', 'prune', { ID: '', Attributes: { reclaimed: '0' } });
  return { NetworksDeleted: null };
}

export function buildCachePrune(): { CachesDeleted: string[] | null; SpaceReclaimed: number } {
  return { CachesDeleted: null, SpaceReclaimed: 0 };
}
