import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Layer } from '../../../src/engine/fs/layer.js';
import { MemTree } from '../../../src/engine/fs/memtree.js';
import { Overlay } from '../../../src/engine/fs/overlay.js';
import { dir, file, symlink } from '../../../src/engine/fs/tree.js';
import { MountTable, normalize } from '../../../src/engine/fs/vfs.js';
import { ctx, errno, ROOT, USER, text } from './helpers.js';

function machine() {
  const root = new Overlay([
    Layer.fromTree({
      '/etc/passwd': file('root:x:0:0::/root:/bin/sh\n'),
      '/etc/shadow': file('secret\n', 0o640, 0, 42),
      '/usr/bin/ls': file('#!sim ls\n', 0o755),
      '/usr/bin/notexec': file('data', 0o644),
      '/bin': symlink('usr/bin'),
      '/home/user': dir(0o755, 1000, 1000),
      '/root': dir(0o700),
      '/srv/shared': dir(0o2775, 0, 27),
      '/loop/a': symlink('b'),
      '/loop/b': symlink('a'),
      '/rel/up': symlink('../etc'),
      '/tmp': dir(0o1777),
      '/proc': dir(0o555),
      '/mnt/data': dir(),
    }),
  ]);
  const ns = new MountTable(root);
  ns.mount('/tmp', new MemTree({ fsType: 'tmpfs' }));
  ns.mount('/mnt/data', new MemTree({ fsType: 'tmpfs', rootMode: 0o755 }));
  return ns;
}

describe('path resolution', () => {
  it('follows symlinks in the middle and, for stat, at the end', () => {
    const fs = machine().view(ctx());
    expect(fs.stat('/bin/ls').type).toBe('file');
    expect(fs.lstat('/bin').type).toBe('symlink');
    expect(fs.stat('/bin').type).toBe('dir');
    expect(fs.realpath('/bin/ls')).toBe('/usr/bin/ls');
    expect(fs.realpath('/rel/up/passwd')).toBe('/etc/passwd');
    expect(fs.realpath('/usr/bin/../../etc/./passwd')).toBe('/etc/passwd');
    expect(fs.realpath('/..')).toBe('/');
    expect(errno(() => fs.stat('/loop/a'))).toBe('ELOOP');
    expect(fs.lstat('/loop/a').type).toBe('symlink');
    expect(errno(() => fs.stat('/etc/passwd/'))).toBe('ENOTDIR');
    expect(errno(() => fs.stat('/etc/passwd/x'))).toBe('ENOTDIR');
    expect(errno(() => fs.stat('/nope/x'))).toBe('ENOENT');
    expect(errno(() => fs.stat(''))).toBe('ENOENT');
  });

  it('resolves relative paths from the live cwd', () => {
    const c = ctx(ROOT, '/usr');
    const fs = machine().view(c);
    expect(fs.realpath('bin/ls')).toBe('/usr/bin/ls');
    c.cwd = '/etc';
    expect(text(fs.readFile('passwd'))).toBe('root:x:0:0::/root:/bin/sh\n');
    expect(fs.realpath('..')).toBe('/');
  });

  it('crosses mounts, and `..` leaves a mount for the directory below it', () => {
    const ns = machine();
    const fs = ns.view(ctx());
    fs.writeFile('/mnt/data/f', 'on tmpfs');
    expect(ns.lookup('/mnt/data/f', ctx(), true).path).toBe('/f');
    expect(fs.realpath('/mnt/data/..')).toBe('/mnt');
    expect(fs.readdir('/mnt/data')).toEqual(['f']);
    expect(errno(() => fs.rename('/mnt/data/f', '/etc/f'))).toBe('EXDEV');
    expect(errno(() => fs.rmdir('/mnt/data'))).toBe('EBUSY');
    expect(fs.stat('/mnt/data').mode).toBe(0o755);
  });

  it('clone() gives an independent mount table over the same backends', () => {
    const ns = machine();
    const copy = ns.clone();
    copy.umount('/mnt/data');
    ns.view(ctx()).writeFile('/mnt/data/x', 'x');
    expect(copy.view(ctx()).exists('/mnt/data/x')).toBe(false);
    expect(copy.id).not.toBe(ns.id);
  });
});

