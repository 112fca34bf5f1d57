import { describe, expect, it } from 'vitest';
import { formatChange } from '../../../src/engine/fs/changes.js';
import { Layer } from '../../../src/engine/fs/layer.js';
import { Overlay } from '../../../src/engine/fs/overlay.js';
import { dir, file, symlink } from '../../../src/engine/fs/tree.js';
import { bytes, errno, text, W } from './helpers.js';

const T0 = 1_700_000_000_000;
const image = () => [
  Layer.fromTree(
    {
      '/etc/passwd': file('root:x:0:0::/root:/bin/sh\n'),
      '/etc/hostname': file('base\n'),
      '/etc/motd': file('hi\n'),
      '/var/cache/apt/a.deb': file('AAAA'),
      '/var/cache/apt/b.deb': file('BBBB'),
      '/usr/bin/ls': file('#!sim ls\n', 0o755),
      '/bin': symlink('usr/bin'),
      '/tmp': dir(0o1777),
    },
    { mtimeMs: T0 },
  ),
  Layer.fromTree({ '/etc/motd': file('second\n'), '/etc/.wh.hostname': file(''), '/opt/app/run': file('x', 0o755) }, { mtimeMs: T0 }),
];

const diff = (o: Overlay) => o.changes().map(formatChange);

describe('Overlay lookup', () => {
  it('merges layers: upper layers win, whiteouts hide', () => {
    const o = new Overlay(image());
    expect(text(o.readFile('/etc/motd'))).toBe('second\n');
    expect(errno(() => o.lstat('/etc/hostname'))).toBe('ENOENT');
    expect(o.readdir('/etc')).toEqual(['motd', 'passwd']);
    expect(o.readdir('/')).toEqual(['bin', 'etc', 'opt', 'tmp', 'usr', 'var']);
    expect(o.readlink('/bin')).toBe('usr/bin');
    expect(errno(() => o.lstat('/etc/passwd/x'))).toBe('ENOTDIR');
    expect(o.changes()).toEqual([]);
    expect(o.upperBytes).toBe(0);
  });

  it('an empty overlay has a root directory', () => {
    const o = new Overlay([]);
    expect(o.lstat('/').type).toBe('dir');
    expect(o.readdir('/')).toEqual([]);
    o.mkdir('/x', 0o755, 0, 0);
    expect(o.readdir('/')).toEqual(['x']);
  });

  it('a lookup that goes on from the last directory found sees that directory removed and made again', () => {
    const o = new Overlay(image());
    o.mkdir('/srv', 0o755, 0, 0);
    o.mkdir('/srv/a', 0o755, 0, 0);
    o.writeFile('/srv/a/old', bytes('1'), W());
    expect(o.lstat('/srv/a').type).toBe('dir');
    o.unlink('/srv/a/old');
    o.rmdir('/srv/a');
    o.mkdir('/srv/a', 0o700, 0, 0);
    o.writeFile('/srv/a/new', bytes('2'), W());
    expect(text(o.readFile('/srv/a/new'))).toBe('2');
    expect(errno(() => o.lstat('/srv/a/old'))).toBe('ENOENT');
    expect(o.lstat('/srv/a').mode & 0o777).toBe(0o700);
  });

  it('a lookup that goes on from a lower directory found through another overlay of the same layers', () => {
    const layers = image();
    const a = new Overlay(layers);
    const b = new Overlay(layers);
    expect(a.lstat('/var/cache').type).toBe('dir');
    b.unlink('/var/cache/apt/a.deb');
    expect(errno(() => b.lstat('/var/cache/apt/a.deb'))).toBe('ENOENT');
    expect(text(a.readFile('/var/cache/apt/a.deb'))).toBe('AAAA');
    // A directory renamed away is not found at its old path by a lookup below it.
    b.rename('/var/cache/apt', '/var/apt');
    expect(errno(() => b.lstat('/var/cache/apt/b.deb'))).toBe('ENOENT');
    expect(text(b.readFile('/var/apt/b.deb'))).toBe('BBBB');
    expect(text(a.readFile('/var/cache/apt/b.deb'))).toBe('BBBB');
  });
});

