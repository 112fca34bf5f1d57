/** 1,000 containers: a flush after one event and a full tick stay cheap (measured and printed, loosely bounded). */
import { expect, it } from 'vitest';
import { connectPanel } from '../../../src/ui/store/feed.js';
import { createPanelStore } from '../../../src/ui/store/panelStore.js';
import { bootTyped } from './machine.js';

const timers = { every: () => ({ dispose() {} }), after: () => ({ dispose() {} }) };

it('keeps flushes and ticks cheap with 1,000 containers', async () => {
  const m = bootTyped();
  await m.type('sudo docker pull busybox', "sudo sh -c 'for i in $(seq 1000); do docker create busybox true >/dev/null; done'");
  const store = createPanelStore();
  const feed = connectPanel(store, m.machine.query, { timers });
  expect(store.getState().order).toHaveLength(1000);

  const flushes: number[] = [];
  for (const name of ['web', 'db']) {
    await m.type(`sudo docker run -d --name ${name} busybox sleep 1000`);
    const t0 = performance.now();
    feed.flush();
    flushes.push(performance.now() - t0);
  }
  expect(store.getState().order).toHaveLength(1002);
  const rows = store.getState().containers;

  await m.advance(1000);
  feed.tick(true); // warm up
  const t1 = performance.now();
  for (let i = 0; i < 10; i++) feed.tick(true);
  const tickMs = (performance.now() - t1) / 10;
  const changed = Object.keys(rows).filter((id) => store.getState().containers[id] !== rows[id]);
  console.log(
    `1,002 containers: flush after one docker run ${flushes.map((f) => f.toFixed(1)).join(' / ')} ms (cold / warm), ` +
      `full tick ${tickMs.toFixed(1)} ms, rows replaced by the tick ${changed.length}`,
  );
  // Only the two running rows' uptimes moved; the 1,000 created ones keep their identity.
  expect(changed).toHaveLength(2);
  // Regression bounds only (a quadratic feed costs seconds here); a loaded machine doubles the real figure.
  expect(flushes[1]).toBeLessThan(500);
  expect(tickMs).toBeLessThan(500);
  feed.dispose();
}, 120_000);
