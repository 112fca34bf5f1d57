import { describe, expect, it } from 'vitest';
import { gunzip } from '../../../src/pkg/archive/gzip.js';
import { readTar } from '../../../src/pkg/archive/tar.js';
import { writeTar } from '../../../src/pkg/archive/tar.js';
import { apparent, ApparentBytes, reapparent } from '../../../src/engine/fs/apparent.js';
import { Layer } from '../../../src/engine/fs/layer.js';
import { Overlay } from '../../../src/engine/fs/overlay.js';
import { file } from '../../../src/engine/fs/tree.js';
import { gzipStore } from '../../../src/programs/apt/gzip.js';
import { layerTarEntries, treeOfTar } from '../../../src/engine/daemon/images/layertar.js';
import { blobSize, deferredBlob } from '../../../src/engine/daemon/distribution/blobs.js';
import { bytes, text, W } from './helpers.js';

const HEAD = '\x7fELF\x02\x01\x01\x00dockersim:bash\n';
const SIZE = 1_446_024;
const T0 = 1_700_000_000_000;

function image(): Layer {
  return Layer.fromTree({ '/usr/bin/bash': file(apparent(HEAD, SIZE), 0o755), '/etc/motd': file('hi\n') }, { mtimeMs: T0 });
}

/** Bytes of heap a layer's inodes hold for file content (what apparent content must not grow). */
function heldBytes(l: Layer): number {
  const root = l.root;
  const walk = (n: typeof root): number => (n.kind === 'file' ? n.data.length : [...(n.children?.values() ?? [])].reduce((s, c) => s + walk(c), 0));
  return walk(root);
}

describe('apparent content', () => {
  it('stat, du and the layer see the size; nothing is made', () => {
    const l = image();
    expect(l.lstat('/usr/bin/bash').size).toBe(SIZE);
    expect(l.size).toBe(SIZE + 3);
    expect(heldBytes(l)).toBe(3);
  });

  it('a read gives the size, starting with the head, the same bytes every time, and the layer keeps none of them', () => {
    const l = image();
    const a = l.readFile('/usr/bin/bash');
    expect(a.length).toBe(SIZE);
    expect(text(a.subarray(0, HEAD.length))).toBe(HEAD);
    expect(a[0]).toBe(0x7f);
    expect(l.readFile('/usr/bin/bash')).toEqual(a);
    expect(heldBytes(l)).toBe(3);
    // the padding is not a run of one byte
    expect(new Set(a.subarray(HEAD.length, HEAD.length + 64)).size).toBeGreaterThan(16);
  });

  it("exec's header read makes nothing", () => {
    const l = image();
    expect(text(l.readHead('/usr/bin/bash', 256))).toBe(HEAD);
  });

  it('copy-up keeps it apparent (chmod); append and truncate make real bytes of the right length', () => {
    const o = new Overlay([image()]);
    o.chmod('/usr/bin/bash', 0o700);
    expect(o.lstat('/usr/bin/bash').size).toBe(SIZE);
    expect(o.upperBytes).toBe(SIZE);
    o.writeFile('/usr/bin/bash', bytes('!'), W(0, 0, 0o700, true));
    const after = o.readFile('/usr/bin/bash');
    expect(after.length).toBe(SIZE + 1);
    expect(text(after.subarray(0, HEAD.length))).toBe(HEAD);
    expect(after[SIZE]).toBe(0x21);
    o.truncate('/usr/bin/bash', 10);
    expect(o.readFile('/usr/bin/bash')).toEqual(bytes(HEAD).subarray(0, 10));
  });

  it('a commit of the upper layer keeps apparent files apparent and sized', () => {
    const o = new Overlay([Layer.fromTree({ '/etc/motd': file('hi\n') }, { mtimeMs: T0 })]);
    o.writeFile('/etc/nginx', apparent('\x7fELF\x02\x01\x01\x00dockersim:nginx\n', 1_200_000), W(0, 0, 0o755));
    expect(o.upperBytes).toBe(1_200_000);
    const committed = Layer.fromTree(o.exportUpper());
    expect(committed.size).toBe(1_200_000);
    expect(heldBytes(committed)).toBe(0);
  });

  it('the digest covers the head: sizing an image does not change its ID', () => {
    const stub = Layer.fromTree({ '/usr/bin/bash': file(HEAD, 0o755), '/etc/motd': file('hi\n') }, { mtimeMs: T0 });
    expect(image().digest).toBe(stub.digest);
  });

  it('a layer tar holds the full bytes under a header with the size', () => {
    const entries = layerTarEntries(image());
    const bash = entries.find((e) => e.name === 'usr/bin/bash')!;
    expect(bash.data!.length).toBe(SIZE);
    const back = readTar(writeTar(entries)).entries.find((e) => e.name === 'usr/bin/bash')!;
    expect(back.data!.length).toBe(SIZE);
  });

  it("a registry blob's size counts apparent bytes without making them, and its bytes hold them", () => {
    const l = image();
    const size = blobSize(l);
    expect(size).toBeGreaterThan(SIZE);
    const blob = deferredBlob(l);
    const made = blob.produce();
    expect(made.length).toBe(size);
    const tar = readTar(gunzip(made).data).entries.find((e) => e.name === 'usr/bin/bash')!;
    expect(tar.data!.length).toBe(SIZE);
  });

  it('a gzip grows to its size and still inflates to its text', () => {
    const gz = gzipStore(bytes('Package: nginx\n'));
    const big = apparent(gz, 100_003, 'gzip');
    expect(big).toBeInstanceOf(ApparentBytes);
    const made = (big as ApparentBytes).produce();
    expect(made.length).toBe(100_003);
    expect(text(gunzip(made).data)).toBe('Package: nginx\n');
  });

  it('bytes read back from a tar become the apparent content again, with the same digest', () => {
    const l = image();
    const back = treeOfTar(readTar(writeTar(layerTarEntries(l))).entries);
    const again = Layer.fromTree(back, { mtimeMs: T0 });
    expect(again.digest).toBe(l.digest);
    expect(again.size).toBe(l.size);
    expect(heldBytes(again)).toBe(3);
    const gz = (apparent(gzipStore(bytes('Package: nginx\n')), 50_000, 'gzip') as ApparentBytes).produce();
    expect(reapparent(gz)).toBeInstanceOf(ApparentBytes);
    const changed = l.readFile('/usr/bin/bash');
    changed[1000] ^= 1;
    expect(reapparent(changed)).toBe(changed);
  });

  it('a size below the real content keeps the content', () => {
    expect(apparent('hello\n', 3)).toEqual(bytes('hello\n'));
  });
});
