/**
 * Feeds the panel store from the daemon's read model. Daemon events mark containers (or the images) dirty; a flush shortly
 * after rebuilds only those, so a burst of 1,000 `docker run`s costs 1,000 O(1) rebuilds and a few store
 * updates, not a full snapshot per event. A slow tick picks up what changes without an event: uptimes
 * (`Up 3 minutes`), the selected container's processes, log tail and diff. Views whose fields did not change
 * keep their identity, so React re-renders only the rows that did.
 */
import type { EventMessage } from '../../engine/daemon/events.js';
import type { ContainerRecord, DaemonQuery } from '../../engine/daemon/query.js';
import { containerOrder, containerView, sameContainerView } from './snapshot/containers.js';
import { runningPortLinks } from './snapshot/ports.js';
import { containerDiff, containerInspect, imageInspect, logTail, processTree, ttyLogLines, ttyTail } from './snapshot/detail.js';
import { imagesView, sameImagesView } from './snapshot/images.js';
import { BuildViews } from './snapshot/build.js';
import { sameStorageView, storageView } from './snapshot/networks.js';
import { eventViews, withEvents } from './snapshot/events.js';
import { renderTerminalText } from './snapshot/terminalText.js';
import type { ContainerDetail, ContainerView, Detail, JsonValue, ListView, LogLineView } from './snapshot/types.js';
import { EMPTY_DATA, type PanelState, type PanelStore } from './panelStore.js';
import type { Disposable } from '../../pkg/disposable.js';

/** Real-time scheduling, injectable: Node tests call flush() and tick() themselves. */
export interface FeedTimers {
  every(ms: number, fn: () => void): Disposable;
  after(ms: number, fn: () => void): Disposable;
}

export interface FeedOptions {
  readonly timers?: FeedTimers;
  /** Real ms between ticks (the detail's processes and log tail). */
  readonly tickMs?: number;
  /** Real ms from the first event of a burst to its flush: the panel updates at most this often for events. */
  readonly flushMs?: number;
  /** Every this many ticks, all rows are rebuilt (uptimes) and the diff and inspect JSON re-read. */
  readonly slowEvery?: number;
}

export interface PanelFeed extends Disposable {
  /** Applies pending events now. */
  flush(): void;
  /** One periodic refresh; `slow` forces the once-a-second part. */
  tick(slow?: boolean): void;
  /** Resolves once no TTY log is being rendered (they render asynchronously; tests wait for this). */
  rendered(): Promise<void>;
}

export const browserTimers: FeedTimers = {
  every(ms, fn) {
    const h = setInterval(fn, ms);
    return { dispose: () => clearInterval(h) };
  },
  after(ms, fn) {
    const h = setTimeout(fn, ms);
    return { dispose: () => clearTimeout(h) };
  },
};

/** A store update being assembled. */
type Patch = { -readonly [K in keyof PanelState]?: PanelState[K] };

function sameList<T extends object>(a: ListView<T>, b: ListView<T>): boolean {
  if (a.omitted !== b.omitted || a.items.length !== b.items.length) return false;
  return a.items.every((x, i) => {
    const y = b.items[i] as Record<string, unknown>;
    return Object.entries(x).every(([k, v]) => y[k] === v);
  });
}

