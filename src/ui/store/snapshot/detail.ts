/**
 * A selected container's details: its process tree (host PID beside namespace PID, as `docker top` and `ps`
 * inside it would show them), `docker diff`, the tail of its log, and `docker inspect`. Each part is bounded,
 * so a container with 10,000 processes or a huge upper layer still costs a fixed amount per snapshot.
 */
import type { Container } from '../../../engine/daemon/container.js';
import type { DockerEngine } from '../../../engine/daemon/engine.js';
import { imageInspectJSON } from '../../../engine/daemon/images/json.js';
import { toInspectJSON } from '../../../engine/daemon/inspect.js';
import type { Process } from '../../../engine/kernel/process.js';
import type { ChangeView, JsonValue, ListView, LogLineView, ProcessView } from './types.js';

export const MAX_PROCESSES = 200;
export const MAX_CHANGES = 300;
export const LOG_TAIL = 50;
/** Longer log lines are cut: the panel is a glance, `docker logs` has the rest. */
export const MAX_LOG_LINE = 500;

export function processTree(engine: DockerEngine, c: Container, max = MAX_PROCESSES): ListView<ProcessView> {
  const pid1 = engine.runtimes.get(c.ID)?.pid1;
  if (!pid1 || !c.State.Running) return { items: [], omitted: 0 };
  const ns = pid1.pidns;
  const live = engine.kernel.processesIn(ns).filter((p) => p.state === 'running');
  const inNs = new Set(live);
  const children = new Map<Process | null, Process[]>();
  for (const p of live) {
    const parent = p.parent && inNs.has(p.parent) ? p.parent : null;
    const list = children.get(parent) ?? [];
    list.push(p);
    children.set(parent, list);
  }
  const items: ProcessView[] = [];
  const visit = (p: Process, depth: number): void => {
    if (items.length >= max) return;
    items.push({
      hostPid: p.hostPid,
      nsPid: p.pidIn(ns),
      nsPpid: p.parent ? p.parent.pidIn(ns) : 0,
      depth,
      command: p.argv.length > 0 ? p.argv.join(' ') : `[${p.comm}]`,
      user: p.fsctx.cred.uid,
    });
    for (const child of children.get(p) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return { items, omitted: live.length - items.length };
}

/** `docker diff`, in the daemon's order (overlay changes of the writable layer). */
export function containerDiff(engine: DockerEngine, c: Container, max = MAX_CHANGES): ListView<ChangeView> {
  const rt = engine.runtimes.get(c.ID);
  if (!rt) return { items: [], omitted: 0 };
  const all = rt.rootfs.changes();
  return { items: all.slice(0, max).map((ch) => ({ kind: ch.kind, path: ch.path })), omitted: Math.max(0, all.length - max) };
}

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;

/** A log line as plain text: no newline, no escape sequences, no control characters (shown as text only). */
export function plainLogText(line: string, max = MAX_LOG_LINE): string {
  const text = line.replace(/\r?\n$/, '').replace(ANSI, '').replace(CONTROL, '');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * The last `n` log lines. Keys come from each line's log time (plus its rank among lines logged at the same
 * virtual nanosecond), so they stay put as the tail moves and React only adds the new rows.
 */
export function logTail(c: Container, n = LOG_TAIL): ListView<LogLineView> {
  const entries = c.logs.read({ tail: n });
  let lastNs = -1n;
  let rank = 0;
  const items = entries.map((e): LogLineView => {
    rank = e.timeNs === lastNs ? rank + 1 : 0;
    lastNs = e.timeNs;
    return { key: `${e.timeNs}.${rank}`, stream: e.stream, text: plainLogText(e.line) };
  });
  return { items, omitted: c.logs.length - entries.length };
}

/** Plain JSON, detached from the engine's live arrays and objects. */
function plain(v: unknown): JsonValue {
  return JSON.parse(JSON.stringify(v)) as JsonValue;
}

export function containerInspect(c: Container): JsonValue {
  return plain(toInspectJSON(c));
}

export function imageInspect(engine: DockerEngine, imageId: string): JsonValue | undefined {
  const img = engine.images.get(imageId);
  return img ? plain(imageInspectJSON(engine.images, img)) : undefined;
}
