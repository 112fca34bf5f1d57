/**
 * POST /containers/prune (moby daemon/prune.go ContainersPrune): removes every container that is not running
 * (a paused one is running) and passes the `label`, `label!` and `until` filters, newest first; reports the IDs
 * and the RW-layer bytes reclaimed, and emits one `prune` event carrying them. One prune at a time.
 */
import type { DaemonContext } from './context.js';
import { removeContainer } from './delete.js';
import type { DaemonStore } from './store.js';
import { conflict, invalidParameter, isDaemonError } from '../../pkg/errdefs.js';
import { FilterArgs, type FilterMap } from './filters.js';
import { containerSize } from './size.js';
import { filterTimestamp } from '../../pkg/timetypes.js';

export interface ContainersPruneReport {
  /** null when nothing was removed, as Go marshals a nil slice. */
  readonly ContainersDeleted: string[] | null;
  readonly SpaceReclaimed: number;
}

const ACCEPTED: ReadonlySet<string> = new Set(['label', 'label!', 'until']);
const running = new WeakSet<DaemonStore>();

export function containersPrune(d: DaemonContext, raw: FilterMap = {}): ContainersPruneReport {
  const engine = d.store;
  if (running.has(engine)) throw conflict('a prune operation is already running');
  running.add(engine);
  try {
    const f = new FilterArgs(raw);
    f.validate(ACCEPTED);
    const until = pruneUntil(f, engine.nowNs());
    const deleted: string[] = [];
    let reclaimed = 0;
    const list = [...engine.containers.values()].sort((a, b) => (a.Created === b.Created ? 0 : a.Created > b.Created ? -1 : 1));
    for (const c of list) {
      if (c.State.Running || c.State.RemovalInProgress) continue;
      if (until !== null && c.Created > until) continue;
      if (!matchLabels(f, c.Config.Labels)) continue;
      const size = containerSize(engine, c).SizeRw;
      removeContainer(engine, c);
      reclaimed += size;
      deleted.push(c.ID);
    }
    engine.events.log('container', 'prune', { ID: '', Attributes: { reclaimed: String(reclaimed) } });
    return { ContainersDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: reclaimed };
  } finally {
    running.delete(engine);
  }
}

/** getUntilFromPruneFilters: one `until` at most; its parse errors are a 400 here. */
export function pruneUntil(f: FilterArgs, nowNs: bigint): bigint | null {
  if (!f.contains('until')) return null;
  const vs = f.get('until');
  if (vs.length > 1) throw invalidParameter('more than one until filter specified');
  try {
    return filterTimestamp(vs[0], nowNs);
  } catch (e) {
    if (isDaemonError(e)) throw invalidParameter(e.message);
    throw e;
  }
}

/** matchLabels: every `label` holds and no `label!` does. */
export function matchLabels(f: FilterArgs, labels: Readonly<Record<string, string>>): boolean {
  if (!f.matchKVList('label', labels)) return false;
  return !(f.contains('label!') && f.matchKVList('label!', labels));
}
