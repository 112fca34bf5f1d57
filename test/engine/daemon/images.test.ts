import { describe, expect, it } from 'vitest';
import { Machine } from '../../../src/machine/machine.js';
import { DaemonStore } from '../../../src/engine/daemon/store.js';
import { errOf, inDaemon } from './harness.js';

describe('images', () => {
  it('pull prints the progress lines, then up to date; errors verbatim; rmi conflicts and records', async () => {
    const m = Machine.boot({ seed: 3 });
    const engine = new DaemonStore({ kernel: m.kernel });
    const r = await inDaemon({ m, engine }, async (d) => {
      const lines: string[] = [];
      const sink = (x: { status: string; id?: string; progressDetail?: { current?: number } }): void => {
        if (x.progressDetail?.current === undefined) lines.push(x.id ? `${x.id}: ${x.status}` : x.status);
      };
      await d.imagePull('busybox', sink);
      const again: string[] = [];
      await d.imagePull('busybox:latest', (x) => void again.push(x.status));
      const errs = [await errOf(() => d.imagePull('xyz')), await errOf(() => d.imagePull('ubuntu:99'))];
      const list = d.imageList();
      const id = d.containerCreate({ Image: 'busybox', Cmd: ['true'] }).Id;
      const conflict = await errOf(() => d.imageRemove('busybox'));
      await d.containerRm(id);
      const removed = d.imageRemove('busybox');
      return { lines, again, errs, list, conflict, id, removed, left: d.imageList().length };
    });
    expect(r.lines).toHaveLength(7);
    expect(r.lines[0]).toBe('latest: Pulling from library/busybox');
    expect(r.lines[1]).toMatch(/^[0-9a-f]{12}: Pulling fs layer$/);
    expect(r.lines.slice(2, 5).map((l) => l.slice(14))).toEqual(['Verifying Checksum', 'Download complete', 'Pull complete']);
    expect(r.lines[5]).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(r.lines[6]).toBe('Status: Downloaded newer image for busybox:latest');
    expect(r.again.at(-1)).toBe('Status: Image is up to date for busybox:latest');
    expect(r.errs).toEqual([
      "NotFound: pull access denied for xyz, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      'NotFound: manifest for ubuntu:99 not found: manifest unknown: manifest unknown',
    ]);
    expect(r.list).toHaveLength(1);
    expect(r.list[0]).toMatchObject({ RepoTags: ['busybox:latest'], Size: 4_270_000, Containers: -1 });
    const imgId = r.list[0].Id as string;
    expect(r.conflict).toBe(`Conflict: conflict: unable to remove repository reference "busybox" (must force) - container ${r.id.slice(0, 12)} is using its referenced image ${imgId.slice(7, 19)}`);
    expect(r.removed[0]).toEqual({ Untagged: 'busybox:latest' });
    expect(r.removed[1]).toEqual({ Untagged: expect.stringMatching(/^busybox@sha256:/) });
    expect(r.removed[2]).toEqual({ Deleted: imgId });
    expect(r.left).toBe(0);
  });
});

describe('RepoTags', () => {
  it('lists an image\'s tags sorted by full name, as moby\'s reference store does, not in the order they came', async () => {
    const m = Machine.boot({ seed: 3 });
    const engine = new DaemonStore({ kernel: m.kernel });
    const tags = await inDaemon({ m, engine }, async (d) => {
      await d.imagePull('busybox', () => {});
      d.imageTag('busybox', 'localhost:5000/b', 'latest');
      d.imageTag('busybox', 'zeta', 'v1');
      d.imageTag('busybox', 'jamtur01/b', 'latest');
      return { list: d.imageList()[0].RepoTags, inspect: d.imageInspect('busybox').RepoTags };
    });
    // docker.io/jamtur01/b, docker.io/library/busybox, docker.io/library/zeta, localhost:5000/b
    const sorted = ['jamtur01/b:latest', 'busybox:latest', 'zeta:v1', 'localhost:5000/b:latest'];
    expect(tags).toEqual({ list: sorted, inspect: sorted });
  });
});
