/**
 * moby's exec store and its GC (daemon/exec.go execCommandGC): an exec leaves its container's list when it ends
 * (or fails to start), but the daemon keeps it, so `docker exec` inspect of an ended exec still answers. A ticker
 * every 5 minutes from the daemon's start marks a record no container lists as CanRemove and deletes it at the
 * next tick. The ticks are computed, not scheduled: a sweep at any call applies every tick that has passed,
 * which is what the ticker would have done, and no timer keeps the simulated machine busy. Memory stays bounded
 * by what ended in the last 10 minutes.
 */
import type { Container } from './container.js';
import type { ExecRecord } from './execRecord.js';
import type { DaemonStore } from './store.js';

export const EXEC_GC_INTERVAL_NS = 5n * 60n * 1_000_000_000n;

/** The exec left its container's list (moby's container.ExecCommands.Delete): from now on only the GC holds it. */
export function execEnded(engine: DaemonStore, c: Container, rec: ExecRecord): void {
  const i = c.ExecIDs.indexOf(rec.ID);
  if (i >= 0) c.ExecIDs.splice(i, 1);
  rec.endedNs ??= engine.nowNs();
}

/** The first GC tick after `t`. */
function tickAfter(engine: DaemonStore, t: bigint): bigint {
  const since = t - engine.startedNs;
  return engine.startedNs + (since / EXEC_GC_INTERVAL_NS + 1n) * EXEC_GC_INTERVAL_NS;
}

/** Applies the ticks that have passed: ended records are marked at the first, deleted at the second. */
export function sweepExecs(engine: DaemonStore): void {
  const now = engine.nowNs();
  for (const [id, rec] of engine.execs) {
    if (rec.endedNs === null) continue;
    const mark = tickAfter(engine, rec.endedNs);
    if (now >= mark + EXEC_GC_INTERVAL_NS) engine.execs.delete(id);
    else if (now >= mark) rec.canRemove = true;
  }
}

/** A removed container's execs go at once: none can be inspected or started again (moby answers not found). */
export function dropContainerExecs(engine: DaemonStore, c: Container): void {
  for (const [id, rec] of engine.execs) if (rec.containerId === c.ID) engine.execs.delete(id);
}
