import { describe, expect, it } from 'vitest';
import { decodeStatusResponse, encodeStatusResponse } from '../../../../src/pkg/buildkit/statuspb.js';
import type { StatusResponse } from '../../../../src/pkg/buildkit/status.js';
import { boot } from '../harness.js';
import { build } from './buildHarness.js';
import { timedHistory } from '../../../../src/engine/daemon/builder/buildkit.js';
import type { Image } from '../../../../src/engine/daemon/images/store.js';

/** A file's text in an image ('' for a non-file), or null when no layer has it. */
function stat(img: Image, path: string): string | null {
  for (let i = img.layers.length - 1; i >= 0; i--) {
    try {
      return img.layers[i].lstat(path).type === 'file' ? new TextDecoder().decode(img.layers[i].readFile(path)) : '';
    } catch {
      // in a layer below
    }
  }
  return null;
}

/** The trace as a reader sees it: vertices by digest in first-seen order, with their statuses and logs. */
function replay(traces: readonly StatusResponse[]) {
  const order: string[] = [];
  const v = new Map<string, { name: string; cached: boolean; error: string; done: boolean; statuses: string[]; logs: string }>();
  const warnings: string[] = [];
  for (const raw of traces) {
    const t = decodeStatusResponse(encodeStatusResponse(raw));
    for (const x of t.vertexes) {
      if (!v.has(x.digest)) {
        order.push(x.digest);
        v.set(x.digest, { name: x.name, cached: false, error: '', done: false, statuses: [], logs: '' });
      }
      Object.assign(v.get(x.digest)!, { cached: x.cached, error: x.error, done: x.completed !== undefined });
    }
    for (const s of t.statuses) v.get(s.vertex)!.statuses.push(s.current ? `${s.id} ${s.current}B` : s.id);
    for (const l of t.logs) v.get(l.vertex)!.logs += new TextDecoder().decode(l.msg);
    for (const w of t.warnings) warnings.push(new TextDecoder().decode(w.short));
  }
  return { vertices: order.map((d) => v.get(d)!), warnings };
}

const DF = 'FROM busybox\nMAINTAINER James Turnbull "james@example.com"\nENV REFRESHED_AT 2014-06-01\nRUN echo hi && echo hi > /hi\nCOPY index.html /srv/\nEXPOSE 80\n';

