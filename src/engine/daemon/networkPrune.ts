/**
 * POST /volumes/prune and /build/prune as they answer on this daemon: no volume is modelled, and nothing builds
 * here, so there is no cache (networks are pruned by network/ops.ts).
 * Both still check their filters and log what moby logs, so `docker system prune` tells the truth.
 */
import type { DaemonStore } from './store.js';
import { FilterArgs, type FilterMap } from './filters.js';

const VOLUME_FILTERS: ReadonlySet<string> = new Set(['label', 'label!', 'all']);

export function volumesPrune(engine: DaemonStore, raw: FilterMap = {}): { VolumesDeleted: string[] | null; SpaceReclaimed: number } {
  const f = new FilterArgs(raw);
  f.validate(VOLUME_FILTERS);
  f.getBoolOrDefault('all', false);
  engine.events.log('volume', 'prune', { ID: '', Attributes: { reclaimed: '0' } });
  return { VolumesDeleted: null, SpaceReclaimed: 0 };
}

export function buildCachePrune(): { CachesDeleted: string[] | null; SpaceReclaimed: number } {
  return { CachesDeleted: null, SpaceReclaimed: 0 };
}
