/**
 * A container's mount points as the daemon decided them at create (`mounts.ts` decides and mounts them): the
 * read side alone, which inspect, `docker ps` and the daemon view need, kept apart so that the page's first
 * chunk does not carry the parsing and mounting.
 */
import type { Container } from '../container.js';

/** volumemounts.MountPoint, trimmed: what inspect shows plus what the daemon needs to mount and release it. */
export interface MountPoint {
  readonly Type: 'bind' | 'volume' | 'tmpfs';
  readonly Name: string;
  /** Host path of a bind or volume; '' for tmpfs. */
  readonly Source: string;
  readonly Destination: string;
  readonly Driver: string;
  readonly Mode: string;
  readonly RW: boolean;
  readonly Propagation: string;
  /** Spec.Source: a volume named by the user is never removed with the container. */
  readonly specSource: string;
  readonly copyData: boolean;
  /** `--mount type=bind`: the source must exist (it is not created at start). */
  readonly skipCreate: boolean;
  readonly tmpfs?: { readonly size: number; readonly mode: number };
}

/** Each container's mount points by destination; `mounts.ts` fills it. */
export const points = new WeakMap<Container, Map<string, MountPoint>>();

export function mountPoints(c: Container): readonly MountPoint[] {
  return [...(points.get(c)?.values() ?? [])];
}

/** What the read model needs of a volume store, kept here so that reading does not load the store's module. */
export interface VolumeReader {
  all(): readonly { readonly Name: string; readonly Driver: string; readonly Labels: Readonly<Record<string, string>> | null }[];
  path(name: string): string;
}

/** Each engine's volume store, registered by store.ts when it makes one (none yet: no volume exists). */
export const volumeReaders = new WeakMap<object, VolumeReader>();
