import { describe, expect, it } from 'vitest';
import { Layer } from '../../../src/engine/fs/layer.js';
import { MemTree } from '../../../src/engine/fs/memtree.js';
import { dir, file, symlink } from '../../../src/engine/fs/tree.js';
import { bytes, errno, text, W } from './helpers.js';

const base = () =>
  Layer.fromTree(
    {
      '/etc/passwd': file('root:x:0:0:root:/root:/bin/bash\n'),
      '/etc/shadow': file('root:*::0:::::\n', 0o640, 0, 42),
      '/usr/bin/sudo': file('#!sim sudo\n', 0o4755),
      '/home/user': dir(0o750, 1000, 1000),
      '/bin': symlink('usr/bin'),
      '/dev/null': { type: 'chardev', rdev: 0x103, mode: 0o666 },
    },
    { mtimeMs: 1_700_000_000_000 },
  );

describe('Layer', () => {
  it('stores metadata exactly as given', () => {
    const l = base();
    const s = l.lstat('/etc/shadow');
    expect([s.type, s.mode.toString(8), s.uid, s.gid, s.size, s.nlink, s.mtimeMs]).toEqual(['file', '640', 0, 42, 15, 1, 1_700_000_000_000]);
    expect(l.lstat('/usr/bin/sudo').mode).toBe(0o4755);
    const h = l.lstat('/home/user');
    expect([h.type, h.mode, h.uid, h.gid, h.size]).toEqual(['dir', 0o750, 1000, 1000, 4096]);
    const b = l.lstat('/bin');
    expect([b.type, b.size]).toEqual(['symlink', 7]);
    expect(l.readlink('/bin')).toBe('usr/bin');
    const d = l.lstat('/dev/null');
    expect([d.type, d.rdev, d.mode]).toEqual(['chardev', 0x103, 0o666]);
    expect(l.lstat('/').nlink).toBe(2 + 4); // dev etc home usr
    expect(text(l.readFile('/etc/passwd'))).toBe('root:x:0:0:root:/root:/bin/bash\n');
    expect(l.readdir('/')).toEqual(['bin', 'dev', 'etc', 'home', 'usr']);
  });

  it('is read-only and reports errors like Linux', () => {
    const l = base();
    expect(errno(() => l.writeFile('/etc/passwd', bytes('x'), W()))).toBe('EROFS');
    expect(errno(() => l.mkdir('/x', 0o755, 0, 0))).toBe('EROFS');
    expect(errno(() => l.unlink('/etc/passwd'))).toBe('EROFS');
    expect(errno(() => l.chmod('/etc/passwd', 0o600))).toBe('EROFS');
    expect(errno(() => l.lstat('/nope'))).toBe('ENOENT');
    expect(errno(() => l.lstat('/etc/passwd/x'))).toBe('ENOTDIR');
    expect(errno(() => l.readFile('/etc'))).toBe('EISDIR');
    expect(errno(() => l.readlink('/etc'))).toBe('EINVAL');
    expect(errno(() => l.readdir('/etc/passwd'))).toBe('ENOTDIR');
  });

  it('has a deterministic digest that survives a round trip through toTree', () => {
    const a = base();
    const b = base();
    expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.digest).toBe(b.digest);
    expect(Layer.fromTree(a.toTree()).digest).toBe(a.digest);
    const changed = Layer.fromTree({ ...a.toTree(), '/etc/passwd': file('root:x:0:0::/root:/bin/sh\n') });
    expect(changed.digest).not.toBe(a.digest);
    const chmodded = Layer.fromTree({ ...a.toTree(), '/etc/shadow': file('root:*::0:::::\n', 0o600, 0, 42) });
    expect(chmodded.digest).not.toBe(a.digest);
  });

  it('sizes content as docker adds it up (files plus symlink targets)', () => {
    expect(base().size).toBe(32 + 15 + 11 + 7);
  });

  it('reads its own whiteouts as absent and exports them back', () => {
    const l = Layer.fromTree({ '/etc/.wh.motd': file(''), '/var/cache/.wh..wh..opq': file(''), '/var/cache/new': file('n') });
    expect(errno(() => l.lstat('/etc/motd'))).toBe('ENOENT');
    expect(l.readdir('/etc')).toEqual([]);
    expect(Object.keys(l.toTree())).toEqual(['/etc', '/etc/.wh.motd', '/var', '/var/cache', '/var/cache/.wh..wh..opq', '/var/cache/new']);
  });
});

describe('MemTree (tmpfs)', () => {
  it('creates, appends, renames and enforces its quota', () => {
    let now = 5;
    const t = new MemTree({ clock: () => now, quotaBytes: 10 });
    expect(t.lstat('/').mode).toBe(0o1777);
    t.writeFile('/a', bytes('12345'), W(1000, 1000, 0o600));
    now = 9;
    t.writeFile('/a', bytes('678'), W(0, 0, 0, true));
    const s = t.lstat('/a');
    expect([s.size, s.uid, s.mode, s.mtimeMs]).toEqual([8, 1000, 0o600, 9]);
    expect(errno(() => t.writeFile('/a', bytes('abc'), W(0, 0, 0, true)))).toBe('ENOSPC');
    expect(text(t.readFile('/a'))).toBe('12345678');
    t.mkdir('/d', 0o755, 0, 0);
    t.rename('/a', '/d/b');
    expect(t.readdir('/d')).toEqual(['b']);
    expect(errno(() => t.rmdir('/d'))).toBe('ENOTEMPTY');
    expect(errno(() => t.rename('/d', '/d/x'))).toBe('EINVAL');
    t.unlink('/d/b');
    expect(t.used).toBe(0);
    t.rmdir('/d');
    expect(t.readdir('/')).toEqual([]);
  });
});
