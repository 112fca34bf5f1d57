/** The store fed by a real machine's daemon: events update only the rows they concern; ticks the rest. */
import { afterEach, describe, expect, it } from 'vitest';
import { connectPanel, type FeedTimers, type PanelFeed } from '../../../src/ui/store/feed.js';
import { createPanelStore, isHighlightedContainer, type PanelStore } from '../../../src/ui/store/panelStore.js';
import type { ContainerDetail } from '../../../src/ui/store/snapshot/types.js';
import { bootTyped } from './machine.js';

/** Timers the test runs by hand: it calls flush() and tick() itself. */
function manualTimers(): FeedTimers & { readonly scheduled: number } {
  let scheduled = 0;
  return {
    get scheduled() {
      return scheduled;
    },
    every: () => ({ dispose: () => {} }),
    after: () => {
      scheduled++;
      return { dispose: () => {} };
    },
  };
}

let feed: PanelFeed | undefined;
afterEach(() => feed?.dispose());

function names(store: PanelStore): string[] {
  const s = store.getState();
  return s.order.map((id) => `${s.containers[id].name} ${s.containers[id].state}`);
}

describe('the panel feed', () => {
  it('follows docker run, stop and rm through events, one flush per burst', async () => {
    const m = bootTyped();
    const store = createPanelStore();
    const timers = manualTimers();
    feed = connectPanel(store, m.machine.query, { timers });
    expect(store.getState().order).toEqual([]);

    await m.type('sudo docker run -d --name web busybox sleep 1000');
    expect(store.getState().order).toEqual([]); // not before the flush
    expect(timers.scheduled).toBe(1); // create, start and the pull: one flush scheduled
    feed.flush();
    expect(names(store)).toEqual(['web running']);
    const web = Object.values(store.getState().containers)[0];
    expect([web.ip, web.status, web.command]).toEqual(['172.17.0.2', 'Up Less than a second', 'sleep 1000']);
    expect(store.getState().images.images.map((i) => i.tags)).toEqual([['busybox:latest']]);

    await m.type('sudo docker run -d --name db busybox sleep 1000');
    feed.flush();
    expect(names(store)).toEqual(['db running', 'web running']);
    const webAfter = store.getState().containers[web.id];
    expect(webAfter).toBe(web); // untouched rows keep their identity

    await m.type('sudo docker stop web');
    feed.flush();
    expect(names(store)).toEqual(['db running', 'web exited']);
    expect(store.getState().containers[web.id]).toMatchObject({ ip: '', exitCode: 137 });

    await m.type('sudo docker rm web');
    feed.flush();
    expect(names(store)).toEqual(['db running']);
  });

  it('refreshes uptimes on the slow tick and skips ticks while the clock stands still', async () => {
    const m = bootTyped();
    const store = createPanelStore();
    feed = connectPanel(store, m.machine.query, { timers: manualTimers(), slowEvery: 4 });
    await m.type('sudo docker run -d --name web busybox sleep 1000');
    feed.flush();
    const id = store.getState().order[0];
    await m.advance(5000);
    feed.tick(true);
    expect(store.getState().containers[id].status).toBe('Up 5 seconds');
    const before = store.getState();
    feed.tick(true);
    expect(store.getState()).toBe(before); // nothing changed: no new state, no re-render
  });

  it('keeps the selected container detail live: processes, log tail, diff, inspect', async () => {
    const m = bootTyped();
    const store = createPanelStore();
    feed = connectPanel(store, m.machine.query, { timers: manualTimers(), slowEvery: 1000 });
    await m.type(`sudo docker run -d --name web busybox sh -c 'while true; do echo tick; sleep 1; done'`);
    feed.flush();
    const id = store.getState().order[0];
    store.getState().select({ kind: 'container', id });
    const d0 = store.getState().detail as ContainerDetail;
    expect(d0.id).toBe(id);
    expect(d0.processes.items.map((p) => [p.nsPid, p.command])).toEqual([
      [1, 'sh -c while true; do echo tick; sleep 1; done'],
      [2, 'sleep 1'],
    ]);
    expect((d0.inspect as { Name: string }).Name).toBe('/web');
    expect(d0.changes.items).toEqual([]);

    await m.advance(3000);
    feed.tick();
    const d1 = store.getState().detail as ContainerDetail;
    expect(d1.logs.items.length).toBeGreaterThan(d0.logs.items.length);
    expect(d1.logs.items.at(-1)?.text).toBe('tick');
    expect(d1.inspect).toBe(d0.inspect); // fast ticks leave inspect and diff alone
    expect(d1.changes).toBe(d0.changes);

    await m.type('sudo docker exec web touch /x');
    feed.flush();
    const d2 = store.getState().detail as ContainerDetail;
    expect(d2.changes.items).toEqual([{ kind: 'A', path: '/x' }]);

    store.getState().select({ kind: 'container', id });
    expect(store.getState().detail).toBeNull(); // a second click closes it

    store.getState().select({ kind: 'image', id: store.getState().images.images[0].id });
    expect(store.getState().detail).toMatchObject({ kind: 'image', inspect: { RepoTags: ['busybox:latest'] } });
  });

  it('drops the selection when the container is removed', async () => {
    const m = bootTyped();
    const store = createPanelStore();
    feed = connectPanel(store, m.machine.query, { timers: manualTimers() });
    await m.type('sudo docker run -d --name web busybox sleep 1000');
    feed.flush();
    store.getState().select({ kind: 'container', id: store.getState().order[0] });
    await m.type('sudo docker rm -f web');
    feed.flush();
    expect([store.getState().selection, store.getState().detail]).toEqual([null, null]);
  });

  it('lets a lesson highlight a container and brings its tab forward', () => {
    const store = createPanelStore();
    store.getState().setTab('network');
    store.getState().setHighlight({ kind: 'container', name: 'web' });
    expect(store.getState().tab).toBe('containers');
    const row = { id: 'abc123def', name: 'web' } as Parameters<typeof isHighlightedContainer>[1];
    expect(isHighlightedContainer(store.getState().highlight, row)).toBe(true);
    expect(isHighlightedContainer({ kind: 'container', name: 'abc123' }, row)).toBe(true);
    expect(isHighlightedContainer({ kind: 'container', name: 'db' }, row)).toBe(false);
    store.getState().setHighlight({ kind: 'image', name: 'busybox' });
    expect(store.getState().tab).toBe('images');
    store.getState().setHighlight(null);
    expect(store.getState().highlight).toBeNull();
  });
});
