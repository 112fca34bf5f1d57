/**
 * Every network and volume as the daemon view draws them, from the read model's `networks()`, `volumes()` and
 * `binds()` (what `docker network inspect`, `docker volume inspect` and inspect's Mounts answer). host and none
 * appear only while a container is on them: empty, they say nothing a learner needs.
 */
import type { BindRecord, DaemonQuery, NetworkRecord, VolumeRecord } from '../../../engine/daemon/query.js';
import { ipToInt } from '../../../engine/daemon/ipam.js';

export type NetworkView = NetworkRecord;
export type VolumeView = VolumeRecord;
export type BindView = BindRecord;

export interface StorageView {
  readonly networks: readonly NetworkView[];
  readonly volumes: readonly VolumeView[];
  readonly binds: readonly BindView[];
}

export const EMPTY_STORAGE: StorageView = { networks: [], volumes: [], binds: [] };

export function storageView(query: DaemonQuery): StorageView {
  const networks = query
    .networks()
    .filter((n) => n.userDefined || n.name === 'bridge' || n.members.length > 0)
    // Running members by address, then the stopped ones (no address) by name, as the bridge table did.
    .map((n) => ({ ...n, members: [...n.members].sort((a, b) => (a.ip && b.ip ? ipToInt(a.ip) - ipToInt(b.ip) : a.ip ? -1 : b.ip ? 1 : 0)) }));
  return { networks, volumes: query.volumes(), binds: query.binds() };
}

/** Same content: the store keeps the old view, and React redraws nothing. */
export function sameStorageView(a: StorageView, b: StorageView): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