describe('Overlay copy-up', () => {
  it('copies a file up on its first write and never touches the lower layers', () => {
    const layers = image();
    const before = layers.map((l) => l.digest);
    let now = T0 + 5000;
    const o = new Overlay(layers, { clock: () => now });
    o.writeFile('/etc/passwd', bytes('user:x:1000:1000::/home/user:/bin/bash\n'), { ...W(), append: true });
    expect(text(o.readFile('/etc/passwd'))).toBe('root:x:0:0::/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/bash\n');
    expect(text(layers[0].readFile('/etc/passwd'))).toBe('root:x:0:0::/root:/bin/sh\n');
    expect(o.lstat('/etc/passwd').mtimeMs).toBe(now);
    // The copied-up parent keeps its times, so docker diff does not list it.
    expect(o.lstat('/etc').mtimeMs).toBe(T0);
    expect(diff(o)).toEqual(['C /etc/passwd']);
    o.chmod('/usr/bin/ls', 0o700);
    o.chown('/etc/motd', 1000, 1000);
    o.utimes('/var/cache/apt/a.deb', 1, 2);
    o.truncate('/opt/app/run', 0);
    expect(o.lstat('/usr/bin/ls').mode).toBe(0o700);
    expect(o.lstat('/etc/motd').uid).toBe(1000);
    expect(o.lstat('/var/cache/apt/a.deb').mtimeMs).toBe(2);
    expect(o.lstat('/opt/app/run').size).toBe(0);
    expect(layers.map((l) => l.digest)).toEqual(before);
    expect(layers[0].lstat('/usr/bin/ls').mode).toBe(0o755);
  });

  it('keeps inode numbers across copy-up', () => {
    const o = new Overlay(image());
    const ino = o.lstat('/etc/passwd').ino;
    o.writeFile('/etc/passwd', bytes('x'), W());
    expect(o.lstat('/etc/passwd').ino).toBe(ino);
  });

  it('enforces the quota on the upper layer, copy-up included', () => {
    const o = new Overlay(image(), { quotaBytes: 10 });
    o.writeFile('/new', bytes('123456'), W());
    expect(errno(() => o.writeFile('/var/cache/apt/a.deb', bytes('x'), { ...W(), append: true }))).toBe('ENOSPC');
    expect(errno(() => o.writeFile('/big', bytes('12345'), W()))).toBe('ENOSPC');
    expect(errno(() => o.lstat('/big'))).toBe('ENOENT');
    o.writeFile('/new', bytes('1'), W());
    o.writeFile('/var/cache/apt/a.deb', bytes('x'), { ...W(), append: true });
    expect(o.upperBytes).toBe(6);
    o.unlink('/new');
    expect(o.upperBytes).toBe(5);
  });
});

describe('Overlay deletion', () => {
  it('leaves whiteouts for lower entries and forgets upper-only ones', () => {
    const o = new Overlay(image());
    o.unlink('/etc/motd');
    o.writeFile('/etc/new', bytes('n'), W());
    o.unlink('/etc/new');
    expect(o.readdir('/etc')).toEqual(['passwd']);
    expect(errno(() => o.unlink('/etc/motd'))).toBe('ENOENT');
    expect(errno(() => o.unlink('/etc'))).toBe('EISDIR');
    expect(errno(() => o.rmdir('/etc'))).toBe('ENOTEMPTY');
    expect(errno(() => o.rmdir('/etc/passwd'))).toBe('ENOTDIR');
    expect(Object.keys(o.exportUpper())).toEqual(['/etc', '/etc/.wh.motd']);
  });

  it('makes a directory recreated over a deleted one opaque', () => {
    const o = new Overlay(image());
    o.unlink('/var/cache/apt/a.deb');
    o.unlink('/var/cache/apt/b.deb');
    o.rmdir('/var/cache/apt');
    expect(o.readdir('/var/cache')).toEqual([]);
    o.mkdir('/var/cache/apt', 0o755, 0, 0);
    expect(o.readdir('/var/cache/apt')).toEqual([]);
    o.writeFile('/var/cache/apt/c.deb', bytes('C'), W());
    expect(o.readdir('/var/cache/apt')).toEqual(['c.deb']);
    const tree = o.exportUpper();
    expect(Object.keys(tree)).toEqual(['/var', '/var/cache', '/var/cache/apt', '/var/cache/apt/.wh..wh..opq', '/var/cache/apt/c.deb']);
    // Committing the upper layer and stacking it reproduces the container's view.
    const committed = new Overlay([...image(), Layer.fromTree(tree)]);
    expect(committed.readdir('/var/cache/apt')).toEqual(['c.deb']);
  });
});

