/**
 * The volume half of inspect JSON: a container's `Mounts` (containertypes.MountPoint, in the order the mount
 * points were decided) and its HostConfig's VolumeDriver, VolumesFrom, Tmpfs and Mounts where moby's struct
 * puts them; a volume as GET /volumes/{name} shows it.
 */
import type { Container } from '../container.js';
import { mountPoints } from './points.js';
import type { Volume } from './store.js';

type Json = Record<string, unknown>;

export function mountsJSON(c: Container): Json[] {
  return mountPoints(c).map((m) => {
    const o: Json = { Type: m.Type };
    if (m.Name) o.Name = m.Name;
    o.Source = m.Source;
    o.Destination = m.Destination;
    if (m.Driver) o.Driver = m.Driver;
    o.Mode = m.Mode;
    o.RW = m.RW;
    o.Propagation = m.Propagation;
    return o;
  });
}

/** `out` with the request's volume fields in their places (Tmpfs before UTSMode, Mounts before MaskedPaths). */
export function hostConfigMounts(c: Container, out: Json): Json {
  const h = c.HostConfig as unknown as Json;
  const tmpfs = h.Tmpfs as Json | undefined;
  const mounts = h.Mounts as unknown[] | undefined;
  const from = h.VolumesFrom as string[] | undefined;
  const driver = h.VolumeDriver as string | undefined;
  const hasTmpfs = tmpfs !== undefined && tmpfs !== null && Object.keys(tmpfs).length > 0;
  const hasMounts = Array.isArray(mounts) && mounts.length > 0;
  if (!hasTmpfs && !hasMounts && !from?.length && !driver) return out;
  const o: Json = {};
  for (const [k, v] of Object.entries(out)) {
    if (k === 'UTSMode' && hasTmpfs) o.Tmpfs = tmpfs;
    if (k === 'MaskedPaths' && hasMounts) o.Mounts = mounts;
    if (k === 'VolumesFrom') o[k] = from?.length ? from : null;
    else if (k === 'VolumeDriver') o[k] = driver ?? '';
    else o[k] = v;
  }
  return o;
}

/** volumetypes.Volume as the API serialises it (Status and UsageData left out, as moby leaves them empty). */
export function volumeJSON(v: Volume, mountpoint: string): Json {
  return {
    CreatedAt: v.CreatedAt, Driver: v.Driver, Labels: v.Labels, Mountpoint: mountpoint, Name: v.Name,
    Options: v.Options, Scope: 'local',
  };
}
