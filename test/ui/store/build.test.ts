/** The images panel's build and ancestry views, fed by a real machine where the learner types docker build. */
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildRecord, BuildStep, DaemonQuery } from '../../../src/engine/daemon/query.js';
import { connectPanel, type FeedTimers, type PanelFeed } from '../../../src/ui/store/feed.js';
import { createPanelStore } from '../../../src/ui/store/panelStore.js';
import { BuildViews, MAX_EARLIER_BUILDS } from '../../../src/ui/store/snapshot/build.js';
import type { BuildView, ImagesView } from '../../../src/ui/store/snapshot/types.js';
import { bootTyped } from './machine.js';

const manual: FeedTimers = { every: () => ({ dispose: () => {} }), after: () => ({ dispose: () => {} }) };

let feed: PanelFeed | undefined;
afterEach(() => feed?.dispose());

const steps = (b: BuildView | null) => b?.steps.map((s) => `${s.label} ${s.instruction}${s.cached ? ' CACHED' : ''} ${s.status}`);
const named = (v: ImagesView, tag: string) => v.images.find((i) => i.tags.includes(tag))!;

describe('the build in the panel store', () => {
  it('shows the latest build step by step, CACHED on a rebuild, and the image it made with what it came from', async () => {
    const m = bootTyped();
    const store = createPanelStore();
    feed = connectPanel(store, m.machine.query, { timers: manual });
    expect(store.getState().build).toBeNull();
    await m.type("mkdir web && cd web && printf 'FROM busybox\\nRUN echo hi > /hi\\nEXPOSE 80\\n' > Dockerfile", 'sudo docker build -t web .');
    feed.flush();
    const b = store.getState().build!;
    expect(b).toMatchObject({ seq: 1, builder: 'buildkit', tags: ['web:latest'], outcome: 'succeeded', error: '' });
    expect(steps(b)).toEqual(['[1/2] FROM busybox done', '[2/2] RUN echo hi > /hi done']);
    const v = store.getState().images;
    const web = named(v, 'web:latest');
    const busybox = named(v, 'busybox:latest');
    expect(b.imageId).toBe(web.id);
    // The step's layer is the top of the image's stack, the same size `docker history` gives it.
    expect(b.steps[1].layerId).toBe(web.layers[web.layers.length - 1]);
    expect(b.steps[1].size).toBe(v.layers[b.steps[1].layerId].size);
    const history = await m.type('sudo docker history web');
    expect(history).toMatch(new RegExp(`RUN /bin/sh -c echo hi > /hi # buildkit\\s+${b.steps[1].size}B`));
    // BuildKit keeps no Parent: the base is found by its layers.
    expect(web).toMatchObject({ ancestors: [busybox.id], children: [], dangling: false, intermediate: false });
    expect(busybox.children).toEqual([web.id]);

    await m.type('sudo docker build -t web .');
    feed.flush();
    expect(steps(store.getState().build)).toEqual(['[1/2] FROM busybox CACHED done', '[2/2] RUN echo hi > /hi CACHED done']);
    expect(store.getState().build!.seq).toBe(2);

    // A changed step and the same tag: the old image loses it and is dangling.
    await m.type("printf 'FROM busybox\\nRUN echo bye > /hi\\n' > Dockerfile", 'sudo docker build -t web .');
    feed.flush();
    const after = store.getState().images;
    const old = after.images.find((i) => i.id === web.id)!;
    expect(old).toMatchObject({ tags: [], dangling: true, intermediate: false, ancestors: [busybox.id] });
    expect(named(after, 'web:latest').id).not.toBe(web.id);
    expect(named(after, 'busybox:latest').children).toHaveLength(2);
    // The builds before the latest, newest first, each with its steps and outcome.
    const earlier = store.getState().earlierBuilds;
    expect(earlier.map((e) => [e.seq, e.outcome, e.tags, steps(e)])).toEqual([
      [2, 'succeeded', ['web:latest'], ['[1/2] FROM busybox CACHED done', '[2/2] RUN echo hi > /hi CACHED done']],
      [1, 'succeeded', ['web:latest'], ['[1/2] FROM busybox done', '[2/2] RUN echo hi > /hi done']],
    ]);
    expect(earlier[1].imageId).toBe(web.id);
  });

  it('follows the legacy builder\'s Parent chain through intermediate images, and marks a failed step', async () => {
    const m = bootTyped();
    const store = createPanelStore();
    feed = connectPanel(store, m.machine.query, { timers: manual });
    await m.type(
      "mkdir old && cd old && printf 'FROM busybox\\nRUN echo a > /a\\nRUN echo b > /b\\n' > Dockerfile",
      'sudo DOCKER_BUILDKIT=0 docker build -t old .',
    );
    feed.flush();
    const b = store.getState().build!;
    expect(b.builder).toBe('legacy');
    expect(steps(b)).toEqual(['Step 1/3 FROM busybox done', 'Step 2/3 RUN echo a > /a done', 'Step 3/3 RUN echo b > /b done']);
    const v = store.getState().images;
    const img = named(v, 'old:latest');
    const busybox = named(v, 'busybox:latest');
    expect(img.ancestors).toHaveLength(2);
    expect(img.ancestors[1]).toBe(busybox.id);
    const mid = v.images.find((i) => i.id === img.ancestors[0])!;
    expect(mid).toMatchObject({ tags: [], intermediate: true, dangling: false });
    expect(busybox.children).toEqual([img.id]);

    await m.type("printf 'FROM busybox\\nRUN ls /nosuch\\n' > Dockerfile", 'sudo DOCKER_BUILDKIT=0 docker build -t bad .');
    feed.flush();
    const failed = store.getState().build!;
    expect(failed.outcome).toBe('failed');
    expect(failed.steps[1]).toMatchObject({ status: 'failed', error: "The command '/bin/sh -c ls /nosuch' returned a non-zero code: 1", imageId: '' });
    // The last good step's image, to debug the failure from as the book does.
    expect(failed.steps[0].imageId).toBe(busybox.id);
    expect(b.steps.map((s) => s.imageId)).toEqual([busybox.id, mid.id, img.id]);
  });

  it('changes the record once per step start and end, not per line of output', async () => {
    const m = bootTyped();
    let changes = 0;
    const sub = m.machine.query.onBuild(() => changes++);
    await m.type("mkdir n && cd n && printf 'FROM busybox\\nRUN seq 1 2000\\n' > Dockerfile", 'sudo docker build --progress=plain -t n .');
    sub.dispose();
    expect(m.machine.query.builds()[0].outcome).toBe('succeeded');
    // begin, FROM start and end, RUN start and end, the end.
    expect(changes).toBe(6);
  });
});

