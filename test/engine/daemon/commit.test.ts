import { describe, expect, it } from 'vitest';
import { CATALOG, buildCatalogImage } from '../../../src/engine/daemon/registry.js';
import { catalogHistory } from '../../../src/engine/daemon/catalogHistory.js';
import { goMarshal } from '../../../src/engine/daemon/images/commit.js';
import { boot, errOf, inDaemon } from './harness.js';

describe('docker commit in the daemon', () => {
  it('pauses a running container around the commit and logs create, tag, commit as moby does', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const id = d.containerCreate({ Image: 'ubuntu', Cmd: ['sleep', '100'] }).Id;
      await d.containerStart(id);
      const seen: string[] = [];
      const sub = h.engine.events.subscribe((e) => seen.push(`${e.Type} ${e.Action} ${e.Type === 'image' ? e.Actor.Attributes.name : ''}`));
      const image = d.containerCommit(id, { repo: 'jamtur01/apache2', comment: 'c' });
      const unpaused = !h.engine.getContainer(id).State.Paused;
      const quiet: string[] = [];
      sub.dispose();
      const sub2 = h.engine.events.subscribe((e) => quiet.push(e.Action));
      d.containerCommit(id, { pause: false });
      sub2.dispose();
      return { image, seen, unpaused, quiet, inspect: d.imageInspect('jamtur01/apache2') };
    });
    expect(r.seen).toEqual([
      'container pause ', `image create ${r.image}`, 'image tag jamtur01/apache2:latest', 'container commit ', 'container unpause ',
    ]);
    expect(r.unpaused).toBe(true);
    expect(r.quiet).toEqual(['create', 'commit']);
    // Nothing changed in the container: an empty-layer history entry and no new layer.
    expect((r.inspect.RootFS as { Layers: string[] }).Layers).toHaveLength(1);
    expect(r.inspect).toMatchObject({ Comment: 'c', DockerVersion: '28.2.2', Author: '' });
  });

  it('gives the same ID for the same container, changes and time, and refuses what moby refuses', async () => {
    const run = (): Promise<{ id: string; errs: string[] }> => {
      const h = boot(4);
      return inDaemon(h, async (d) => {
        const c = d.containerCreate({ Image: 'busybox', Cmd: ['true'] }).Id;
        const id = d.containerCommit(c, { changes: ['CMD ["sh"]'] });
        const errs = [
          await errOf(() => d.containerCommit('nosuch')),
          await errOf(() => d.containerCommit(c, { repo: 'x', tag: 'bad tag' })),
          await errOf(() => d.containerCommit(c, { repo: 'x@sha256:' + '0'.repeat(64) })),
          await errOf(() => d.imageTag('busybox', 'sha256', '')),
          await errOf(() => d.imageTag('nosuch', 'x', '')),
        ];
        return { id, errs };
      });
    };
    const [a, b] = [await run(), await run()];
    expect(a.id).toBe(b.id);
    expect(a.errs).toEqual([
      'NotFound: No such container: nosuch',
      'InvalidParameter: invalid tag format',
      'InvalidParameter: cannot import digest reference',
      'InvalidParameter: refusing to create an ambiguous tag using digest algorithm as name',
      'NotFound: No such image: nosuch:latest',
    ]);
  });

  it('history walks the parent chain; rmi keeps a parent an image was made from', async () => {
    const h = boot();
    const r = await inDaemon(h, async (d) => {
      const c = d.containerCreate({ Image: 'busybox', Cmd: ['true'] }).Id;
      const child = d.containerCommit(c, { repo: 'mine', comment: 'hello' });
      await d.containerRm(c);
      const history = d.imageHistory('mine');
      const untag = d.imageRemove('busybox');
      const listed = d.imageList().map((i) => i.RepoTags);
      const all = d.imageList({ all: true }).length;
      const gone = d.imageRemove('mine');
      return { child, history, untag, listed, all, gone, left: d.imageList({ all: true }).length };
    });
    expect(r.history.map((x) => [x.Id, x.CreatedBy, x.Comment, x.Tags])).toEqual([
      [r.child, 'true', 'hello', ['mine:latest']],
      [expect.stringMatching(/^sha256:/), 'BusyBox 1.37.0 (glibc), Debian 12', '', ['busybox:latest']],
    ]);
    // busybox lost its tag but mine was made from it: it stays, listed with -a only.
    expect(r.untag.map((x) => Object.keys(x)[0])).toEqual(['Untagged', 'Untagged']);
    expect(r.listed).toEqual([['mine:latest'], ['ubuntu:latest']]);
    expect(r.all).toBe(3);
    // Removing mine prunes the untagged parent with it.
    expect(r.gone.map((x) => Object.keys(x)[0])).toEqual(['Untagged', 'Deleted', 'Deleted', 'Deleted']);
    expect(r.left).toBe(1);
  });
});

describe('the offline images\' history', () => {
  it('has exactly one entry with a layer per image (a catalog image is one layer)', () => {
    for (const cat of CATALOG) {
      const b = buildCatalogImage(cat);
      const h = catalogHistory(cat.key, cat.created, b.diffIds[0].slice(7));
      expect(h.filter((e) => !e.empty_layer), cat.key).toHaveLength(1);
    }
  });

  it('marshals as Go does: HTML characters escaped, map keys sorted', () => {
    expect(goMarshal({ Labels: { b: '<&>', a: '1' } })).toBe('{"Labels":{"a":"1","b":"\\u003c\\u0026\\u003e"}}');
  });
});
