/**
 * Rows of `docker ps` as docker/cli's ContainerContext exposes them to templates. Keys are in sorted
 * order so `{{json .}}` matches docker's marshalled map.
 */
import type { ContainerSummary } from '../client.js';
import { GO_TYPE } from './gofmt.js';
import { commandCell, namesCell, runningFor, truncateID } from './container.js';
import { displayablePorts } from './ports.js';
import { ellipsis } from './width.js';
import { humanSize3 } from '../../pkg/units.js';
import { familiarString, parseNormalizedNamed } from '../../pkg/reference.js';

/** time.Time.String() of a unix time in UTC: `2024-01-02 03:04:05 +0000 UTC`. */
export function goTimeString(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

function imageCell(c: ContainerSummary, trunc: boolean): string {
  if (!c.Image) return '<no image>';
  if (!trunc) return c.Image;
  if (c.ImageID && truncateID(c.ImageID) === truncateID(c.Image)) return truncateID(c.Image);
  try {
    const r = parseNormalizedNamed(c.Image);
    return familiarString({ ...r, digest: undefined });
  } catch {
    return c.Image;
  }
}

function sizeCell(c: ContainerSummary): string {
  const rw = humanSize3(c.SizeRw ?? 0);
  return (c.SizeRootFs ?? 0) > 0 ? `${rw} (virtual ${humanSize3(c.SizeRootFs ?? 0)})` : rw;
}

export function psRow(c: ContainerSummary, trunc: boolean, nowMs: number): Record<string | symbol, unknown> {
  const labels = Object.entries(c.Labels ?? {}).map(([k, v]) => `${k}=${v}`).sort().join(',');
  const mounts = (c.Mounts ?? []).map((m) => {
    const name = m.Name || m.Source || '';
    return trunc ? ellipsis(name, 15) : name;
  }).join(',');
  const networks = Object.keys(c.NetworkSettings?.Networks ?? {}).sort().join(',');
  return {
    [GO_TYPE]: '*formatter.ContainerContext',
    Command: commandCell(c.Command, trunc),
    CreatedAt: goTimeString(c.Created),
    ID: trunc ? truncateID(c.Id) : c.Id,
    Image: imageCell(c, trunc),
    Labels: labels,
    LocalVolumes: String((c.Mounts ?? []).filter((m) => m.Type === 'volume').length),
    Mounts: mounts,
    Names: namesCell(c.Names, trunc),
    Networks: networks,
    // ContainerContext.Platform: the summary's ImageManifestDescriptor platform, which API 1.50 list
    // entries do not carry here, so a nil pointer.
    Platform: null,
    Ports: displayablePorts(c.Ports ?? []),
    RunningFor: runningFor(c.Created, nowMs),
    Size: sizeCell(c),
    State: c.State,
    Status: c.Status,
  };
}
