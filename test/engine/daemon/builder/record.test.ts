import { describe, expect, it } from 'vitest';
import { MAX_BUILDS, type BuildRecord } from '../../../../src/engine/daemon/builder/record.js';
import { imageHistory } from '../../../../src/engine/daemon/images/history.js';
import { daemonQuery } from '../../../../src/engine/daemon/query.js';
import { boot } from '../harness.js';
import { build } from './buildHarness.js';

const DF = 'FROM busybox\nRUN echo hello > /greeting\nEXPOSE 80\nCOPY index.html /srv/\n';
const FILES = { Dockerfile: DF, 'index.html': '<p>hi</p>\n' };

const brief = (b: BuildRecord) => b.steps.map((s) => `${s.label} ${s.instruction}${s.cached ? ' CACHED' : ''} ${s.status}`);

describe("the daemon's build record", () => {
  it('records a legacy build step by step: the image each step committed, its layer as docker history sizes it, then Using cache', async () => {
    const h = boot();
    const q = daemonQuery(h.engine);
    const cold = await build(h, FILES, { tags: ['web'] });
    const [b] = q.builds();
    expect(b).toMatchObject({ seq: 1, builder: 'legacy', tags: ['web:latest'], imageId: cold.id, outcome: 'succeeded', error: '' });
    expect(brief(b)).toEqual([
      'Step 1/4 FROM busybox done', 'Step 2/4 RUN echo hello > /greeting done', 'Step 3/4 EXPOSE 80 done',
      'Step 4/4 COPY index.html /srv/ done',
    ]);
    const base = h.engine.images.resolve('busybox');
    expect(b.steps[0]).toMatchObject({ imageId: base.id, layerId: '', size: 0 });
    // Each step's image is the next one's parent, down to the final image.
    const img = h.engine.images.get(cold.id)!;
    expect(b.steps[3].imageId).toBe(cold.id);
    expect(img.parent).toBe(b.steps[2].imageId);
    expect(h.engine.images.get(b.steps[2].imageId)!.parent).toBe(b.steps[1].imageId);
    expect(h.engine.images.get(b.steps[1].imageId)!.parent).toBe(base.id);
    // The RUN and the COPY made layers, EXPOSE none; their sizes are docker history's.
    const hist = imageHistory(h.engine.images, img);
    expect(b.steps.slice(1).map((s) => s.size)).toEqual([hist[2].Size, 0, hist[0].Size]);
    expect(b.steps[1].size).toBeGreaterThan(0);
    expect(b.steps[1].layerId).toBe(img.diffIds[img.diffIds.length - 2]);
    expect(b.steps[3].layerId).toBe(img.diffIds[img.diffIds.length - 1]);
    expect(b.steps[2].layerId).toBe('');
    for (const s of b.steps) expect(s.endNs! >= s.startNs).toBe(true);
    expect(b.endNs! > b.startNs).toBe(true);

    await build(h, FILES, { tags: ['web'] });
    const warm = q.builds()[1];
    expect(warm.seq).toBe(2);
    expect(brief(warm)).toEqual([
      'Step 1/4 FROM busybox done', 'Step 2/4 RUN echo hello > /greeting CACHED done', 'Step 3/4 EXPOSE 80 CACHED done',
      'Step 4/4 COPY index.html /srv/ CACHED done',
    ]);
    expect(warm.steps.map((s) => s.imageId)).toEqual(b.steps.map((s) => s.imageId));
  });

  it('records a BuildKit build as its vertices ([1/4]…), CACHED on a rebuild, config-only instructions making no step', async () => {
    const h = boot();
    const q = daemonQuery(h.engine);
    const cold = await build(h, { ...FILES, Dockerfile: `${DF}WORKDIR /srv\n` }, { version: '2', tags: ['jamtur01/static_web'] });
    const b = q.builds()[0];
    expect(b).toMatchObject({ builder: 'buildkit', tags: ['jamtur01/static_web:latest'], imageId: cold.id, outcome: 'succeeded' });
    expect(brief(b)).toEqual(['[1/4] FROM busybox done', '[2/4] RUN echo hello > /greeting done', '[3/4] COPY index.html /srv/ done', '[4/4] WORKDIR /srv done']);
    expect(b.steps[0].imageId).toBe(h.engine.images.resolve('busybox').id);
    expect(b.steps.slice(1).map((s) => s.imageId)).toEqual(['', '', '']);
    const img = h.engine.images.get(cold.id)!;
    const hist = imageHistory(h.engine.images, img).reverse();
    const sized = hist.filter((_x, i) => !img.history[i].empty_layer).map((x) => x.Size);
    // busybox's own layer, then the RUN's, the COPY's and WORKDIR's (an empty directory: 0 bytes, still a layer).
    expect(sized).toHaveLength(4);
    expect(b.steps.slice(1).map((s) => s.size)).toEqual(sized.slice(1));
    expect(b.steps.slice(1).map((s) => s.layerId)).toEqual(img.diffIds.slice(1));

    await build(h, FILES, { version: '2', tags: ['jamtur01/static_web'] });
    expect(brief(q.builds()[1])).toEqual([
      '[1/3] FROM busybox CACHED done', '[2/3] RUN echo hello > /greeting CACHED done', '[3/3] COPY index.html /srv/ CACHED done',
    ]);
  });

  it('numbers a named stage as BuildKit prints it', async () => {
    const h = boot();
    await build(h, { Dockerfile: 'FROM busybox AS builder\nRUN echo a > /a\nFROM busybox\nCOPY --from=builder /a /a\n' }, { version: '2' });
    expect(brief(daemonQuery(h.engine).builds()[0])).toEqual([
      '[builder 1/2] FROM busybox AS builder done', '[builder 2/2] RUN echo a > /a done', '[stage-1 1/2] FROM busybox CACHED done',
      '[stage-1 2/2] COPY --from=builder /a /a done',
    ]);
  });

  it('marks the failed step and the build with the error the client shows', async () => {
    for (const version of ['1', '2'] as const) {
      const h = boot();
      const r = await build(h, { Dockerfile: 'FROM busybox\nRUN echo ok > /ok\nRUN ls /nosuch\n' }, { version, tags: ['bad'] });
      const b = daemonQuery(h.engine).builds()[0];
      expect(b.outcome).toBe('failed');
      expect(b.error).toBe(r.error);
      expect(b.imageId).toBe('');
      const last = b.steps[b.steps.length - 1];
      expect(last).toMatchObject({ instruction: 'RUN ls /nosuch', status: 'failed', error: r.error, cached: false });
      expect(b.steps.slice(0, -1).every((s) => s.status === 'done')).toBe(true);
    }
  });

  it('tells listeners of each change, with a new record each time, and keeps only the last builds', async () => {
    const h = boot();
    const q = daemonQuery(h.engine);
    const seen: BuildRecord[] = [];
    const sub = q.onBuild((b) => seen.push(b));
    await build(h, { Dockerfile: 'FROM busybox\nRUN echo a > /a\n' }, { version: '2' });
    sub.dispose();
    expect(seen.map((b) => `${b.outcome} ${b.steps.map((s) => s.status).join(',')}`)).toEqual([
      'running ', 'running running', 'running done', 'running done,running', 'running done,done', 'succeeded done,done',
    ]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen[seen.length - 1]).toBe(q.builds()[0]);

    for (let i = 0; i < MAX_BUILDS + 2; i++) await build(h, { Dockerfile: `FROM busybox\nLABEL n=${i}\n` }, { version: '2' });
    const kept = q.builds();
    expect(kept).toHaveLength(MAX_BUILDS);
    expect(kept[0].seq).toBe(4);
    expect(kept[kept.length - 1].seq).toBe(MAX_BUILDS + 3);
    expect(seen).toHaveLength(6);
  });

  it('is the same record for the same seed and input, as a replay rebuilds it', async () => {
    const run = async () => {
      const h = boot(5);
      await build(h, FILES, { tags: ['web'] });
      await build(h, FILES, { version: '2', tags: ['web'] });
      return daemonQuery(h.engine).builds();
    };
    expect(await run()).toEqual(await run());
  });
});
