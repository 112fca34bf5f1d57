/**
 * POST /build/prune as it answers on this daemon: nothing builds here yet, so there is no cache to prune
 * (networks prune in network/ops.ts, volumes in volume/service.ts).
 */
export function buildCachePrune(): { CachesDeleted: string[] | null; SpaceReclaimed: number } {
  return { CachesDeleted: null, SpaceReclaimed: 0 };
}