export function connectPanel(store: PanelStore, query: DaemonQuery, opts: FeedOptions = {}): PanelFeed {
  const timers = opts.timers ?? browserTimers;
  const flushMs = opts.flushMs ?? 150;
  const slowEvery = opts.slowEvery ?? 4;
  const dirty = new Set<string>();
  let imagesDirty = false;
  /** The build record changed (a step started or ended): at most one store update per flush, not per line. */
  let buildDirty = false;
  const builds = new BuildViews();
  /** A network, volume or container event: members, addresses or mounts may have moved. */
  let storageDirty = false;
  /** Events since the last flush, oldest first, and each container's state as the events left it. */
  let newEvents: EventMessage[] = [];
  const states = new Map<string, string>();
  let pending: Disposable | null = null;
  let ticks = 0;
  let lastTickMs = -1;
  let inspectText = '';

  const nowMs = (): number => Number(query.nowNs() / 1_000_000n);

  /** A TTY container's log as its terminal showed it: the last rendering, and the one under way. */
  let screen: { id: string; key: string; logs: ListView<LogLineView> } | null = null;
  let rendering: { id: string; key: string; done: Promise<void> } | null = null;
  let disposed = false;
  const EMPTY_LOGS: ListView<LogLineView> = { items: [], omitted: 0 };

  /** The log tail of a TTY container: what the last rendering showed, while a newer tail renders. */
  const ttyLogs = (c: ContainerRecord): ListView<LogLineView> => {
    const tail = ttyTail(query, c);
    const last = screen?.id === c.ID ? screen : null;
    if (last?.key === tail.key) return last.logs;
    if (rendering?.id !== c.ID || rendering.key !== tail.key) {
      const job = { id: c.ID, key: tail.key, done: Promise.resolve() };
      job.done = renderTerminalText(tail.raw, tail.cols, tail.rows).then(
        (lines) => {
          if (disposed || rendering !== job) return;
          rendering = null;
          screen = { id: job.id, key: job.key, logs: ttyLogLines(tail, lines) };
          apply(detail(store.getState(), false));
        },
        () => {
          if (rendering === job) rendering = null;
        },
      );
      rendering = job;
    }
    return last?.logs ?? EMPTY_LOGS;
  };

  /**
   * Rebuilds the rows of `ids`, or with `null` sweeps them all: then a row whose state and STATUS text read
   * the same is skipped without a rebuild (its other fields only change with an event). Returns the patch,
   * empty when nothing changed.
   */
  const rows = (s: PanelState, ids: Iterable<string> | null): Patch => {
    const now = query.nowNs();
    let next: Record<string, ContainerView> | null = null;
    let membership = false;
    const sweep = ids === null;
    const list = ids ?? [...query.containers()].map((c) => c.ID);
    for (const id of list) {
      const c = query.container(id);
      const prev = s.containers[id];
      if (!c) {
        if (!prev) continue;
        next ??= { ...s.containers };
        delete next[id];
        membership = true;
        continue;
      }
      if (sweep && prev && prev.status === c.State.statusString(now) && prev.state === c.State.stateString()) continue;
      // A sweep only moves STATUS on; the ports change with events (start, stop), which rebuild the row.
      const ports = sweep && prev ? prev.ports : runningPortLinks(query, id);
      const v = containerView(c, now, ports);
      if (prev && sameContainerView(prev, v)) continue;
      next ??= { ...s.containers };
      next[id] = v;
      if (!prev) membership = true;
    }
    if (sweep) {
      // Rows of containers the daemon no longer has (an event missed while disconnected).
      for (const id of s.order) {
        if (query.container(id)) continue;
        next ??= { ...s.containers };
        delete next[id];
        membership = true;
      }
    }
    if (!next) return {};
    return membership ? { containers: next, order: containerOrder(next) } : { containers: next };
  };

  const storage = (s: PanelState): Patch => {
    const v = storageView(query);
    return sameStorageView(v, s.storage) ? {} : { storage: v };
  };

  const images = (s: PanelState): Patch => {
    const v = imagesView(query);
    return sameImagesView(v, s.images) ? {} : { images: v };
  };

  const build = (s: PanelState): Patch => {
    const v = builds.latest(query);
    const earlier = builds.earlier(query);
    const patch: Patch = {};
    if (v !== s.build) patch.build = v;
    if (earlier !== s.earlierBuilds) patch.earlierBuilds = earlier;
    return patch;
  };

  /** The selection's details, reusing unchanged parts; `full` also re-reads the diff and inspect JSON. */
  const detail = (s: PanelState, full: boolean): Patch => {
    const sel = s.selection;
    if (!sel) return s.detail ? { detail: null } : {};
    const prev = s.detail && s.detail.kind === sel.kind && s.detail.id === sel.id ? s.detail : null;
    const freshInspect = (json: JsonValue | undefined): JsonValue | undefined => {
      if (json === undefined) return undefined;
      const text = JSON.stringify(json);
      if (prev && text === inspectText) return prev.inspect;
      inspectText = text;
      return json;
    };
    let d: Detail | null;
    if (sel.kind === 'image') {
      const inspect = prev && !full ? prev.inspect : freshInspect(imageInspect(query, sel.id));
      d = inspect === undefined ? null : prev && prev.inspect === inspect ? prev : { kind: 'image', id: sel.id, inspect };
    } else {
      const c = query.container(sel.id);
      const p = prev as ContainerDetail | null;
      if (!c) d = null;
      else {
        const processes = processTree(query, c);
        const logs = c.Config.Tty ? ttyLogs(c) : logTail(query, c);
        const changes = p && !full ? p.changes : containerDiff(query, c);
        const inspect = p && !full ? p.inspect : freshInspect(containerInspect(query, c))!;
        const next: ContainerDetail = {
          kind: 'container',
          id: c.ID,
          processes: p && sameList(p.processes, processes) ? p.processes : processes,
          logs: p && sameList(p.logs, logs) ? p.logs : logs,
          changes: p && sameList(p.changes, changes) ? p.changes : changes,
          inspect,
        };
        const unchanged = p && (Object.keys(next) as (keyof ContainerDetail)[]).every((k) => next[k] === p[k]);
        d = unchanged ? p : next;
      }
    }
    if (d === null) return { detail: null, selection: null };
    return d === s.detail ? {} : { detail: d };
  };

  const apply = (patch: Patch): void => {
    if (Object.keys(patch).length > 0) store.setState(patch);
  };

  const flush = (): void => {
    pending?.dispose();
    pending = null;
    const s = store.getState();
    const patch: Patch = rows(s, [...dirty]);
    const selDirty = s.selection !== null && (dirty.has(s.selection.id) || (imagesDirty && s.selection.kind === 'image'));
    dirty.clear();
    if (imagesDirty) Object.assign(patch, images(s));
    imagesDirty = false;
    if (buildDirty) Object.assign(patch, build(s));
    buildDirty = false;
    if (storageDirty) Object.assign(patch, storage(s));
    storageDirty = false;
    if (newEvents.length > 0) patch.events = withEvents(s.events, eventViews(newEvents, states));
    newEvents = [];
    if (selDirty) Object.assign(patch, detail({ ...s, ...patch }, true));
    if (Object.keys(patch).length > 0) patch.nowMs = nowMs();
    apply(patch);
  };

  const tick = (slow = false): void => {
    const now = nowMs();
    // The clock stood still (paused): nothing can have changed without an event.
    if (now === lastTickMs && !slow) return;
    lastTickMs = now;
    ticks++;
    const full = slow || ticks % slowEvery === 0;
    const s = store.getState();
    const patch: Patch = full ? { ...rows(s, null), ...images(s), ...storage(s), ...build(s) } : {};
    Object.assign(patch, detail({ ...s, ...patch }, full));
    if (Object.keys(patch).length > 0) patch.nowMs = now;
    apply(patch);
  };

  const onEvent = (e: EventMessage): void => {
    newEvents.push(e);
    if (e.Type === 'container') dirty.add(e.Actor.ID);
    else if (e.Type === 'image') imagesDirty = true;
    if (e.Type === 'container' || e.Type === 'network' || e.Type === 'volume') storageDirty = true;
    pending ??= timers.after(flushMs, flush);
  };

  const onBuild = (): void => {
    buildDirty = true;
    // A step's image (legacy) or the final one may be new; the build tags it without a step of its own.
    imagesDirty = true;
    pending ??= timers.after(flushMs, flush);
  };

  // Start from a full snapshot of this daemon (the store may hold a previous machine's).
  // The timeline starts with what the daemon kept of the recent past (a reloaded session's replay included).
  store.setState({ ...EMPTY_DATA, selection: null, events: withEvents([], eventViews(query.recentEvents(0n), states)) });
  inspectText = '';
  tick(true);
  const subs: Disposable[] = [
    query.onEvent(onEvent),
    query.onBuild(onBuild),
    timers.every(opts.tickMs ?? 250, () => tick()),
    {
      dispose: store.subscribe((s, prev) => {
        if (s.selection !== prev.selection) apply(detail(s, true));
      }),
    },
  ];
  return {
    flush,
    tick,
    async rendered() {
      while (rendering) await rendering.done;
    },
    dispose() {
      disposed = true;
      pending?.dispose();
      for (const d of subs) d.dispose();
    },
  };
}