describe('permissions', () => {
  it('checks r/w/x for users; root passes all but exec on non-executables', () => {
    const ns = machine();
    const user = ns.view(ctx(USER));
    const root = ns.view(ctx(ROOT));
    expect(errno(() => user.readFile('/etc/shadow'))).toBe('EACCES');
    expect(user.access('/etc/shadow', 'r')).toBe(false);
    expect(root.access('/etc/shadow', 'r')).toBe(true);
    expect(root.access('/usr/bin/notexec', 'x')).toBe(false);
    expect(root.access('/usr/bin/ls', 'x')).toBe(true);
    expect(errno(() => user.writeFile('/etc/passwd', 'x'))).toBe('EACCES');
    expect(errno(() => user.stat('/root/.bashrc'))).toBe('EACCES');
    expect(errno(() => root.stat('/root/.bashrc'))).toBe('ENOENT');
    expect(errno(() => user.writeFile('/etc/new', 'x'))).toBe('EACCES');
    expect(errno(() => user.chmod('/etc/passwd', 0o777))).toBe('EPERM');
    expect(errno(() => user.chown('/home/user', 0, 0))).toBe('EPERM');
    expect(errno(() => user.mknod('/home/user/null', 'chardev', 0o666, 0x103))).toBe('EPERM');
  });

  it('applies the umask and gives new files the caller and setgid group', () => {
    const ns = machine();
    const c = ctx(USER);
    const user = ns.view(c);
    user.writeFile('/home/user/a', 'a');
    let s = user.stat('/home/user/a');
    expect([s.mode, s.uid, s.gid]).toEqual([0o644, 1000, 1000]);
    c.umask = 0o077;
    user.mkdir('/home/user/d');
    s = user.stat('/home/user/d');
    expect([s.mode, s.uid, s.gid]).toEqual([0o700, 1000, 1000]);
    user.writeFile('/srv/shared/f', 'f');
    s = user.stat('/srv/shared/f');
    expect([s.gid, s.mode]).toEqual([27, 0o600]);
    user.mkdir('/srv/shared/sub');
    expect(user.stat('/srv/shared/sub').mode).toBe(0o2700);
  });

  it('lets only the owner remove from a sticky directory', () => {
    const ns = machine();
    const root = ns.view(ctx(ROOT));
    const user = ns.view(ctx(USER));
    const other = ns.view(ctx({ uid: 1001, gid: 1001, groups: [1001] }));
    root.writeFile('/tmp/rootfile', 'r');
    user.writeFile('/tmp/userfile', 'u');
    expect(errno(() => user.unlink('/tmp/rootfile'))).toBe('EPERM');
    expect(errno(() => other.rename('/tmp/userfile', '/tmp/mine'))).toBe('EPERM');
    user.unlink('/tmp/userfile');
    root.unlink('/tmp/rootfile');
    expect(root.readdir('/tmp')).toEqual([]);
  });
});

