/** Rows of `docker history` (docker/cli cli/command/image/formatter_history.go). */
import type { HistoryItem } from '../client.js';
import { GO_TYPE } from './gofmt.js';
import { truncateID } from './container.js';
import { ellipsis } from './width.js';
import { humanDuration, humanSize3 } from '../../pkg/units.js';

export const HISTORY_TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
export const HISTORY_TABLE_NON_HUMAN = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
export const HISTORY_HEADERS = {
  ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT',
} as const;

/** Before 2000-01-01 a date is not shown in human units (`N/A`). */
const EPOCH_S = Date.UTC(2000, 0, 1) / 1000;

/** time.Unix(s, 0).Format(time.RFC3339) in the machine's zone, UTC. */
function rfc3339(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function historyRows(items: readonly HistoryItem[], o: { trunc: boolean; human: boolean }, nowMs: number):
  Array<Record<string | symbol, unknown>> {
  return items.map((h) => {
    const createdBy = h.CreatedBy.replace(/\t/g, ' ');
    const createdAt = rfc3339(h.Created);
    return {
      [GO_TYPE]: '*image.historyContext',
      Comment: h.Comment,
      CreatedAt: createdAt,
      CreatedBy: o.trunc ? ellipsis(createdBy, 45) : createdBy,
      CreatedSince: !o.human ? createdAt : h.Created <= EPOCH_S ? 'N/A' : `${humanDuration((nowMs - h.Created * 1000) * 1e6)} ago`,
      ID: o.trunc ? truncateID(h.Id) : h.Id,
      Size: o.human ? humanSize3(h.Size) : String(h.Size),
    };
  });
}