describe('BuildKit builds (version=2)', () => {
  it('traces the vertices BuildKit names, with logs, warnings and the exporter\'s statuses; a rebuild is all CACHED', async () => {
    const h = boot();
    const files = { Dockerfile: DF, 'index.html': '<p>x</p>\n' };
    const r = await build(h, files, { version: '2', tags: ['jamtur01/static_web'] });
    expect(r.error).toBe('');
    const { vertices, warnings } = replay(r.traces);
    const digest = h.engine.images.resolve('busybox').repoDigest;
    expect(vertices.map((x) => x.name)).toEqual([
      '[internal] load build definition from Dockerfile', '[internal] load metadata for docker.io/library/busybox:latest',
      '[internal] load .dockerignore', `[1/3] FROM docker.io/library/busybox:latest@${digest}`, '[2/3] RUN echo hi && echo hi > /hi',
      '[internal] load build context', '[3/3] COPY index.html /srv/', 'exporting to image',
    ]);
    expect(vertices.every((x) => x.done && !x.cached && x.error === '')).toBe(true);
    expect(vertices[0].statuses).toEqual([`transferring dockerfile: ${DF.length}B`]);
    expect(vertices[2].statuses).toEqual(['transferring context: 2B']);
    expect(vertices[4].logs).toBe('hi\n');
    expect(vertices[7].statuses).toEqual(['exporting layers', `writing image ${r.id}`, 'naming to docker.io/jamtur01/static_web']);
    expect(warnings).toEqual([
      'MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)',
      'LegacyKeyValueFormat: "ENV key=value" should be used instead of legacy "ENV key value" format (line 3)',
    ]);
    const img = h.engine.images.get(r.id)!;
    expect(img.history.slice(-5).map((x) => [x.created_by, x.comment, x.empty_layer ?? false])).toEqual([
      ['MAINTAINER James Turnbull "james@example.com"', 'buildkit.dockerfile.v0', true],
      ['ENV REFRESHED_AT=2014-06-01', 'buildkit.dockerfile.v0', true],
      ['RUN /bin/sh -c echo hi && echo hi > /hi # buildkit', 'buildkit.dockerfile.v0', false],
      ['COPY index.html /srv/ # buildkit', 'buildkit.dockerfile.v0', false],
      ['EXPOSE map[80/tcp:{}]', 'buildkit.dockerfile.v0', true],
    ]);
    expect(h.engine.images.repoTags(r.id)).toEqual(['jamtur01/static_web:latest']);
    // Nothing else is left: no step containers, no intermediate images.
    expect(h.engine.containers.size).toBe(0);
    expect(h.engine.images.all().filter((i) => i.repoDigest === '').map((i) => i.id)).toEqual([r.id]);

    const again = await build(h, files, { version: '2', tags: ['jamtur01/static_web'] });
    expect(again.id).toBe(r.id);
    const cached = replay(again.traces).vertices;
    expect(cached.filter((x) => x.cached).map((x) => x.name)).toEqual([
      `[1/3] FROM docker.io/library/busybox:latest@${digest}`, '[2/3] RUN echo hi && echo hi > /hi', '[3/3] COPY index.html /srv/',
    ]);
    const edited = await build(h, { ...files, 'index.html': 'changed\n' }, { version: '2' });
    expect(replay(edited.traces).vertices.filter((x) => x.cached).map((x) => x.name)).toEqual([
      `[1/3] FROM docker.io/library/busybox:latest@${digest}`, '[2/3] RUN echo hi && echo hi > /hi',
    ]);
  });

  it('fails with BuildKit\'s messages', async () => {
    const h = boot();
    const r = await build(h, { Dockerfile: 'FROM busybox\nRUN ls /nosuch\n' }, { version: '2' });
    expect(r.error).toBe('process "/bin/sh -c ls /nosuch" did not complete successfully: exit code: 1');
    const run = replay(r.traces).vertices.find((x) => x.name.includes('RUN'))!;
    expect(run).toMatchObject({ error: r.error, logs: 'ls: /nosuch: No such file or directory\n' });
    expect(h.engine.containers.size).toBe(0);
    expect((await build(h, { dockerfile: 'FROM busybox\n' }, { version: '2' })).error).toBe('failed to read dockerfile: open Dockerfile: no such file or directory');
    expect((await build(h, { Dockerfile: 'FROM busybox\nFOOO x\n' }, { version: '2' })).error).toBe('dockerfile parse error on line 2: unknown instruction: FOOO');
  });

  it('dates a config-only step as the exporter does: the first new layer after it, else the layer before', async () => {
    const h = boot();
    const r = await build(h, { Dockerfile: DF, 'index.html': '<p>x</p>\n' }, { version: '2' });
    expect(r.error).toBe('');
    const img = h.engine.images.get(r.id)!;
    const mine = img.history.filter((e) => e.comment === 'buildkit.dockerfile.v0');
    const [maintainer, env, run, copy, expose] = mine;
    expect(run.created).not.toBe(img.history[0].created);
    expect([maintainer.created, env.created]).toEqual([run.created, run.created]);
    expect(expose.created).toBe(copy.created);
    expect(img.created).toBe(expose.created);
    // Nothing new: the last time there is, the base's.
    const base = [{ created: 't0', created_by: 'ADD', comment: '' }, { created: '', created_by: 'ENV', comment: '' }];
    expect(timedHistory(base).map((e) => e.created)).toEqual(['t0', 't0']);
  });
  it('runs a base image\'s ONBUILD triggers as the stage\'s first commands, named ONBUILD, and clears OnBuild (convert.go initOnBuildTriggers)', async () => {
    const h = boot();
    const parent = await build(h, { Dockerfile: 'FROM busybox\nONBUILD COPY . /app/\nONBUILD ENV X=1\nONBUILD RUN ls /app > /listing\n' }, { version: '2', tags: ['onb'] });
    expect(parent.error).toBe('');
    expect(h.engine.images.get(parent.id)!.config.OnBuild).toEqual(['COPY . /app/', 'ENV X=1', 'RUN ls /app > /listing']);
    const files = { Dockerfile: 'FROM onb\nRUN echo $X > /x\n', 'a.txt': 'a' };
    const child = await build(h, files, { version: '2' });
    expect(child.error).toBe('');
    expect(child.id).not.toBe(parent.id);
    // Every trigger counts in the total, a config-only one too, but only vertices take an index.
    expect(replay(child.traces).vertices.map((x) => x.name).filter((n) => n.startsWith('['))).toEqual([
      '[internal] load build definition from Dockerfile', '[internal] load metadata for docker.io/library/onb:latest', '[internal] load .dockerignore',
      '[1/5] FROM docker.io/library/onb:latest', '[internal] load build context', '[2/5] ONBUILD COPY . /app/',
      '[3/5] ONBUILD RUN ls /app > /listing', '[4/5] RUN echo 1 > /x',
    ]);
    const img = h.engine.images.get(child.id)!;
    expect(img.config.OnBuild ?? null).toBeNull();
    expect(stat(img, '/listing')).toBe('Dockerfile\na.txt\n');
    expect(stat(img, '/x')).toBe('1\n');
    expect(img.history.slice(-4).map((e) => e.created_by)).toEqual([
      'COPY . /app/ # buildkit', 'ENV X=1', 'RUN /bin/sh -c ls /app > /listing # buildkit', 'RUN /bin/sh -c echo $X > /x # buildkit',
    ]);
    const again = await build(h, files, { version: '2' });
    expect(again.id).toBe(child.id);
    expect(replay(again.traces).vertices.filter((x) => x.cached).map((x) => x.name)).toEqual([
      '[1/5] FROM docker.io/library/onb:latest', '[2/5] ONBUILD COPY . /app/', '[3/5] ONBUILD RUN ls /app > /listing', '[4/5] RUN echo 1 > /x',
    ]);
    // A stage built FROM a stage gets that stage's own ONBUILD commands, not its base image's.
    const staged = await build(h, { Dockerfile: 'FROM onb AS base\nONBUILD RUN touch /y\nFROM base\n' }, { version: '2' });
    expect(staged.error).toBe('');
    // Progress names every stage of a multi-stage file, an unnamed one by its position; a FROM of a stage is no step.
    expect(replay(staged.traces).vertices.map((x) => x.name).filter((n) => !n.startsWith('[internal]'))).toEqual([
      '[base 1/4] FROM docker.io/library/onb:latest', '[base 2/4] ONBUILD COPY . /app/', '[base 3/4] ONBUILD RUN ls /app > /listing',
      '[stage-1 1/1] ONBUILD RUN touch /y', 'exporting to image',
    ]);
    // Nor is a FROM scratch.
    const scratch = await build(h, { Dockerfile: 'FROM scratch\nCOPY a /a\n', a: 'a' }, { version: '2' });
    expect(replay(scratch.traces).vertices.map((x) => x.name)).toContain('[1/1] COPY a /a');
    const simg = h.engine.images.get(staged.id)!;
    expect(stat(simg, '/y')).toBe('');
    expect(simg.config.OnBuild ?? null).toBeNull();
  });

  it('rejects the triggers BuildKit\'s parser rejects', async () => {
    const h = boot();
    const err = async (df: string): Promise<string> => (await build(h, { Dockerfile: df }, { version: '2' })).error;
    expect(await err('FROM busybox\nONBUILD ONBUILD RUN x\n')).toBe('dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
    expect(await err('FROM busybox\nONBUILD FROM x\n')).toBe('dockerfile parse error on line 2: FROM isn\'t allowed as an ONBUILD trigger');
    expect(await err('FROM busybox\nonbuild maintainer x\n')).toBe('dockerfile parse error on line 2: MAINTAINER isn\'t allowed as an ONBUILD trigger');
  });
});
