/** Cell values of `docker ps` (docker/cli cli/command/formatter/container.go). */
import { ellipsis } from './width.js';
import { goQuote } from '../../pkg/strconv.js';
import { humanDuration } from '../../pkg/units.js';

export const PS_HEADERS = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED', RunningFor: 'CREATED',
  Status: 'STATUS', Ports: 'PORTS', Names: 'NAMES', Size: 'SIZE', Labels: 'LABELS', Mounts: 'MOUNTS',
  Networks: 'NETWORKS', LocalVolumes: 'LOCAL VOLUMES', State: 'STATE',
} as const;

/** The default `docker ps` table format. */
export const PS_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

/** stringid.TruncateID: drop an `algo:` prefix, keep 12 characters. */
export function truncateID(id: string): string {
  const colon = id.indexOf(':');
  const bare = colon >= 0 ? id.slice(colon + 1) : id;
  return bare.length > 12 ? bare.slice(0, 12) : bare;
}

/** The COMMAND cell: cut to 20 display columns (19 + `…`) unless --no-trunc, then Go-quoted. */
export function commandCell(command: string, trunc: boolean): string {
  return goQuote(trunc ? ellipsis(command, 20) : command);
}

/** `About a minute ago`, from Created (unix seconds) and now (ms). */
export function runningFor(createdSeconds: number, nowMs: number): string {
  return humanDuration((nowMs - createdSeconds * 1000) * 1e6) + ' ago';
}

/** Names without their leading `/`; truncated output keeps only names without a further `/` (links). */
export function namesCell(names: readonly string[], trunc: boolean): string {
  const bare = names.map((n) => (n.startsWith('/') ? n.slice(1) : n));
  if (!trunc) return bare.join(',');
  const own = bare.filter((n) => !n.includes('/'));
  return own.length > 0 ? own[0] : '';
}
