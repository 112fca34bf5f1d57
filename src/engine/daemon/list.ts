/**
 * GET /containers/json (moby daemon/list.go): newest first; without `all` only running containers (paused
 * ones are running); `limit` > 0 takes the newest N of all; filters `status` (implies all), `name`, `id`.
 */
import type { Container } from './container.js';
import type { DaemonContext } from './context.js';
import { invalidParameter } from './errdefs.js';
import { toListJSON } from './inspect.js';
import { CONTAINER_STATUSES, type ContainerStatus } from './state.js';

export interface ListOptions {
  readonly all?: boolean;
  readonly limit?: number;
  readonly filters?: Readonly<Record<string, readonly string[]>>;
}

const ACCEPTED = new Set(['status', 'name', 'id']);

function matches(values: readonly string[] | undefined, ...sources: string[]): boolean {
  if (!values || values.length === 0) return true;
  return values.some((v) => {
    let re: RegExp;
    try {
      re = new RegExp(v);
    } catch {
      return sources.includes(v);
    }
    return sources.some((s) => re.test(s));
  });
}

export function containerList(d: DaemonContext, opts: ListOptions = {}): Record<string, unknown>[] {
  const filters = opts.filters ?? {};
  for (const key of Object.keys(filters)) if (!ACCEPTED.has(key)) throw invalidParameter(`invalid filter '${key}'`);
  let all = opts.all ?? false;
  for (const s of filters.status ?? []) {
    if (!CONTAINER_STATUSES.includes(s as ContainerStatus)) throw invalidParameter(`invalid filter 'status=${s}'`);
    all = true;
  }
  const limit = opts.limit ?? 0;
  const list: Container[] = [...d.engine.containers.values()].sort((a, b) => (a.Created === b.Created ? 0 : a.Created > b.Created ? -1 : 1));
  const out: Record<string, unknown>[] = [];
  const now = d.engine.nowNs();
  for (const c of list) {
    if (!c.State.Running && !all && limit <= 0) continue;
    if (filters.status && !filters.status.includes(c.State.stateString())) continue;
    if (!matches(filters.name, c.Name, c.Name.slice(1))) continue;
    if (!matches(filters.id, c.ID)) continue;
    out.push(toListJSON(c, [c.Name], now));
    if (limit > 0 && out.length >= limit) break;
  }
  return out;
}
