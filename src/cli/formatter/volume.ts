/** Rows of `docker volume ls` (docker/cli formatter/volume.go). */
import { GO_TYPE } from './gofmt.js';
import { humanSize } from '../../pkg/units.js';
import type { VolumeSummary } from '../client.js';

export const VOLUME_TABLE = 'table {{.Driver}}\t{{.Name}}';
export const VOLUME_QUIET = '{{.Name}}';
export const VOLUME_HEADERS = {
  ID: 'ID', Name: 'VOLUME NAME', Group: 'GROUP', Driver: 'DRIVER', Scope: 'SCOPE', Availability: 'AVAILABILITY',
  Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE', Status: 'STATUS',
} as const;


export function volumeRow(v: VolumeSummary): Record<string | symbol, unknown> {
  return {
    [GO_TYPE]: '*formatter.volumeContext',
    Availability: 'N/A',
    Driver: v.Driver,
    Group: 'N/A',
    Labels: Object.entries(v.Labels ?? {}).map(([k, x]) => `${k}=${x}`).join(','),
    Links: v.UsageData ? String(v.UsageData.RefCount) : 'N/A',
    Mountpoint: v.Mountpoint,
    Name: v.Name,
    Scope: v.Scope,
    Size: v.UsageData ? humanSize(v.UsageData.Size) : 'N/A',
    Status: 'N/A',
  };
}