describe('Overlay rename', () => {
  it('moves a lower file: copy-up at the new name, whiteout at the old', () => {
    const o = new Overlay(image());
    o.rename('/etc/motd', '/etc/motd.old');
    expect(text(o.readFile('/etc/motd.old'))).toBe('second\n');
    expect(o.readdir('/etc')).toEqual(['motd.old', 'passwd']);
    expect(Object.keys(o.exportUpper())).toEqual(['/etc', '/etc/.wh.motd', '/etc/motd.old']);
  });

  it('moves a merged directory with all of its content', () => {
    const o = new Overlay(image());
    o.writeFile('/var/cache/apt/new.deb', bytes('N'), W());
    o.rename('/var/cache/apt', '/var/apt');
    expect(o.readdir('/var/apt')).toEqual(['a.deb', 'b.deb', 'new.deb']);
    expect(o.readdir('/var/cache')).toEqual([]);
    expect(text(o.readFile('/var/apt/b.deb'))).toBe('BBBB');
    expect(o.upperBytes).toBe(9);
  });

  it('replaces targets following rename(2)', () => {
    const o = new Overlay(image());
    o.rename('/etc/motd', '/etc/passwd');
    expect(text(o.readFile('/etc/passwd'))).toBe('second\n');
    expect(errno(() => o.rename('/etc/passwd', '/var'))).toBe('EISDIR');
    expect(errno(() => o.rename('/var', '/etc/passwd'))).toBe('ENOTDIR');
    expect(errno(() => o.rename('/var', '/usr'))).toBe('ENOTEMPTY');
    expect(errno(() => o.rename('/var', '/var/cache/x'))).toBe('EINVAL');
    expect(errno(() => o.rename('/nope', '/x'))).toBe('ENOENT');
  });
});

describe('Overlay changes (docker diff)', () => {
  it('lists the classic cases in dockerd order', () => {
    let now = T0 + 60_000;
    const o = new Overlay(image(), { clock: () => now });
    o.writeFile('/tmp/hello.txt', bytes('hi'), W());
    o.unlink('/etc/motd');
    o.writeFile('/etc/passwd', bytes('x'), { ...W(), append: true });
    o.mkdir('/root', 0o700, 0, 0);
    o.mkdir('/root/.cache', 0o755, 0, 0);
    o.writeFile('/root/.cache/f', bytes('f'), W());
    expect(diff(o)).toEqual(['C /etc', 'D /etc/motd', 'C /etc/passwd', 'A /root', 'A /root/.cache', 'A /root/.cache/f', 'C /tmp', 'A /tmp/hello.txt']);
  });

  it('reports a directory deleted and recreated as D, then its children', () => {
    const o = new Overlay(image(), { clock: () => T0 + 1000 });
    o.unlink('/opt/app/run');
    o.rmdir('/opt/app');
    o.mkdir('/opt/app', 0o755, 0, 0);
    o.writeFile('/opt/app/run', bytes('y'), W());
    expect(diff(o)).toEqual(['C /opt', 'D /opt/app', 'C /opt/app/run']);
  });

  it('reports a removed directory tree as one D (the untouched grandparent is not listed)', () => {
    const o = new Overlay(image(), { clock: () => T0 + 1000 });
    o.unlink('/var/cache/apt/a.deb');
    o.unlink('/var/cache/apt/b.deb');
    o.rmdir('/var/cache/apt');
    expect(diff(o)).toEqual(['C /var/cache', 'D /var/cache/apt']);
  });

  it('lists a chmod as C without the unchanged parent', () => {
    const o = new Overlay(image(), { clock: () => T0 + 1000 });
    o.chmod('/usr/bin/ls', 0o700);
    expect(diff(o)).toEqual(['C /usr/bin/ls']);
  });

  it('walks depth first with names in byte order, not sorted full paths', () => {
    const o = new Overlay([], { clock: () => T0 });
    o.mkdir('/a', 0o755, 0, 0);
    o.writeFile('/a/b', bytes(''), W());
    o.writeFile('/a-c', bytes(''), W());
    expect(diff(o)).toEqual(['A /a', 'A /a/b', 'A /a-c']);
  });
});