describe('BuildViews', () => {
  const step = (over: Partial<BuildStep>): BuildStep => ({
    label: '[1/2]', instruction: 'FROM busybox', cached: false, imageId: '', layerId: '', size: 0, status: 'done', error: '', startNs: 0n, endNs: 5_000_000n, ...over,
  });
  const record = (s: readonly BuildStep[], over: Partial<BuildRecord> = {}): BuildRecord => ({
    seq: 1, builder: 'buildkit', tags: ['web:latest'], steps: s, imageId: '', outcome: 'running', error: '', startNs: 0n, endNs: null, ...over,
  });
  const query = (records: () => readonly BuildRecord[]) => ({ builds: records }) as unknown as DaemonQuery;

  it('keeps the view while the record is the same, and a step\'s view while its record is', () => {
    const from = step({});
    let list: BuildRecord[] = [];
    const views = new BuildViews();
    const q = query(() => list);
    expect(views.latest(q)).toBeNull();
    list = [record([from, step({ label: '[2/2]', instruction: 'RUN x', status: 'running', endNs: null })])];
    const one = views.latest(q)!;
    expect(views.latest(q)).toBe(one);
    expect(one.steps.map((s) => [s.status, s.ms])).toEqual([['done', 5], ['running', null]]);
    list = [record([from, step({ label: '[2/2]', instruction: 'RUN x', layerId: 'sha256:ab', size: 12, startNs: 5_000_000n, endNs: 1_205_000_000n })], { outcome: 'succeeded', endNs: 1_300_000_000n })];
    const two = views.latest(q)!;
    expect(two).not.toBe(one);
    expect(two.steps[0]).toBe(one.steps[0]);
    expect(two.steps[1]).toMatchObject({ status: 'done', layerId: 'sha256:ab', size: 12, ms: 1200 });
    expect(two.ms).toBe(1300);
  });

  it("lists the builds before the latest, newest first and bounded, and keeps the list while only the latest changes", () => {
    const done = step({});
    const ended = (seq: number): BuildRecord => record([done], { seq, tags: [`b${seq}:latest`], outcome: 'succeeded', endNs: 9_000_000n });
    const one = ended(1);
    let list: BuildRecord[] = [one];
    const views = new BuildViews();
    const q = query(() => list);
    expect(views.earlier(q)).toEqual([]);
    const first = views.latest(q)!;
    list = [one, ended(2), record([step({ status: 'running', endNs: null })], { seq: 3 })];
    const earlier = views.earlier(q);
    expect(earlier.map((b) => b.seq)).toEqual([2, 1]);
    // build 1's view is the one the panel drew while it was the latest
    expect(earlier[1]).toBe(first);
    // the running build moves on: the earlier list is the same array, so the panel does not redraw it
    list = [list[0], list[1], record([step({})], { seq: 3 })];
    expect(views.latest(q)!.steps[0].status).toBe('done');
    expect(views.earlier(q)).toBe(earlier);
    // the daemon keeps 20; the panel lists at most MAX_EARLIER_BUILDS before the latest
    list = Array.from({ length: 20 }, (_, i) => ended(i + 1));
    const bounded = views.earlier(q);
    expect(bounded).toHaveLength(MAX_EARLIER_BUILDS);
    expect(bounded.map((b) => b.seq)).toEqual([19, 18, 17, 16, 15, 14, 13, 12, 11, 10]);
  });
});
