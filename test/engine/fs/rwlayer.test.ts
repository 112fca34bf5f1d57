import { describe, expect, it } from 'vitest';
import { formatChange } from '../../../src/engine/fs/changes.js';
import { Layer } from '../../../src/engine/fs/layer.js';
import { Overlay } from '../../../src/engine/fs/overlay.js';
import { layerFromUpper } from '../../../src/engine/fs/rwlayer.js';
import { dir, file } from '../../../src/engine/fs/tree.js';
import { bytes, errno, text, W } from './helpers.js';

const T0 = 1_700_000_000_000;
const base = (): Layer => Layer.fromTree({
  '/etc/motd': file('hi\n'),
  '/etc/legal': file('legal\n'),
  '/var/cache/apt/a.deb': file('AAAA'),
  '/var/cache/apt/b.deb': file('BBBB'),
  '/usr/bin/tool': file('#!sim tool\n', 0o755),
  '/tmp': dir(0o1777),
}, { mtimeMs: T0 });

/** A container on `base`, changed by `act`, committed, and a new container on the image that results. */
function commitAndRun(act: (o: Overlay) => void): { layer: Layer | null; next: Overlay } {
  const lower = base();
  const o = new Overlay([lower], { clock: () => T0 + 5_000 });
  act(o);
  const layer = layerFromUpper(o);
  return { layer, next: new Overlay(layer ? [lower, layer] : [lower]) };
}

describe('layerFromUpper (docker commit)', () => {
  it('carries new and changed files with their metadata', () => {
    const { layer, next } = commitAndRun((o) => {
      o.mkdir('/srv', 0o750, 33, 33);
      o.writeFile('/srv/index.html', bytes('<h1>hi</h1>\n'), W(33, 33, 0o640));
      o.writeFile('/etc/motd', bytes('changed\n'), W());
    });
    expect(layer).not.toBeNull();
    expect(text(next.readFile('/srv/index.html'))).toBe('<h1>hi</h1>\n');
    const st = next.lstat('/srv/index.html');
    expect([st.mode & 0o7777, st.uid, st.gid]).toEqual([0o640, 33, 33]);
    expect(next.lstat('/srv').mode & 0o7777).toBe(0o750);
    expect(text(next.readFile('/etc/motd'))).toBe('changed\n');
    expect(text(next.readFile('/usr/bin/tool'))).toBe('#!sim tool\n');
    expect(next.changes()).toEqual([]);
  });

  it('turns deletions into whiteouts', () => {
    const { layer, next } = commitAndRun((o) => {
      o.unlink('/etc/legal');
      o.unlink('/var/cache/apt/a.deb');
    });
    expect(layer!.toTree()['/etc/.wh.legal']).toBeDefined();
    expect(errno(() => next.lstat('/etc/legal'))).toBe('ENOENT');
    expect(next.readdir('/var/cache/apt')).toEqual(['b.deb']);
    expect(next.readdir('/etc')).toEqual(['motd']);
  });

  it('keeps a directory removed and made again opaque: nothing of the lower one shows through', () => {
    const { layer, next } = commitAndRun((o) => {
      o.unlink('/var/cache/apt/a.deb');
      o.unlink('/var/cache/apt/b.deb');
      o.rmdir('/var/cache/apt');
      o.mkdir('/var/cache/apt', 0o755, 0, 0);
      o.writeFile('/var/cache/apt/c.deb', bytes('C'), W());
    });
    expect(layer!.toTree()['/var/cache/apt/.wh..wh..opq']).toBeDefined();
    expect(next.readdir('/var/cache/apt')).toEqual(['c.deb']);
  });

  it('is null when the container changed nothing, so no layer is added', () => {
    expect(commitAndRun(() => {}).layer).toBeNull();
  });

  it('owns its bytes: the container writing on afterwards does not change the image', () => {
    const lower = base();
    const o = new Overlay([lower]);
    o.writeFile('/etc/motd', bytes('one\n'), W());
    const layer = layerFromUpper(o)!;
    const digest = layer.digest;
    o.writeFile('/etc/motd', bytes('two\n'), { ...W(), append: true });
    o.writeFile('/etc/other', bytes('x'), W());
    expect(text(new Overlay([lower, layer]).readFile('/etc/motd'))).toBe('one\n');
    expect(errno(() => new Overlay([lower, layer]).lstat('/etc/other'))).toBe('ENOENT');
    expect(Layer.fromTree(layer.toTree()).digest).toBe(digest);
  });

  it('diffs like the container did, against the same lower layers', () => {
    const lower = base();
    const o = new Overlay([lower], { clock: () => T0 + 5_000 });
    o.unlink('/etc/legal');
    o.writeFile('/new', bytes('n'), W());
    const before = o.changes().map(formatChange);
    const layer = layerFromUpper(o)!;
    // A container on the image diffed against the base alone sees the committed layer as its changes.
    const asUpper = new Overlay([lower]);
    for (const [p, e] of Object.entries(layer.toTree())) {
      if (p.endsWith('/.wh.legal')) asUpper.unlink('/etc/legal');
      else if (e.type === 'file' && !p.includes('.wh.')) asUpper.writeFile(p, e.content as Uint8Array, W());
    }
    expect(asUpper.changes().map(formatChange)).toEqual(before);
  });
});