describe('operations', () => {
  it('mkdir -p, rmdir, unlink with exact errors', () => {
    const fs = machine().view(ctx());
    fs.mkdir('/a/b/c', { recursive: true });
    fs.mkdir('/a/b/c', { recursive: true });
    expect(errno(() => fs.mkdir('/a/b'))).toBe('EEXIST');
    expect(errno(() => fs.mkdir('/etc/passwd', { recursive: true }))).toBe('EEXIST');
    expect(errno(() => fs.mkdir('/etc/passwd/x', { recursive: true }))).toBe('ENOTDIR');
    expect(errno(() => fs.mkdir('/x/y'))).toBe('ENOENT');
    expect(errno(() => fs.rmdir('/a'))).toBe('ENOTEMPTY');
    expect(errno(() => fs.rmdir('/a/b/c/.'))).toBe('EINVAL');
    expect(errno(() => fs.unlink('/a'))).toBe('EISDIR');
    expect(errno(() => fs.rmdir('/etc/passwd'))).toBe('ENOTDIR');
    expect(errno(() => fs.readFile('/a'))).toBe('EISDIR');
    expect(errno(() => fs.writeFile('/a', 'x'))).toBe('EISDIR');
    expect(errno(() => fs.readlink('/a'))).toBe('EINVAL');
    fs.rmdir('/a/b/c');
    expect(fs.readdir('/a/b')).toEqual([]);
  });

  it('writes through a dangling symlink to create its target', () => {
    const fs = machine().view(ctx());
    fs.symlink('/etc/created', '/link');
    expect(fs.exists('/link')).toBe(false);
    fs.writeFile('/link', 'via link');
    expect(fs.readText('/etc/created')).toBe('via link');
    expect(errno(() => fs.symlink('x', '/link'))).toBe('EEXIST');
    fs.unlink('/link');
    expect(fs.exists('/etc/created')).toBe(true);
  });

  it('appends, truncates and renames', () => {
    const fs = machine().view(ctx());
    fs.writeFile('/home/user/log', 'a\n');
    fs.writeFile('/home/user/log', 'b\n', { append: true });
    expect(fs.readText('/home/user/log')).toBe('a\nb\n');
    fs.truncate('/home/user/log', 1);
    expect(fs.readText('/home/user/log')).toBe('a');
    fs.rename('/home/user/log', '/home/user/log.1');
    expect(fs.readdir('/home/user')).toEqual(['log.1']);
  });

  it('chown clears setuid on regular files', () => {
    const fs = machine().view(ctx());
    fs.writeFile('/su', 'x', { mode: 0o4755 });
    expect(fs.stat('/su').mode).toBe(0o4755);
    fs.chown('/su', 1000, -1);
    const s = fs.stat('/su');
    expect([s.uid, s.gid, s.mode]).toEqual([1000, 0, 0o755]);
  });
});

describe('execProbe (what execve reads, in one walk)', () => {
  it('answers for a runnable file as stat, realpath and readFile would', () => {
    const fs = machine().view(ctx(USER, '/usr'));
    const p = fs.execProbe!('bin/ls')!;
    expect(p.abs).toBe(fs.realpath('bin/ls'));
    expect(p.st).toEqual(fs.stat('bin/ls'));
    expect(text(p.data)).toBe(text(fs.readFile('bin/ls')));
  });

  it('leaves every refusal to the long way, so execve keeps its exact error', () => {
    const ns = machine();
    ns.view(ctx()).writeFile('/usr/bin/xonly', '#!/bin/sh\n', { mode: 0o711 });
    const user = ns.view(ctx(USER));
    for (const path of ['/usr/bin/nosuch', '/usr/bin', '/usr/bin/notexec', '/usr/bin/xonly', '/loop/a', '/root/x']) {
      expect(user.execProbe!(path), path).toBeUndefined();
    }
    expect(ns.view(ctx()).execProbe!('/usr/bin/xonly')?.abs).toBe('/usr/bin/xonly');
  });
});

describe('normalize', () => {
  /** The lexical rules alone, component by component. */
  const reference = (path: string): string => {
    const out: string[] = [];
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return '/' + out.join('/');
  };

  it('gives what the lexical rules give, whether or not the path was normal already', () => {
    const path = fc.array(fc.constantFrom('/', '.', '..', 'a', 'bc', '.d'), { maxLength: 10 }).map((xs) => xs.join(''));
    fc.assert(fc.property(path, (p) => {
      expect(normalize(p)).toBe(reference(p));
    }), { numRuns: 2000 });
    for (const p of ['/', '/a', '/a/.b', '/a/..b', '/...', '/a/', '//a', '/a/./b', '/a/../b', '/..', 'a', '']) expect(normalize(p)).toBe(reference(p));
  });
});
