/** The event timeline: what `docker events` printed, newest first, with each container's state changes. */
import { describe, expect, it } from 'vitest';
import { connectPanel, type FeedTimers } from '../../../src/ui/store/feed.js';
import { createPanelStore } from '../../../src/ui/store/panelStore.js';
import { eventLine } from '../../../src/ui/store/snapshot/events.js';
import { bootTyped } from './machine.js';

const manual: FeedTimers = { every: () => ({ dispose: () => {} }), after: () => ({ dispose: () => {} }) };

describe('the event timeline', () => {
  it('lists the daemon’s events newest first, with created → running → exited', async () => {
    const m = bootTyped();
    const store = createPanelStore();
    const feed = connectPanel(store, m.machine.query, { timers: manual });
    await m.type("sudo docker run --name once busybox sh -c 'exit 3'");
    feed.flush();
    const ev = store.getState().events;
    expect(ev.map((e) => `${e.type} ${e.action}`)).toEqual(['container die', 'container start', 'container attach', 'container create', 'image pull']);
    const transitions = ev.filter((e) => e.to !== null).map((e) => `${e.from ?? ''}→${e.to}`);
    expect(transitions).toEqual(['running→exited', 'created→running', '→created']);
    const die = ev[0];
    const id = m.machine.daemonStore.getContainer('once').ID;
    expect(die.id).toBe(id);
    // The line docker events prints, the ID shortened to fit.
    expect(eventLine(die)).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z container die ${id.slice(0, 12)} \\(execDuration=0, exitCode=3, image=busybox, name=once\\)$`),
    );
    expect(ev.map((e) => e.time)).toEqual([...ev.map((e) => e.time)].sort().reverse());

    await m.type('sudo docker rm once');
    feed.flush();
    expect(store.getState().events[0]).toMatchObject({ action: 'destroy', from: 'exited', to: 'removed', name: 'once' });
    feed.dispose();
  });

  it('starts from the events the daemon kept, so a reconnected view has the recent past', async () => {
    const m = bootTyped();
    await m.type('sudo docker run -d --name web busybox sleep 100');
    const store = createPanelStore();
    const feed = connectPanel(store, m.machine.query, { timers: manual });
    const ev = store.getState().events;
    expect(ev.filter((e) => e.to !== null).map((e) => `${e.name} ${e.from ?? ''}→${e.to}`)).toEqual(['web created→running', 'web →created']);
    feed.dispose();
  });
});
