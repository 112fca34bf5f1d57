/** File-changing programs: transcripts in GNU's words, and the filesystem state they leave. */
import { describe, expect, it } from 'vitest';
import { world } from './harness.js';

describe('mkdir, rmdir, rm', () => {
  it('mkdir -p -v -m and its errors', async () => {
    const w = world();
    expect(await w.run('mkdir -pv a/b/c')).toEqual({
      out: "mkdir: created directory 'a'\nmkdir: created directory 'a/b'\nmkdir: created directory 'a/b/c'\n",
      status: 0,
    });
    expect(await w.run('mkdir a x')).toEqual({ out: "mkdir: cannot create directory 'a': File exists\n", status: 1 });
    expect(w.fs.nodes.has('/home/user/x')).toBe(true);
    expect(await w.run('mkdir a', { env: { LANG: 'C.UTF-8' } })).toEqual({ out: 'mkdir: cannot create directory ‘a’: File exists\n', status: 1 });
    w.dir('/root', 0o700);
    expect(await w.run('mkdir /root/x')).toEqual({ out: "mkdir: cannot create directory '/root/x': Permission denied\n", status: 1 });
    await w.run('mkdir -m 700 m1 && true');
    await w.run('mkdir -m u=rwx,g=rx m2');
    expect(w.fs.nodes.get('/home/user/m2')!.mode).toBe(0o757);
    expect(await w.run('mkdir -m x y')).toEqual({ out: "mkdir: invalid mode 'x'\n", status: 1 });
  });

  it('rmdir and rm report per file and carry on', async () => {
    const w = world();
    w.dir('/home/user/d', 0o755, 1000);
    w.file('/home/user/d/f', 'x', 0o644, 1000);
    w.file('/home/user/g', '', 0o644, 1000);
    expect(await w.run('rmdir d nope')).toEqual({
      out: "rmdir: failed to remove 'd': Directory not empty\nrmdir: failed to remove 'nope': No such file or directory\n",
      status: 1,
    });
    expect(await w.run('rm d nope g')).toEqual({
      out: "rm: cannot remove 'd': Is a directory\nrm: cannot remove 'nope': No such file or directory\n",
      status: 1,
    });
    expect(w.fs.nodes.has('/home/user/g')).toBe(false);
    expect(await w.run('rm -rv d')).toEqual({ out: "removed 'd/f'\nremoved directory 'd'\n", status: 0 });
    expect(await w.run('rm -f nope')).toEqual({ out: '', status: 0 });
    expect(await w.run('rm -r /')).toEqual({
      out: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
      status: 1,
    });
    expect(await w.run('rm -r .')).toEqual({ out: "rm: refusing to remove '.' or '..' directory: skipping '.'\n", status: 1 });
    expect(await w.run('rm /etc/passwd')).toEqual({ out: "rm: cannot remove '/etc/passwd': Permission denied\n", status: 1 });
  });

  it('rm -i asks on the terminal', async () => {
    const w = world();
    w.file('/home/user/a', '', 0o644, 1000);
    w.file('/home/user/b', 'x', 0o444, 1000);
    const typing = (keys: string) => ({ tty: true, tick: (_w: unknown, s: number, tty: { input(k: string): void } | null) => s === 1 && tty!.input(keys) });
    const r = await w.run('rm -i a', typing('n\n'));
    expect(r.out).toBe("rm: remove regular empty file 'a'? n\n");
    expect(w.fs.nodes.has('/home/user/a')).toBe(true);
    expect((await w.run('rm b', typing('y\n'))).out).toBe("rm: remove write-protected regular file 'b'? y\n");
    expect(w.fs.nodes.has('/home/user/b')).toBe(false);
  });
});

describe('cp, mv, ln, touch', () => {
  it('cp files and trees', async () => {
    const w = world();
    w.file('/home/user/a', 'hello\n', 0o640, 1000);
    w.dir('/home/user/d', 0o755, 1000);
    w.file('/home/user/d/x', 'x\n', 0o600, 1000);
    expect(await w.run('cp -v a b')).toEqual({ out: "'a' -> 'b'\n", status: 0 });
    expect(w.fs.nodes.get('/home/user/b')!.mode).toBe(0o640);
    expect(await w.run('cp d e')).toEqual({ out: "cp: -r not specified; omitting directory 'd'\n", status: 1 });
    expect(await w.run('cp -r d e')).toEqual({ out: '', status: 0 });
    expect((await w.run('cat e/x')).out).toBe('x\n');
    expect(await w.run('cp -r d d/sub')).toEqual({ out: "cp: cannot copy a directory, 'd', into itself, 'd/sub'\n", status: 1 });
    expect(await w.run('cp a d')).toEqual({ out: '', status: 0 });
    expect((await w.run('cat d/a')).out).toBe('hello\n');
    expect(await w.run('cp a /etc/x')).toEqual({ out: "cp: cannot create regular file '/etc/x': Permission denied\n", status: 1 });
    expect(await w.run('cp nope a b')).toEqual({ out: "cp: target 'b' is not a directory\n", status: 1 });
  });

  it('mv renames and moves into directories', async () => {
    const w = world();
    w.file('/home/user/a', 'A', 0o644, 1000);
    w.dir('/home/user/d', 0o755, 1000);
    expect(await w.run('mv -v a b')).toEqual({ out: "renamed 'a' -> 'b'\n", status: 0 });
    expect(await w.run('mv b d')).toEqual({ out: '', status: 0 });
    expect((await w.run('cat d/b')).out).toBe('A');
    expect(await w.run('mv nope x')).toEqual({ out: "mv: cannot stat 'nope': No such file or directory\n", status: 1 });
    expect(await w.run('mv d d/x')).toEqual({ out: "mv: cannot move 'd' to a subdirectory of itself, 'd/x'\n", status: 1 });
  });

  it('ln -s, -f and hard links', async () => {
    const w = world();
    w.file('/home/user/a', 'A', 0o644, 1000);
    expect(await w.run('ln -sv a l')).toEqual({ out: "'l' -> 'a'\n", status: 0 });
    expect(await w.run('ln -s a l')).toEqual({ out: "ln: failed to create symbolic link 'l': File exists\n", status: 1 });
    expect(await w.run('ln -sf /etc/passwd l')).toEqual({ out: '', status: 0 });
    expect((await w.run('readlink l')).out).toBe('/etc/passwd\n');
    expect((await w.run('ln a h')).status).toBe(1);
  });

  it('touch creates files and sets times', async () => {
    const w = world();
    expect(await w.run('touch new')).toEqual({ out: '', status: 0 });
    expect(w.fs.nodes.get('/home/user/new')!.mode).toBe(0o644);
    await w.run('touch -d 2020-01-02T03:04:05 new');
    expect(w.fs.nodes.get('/home/user/new')!.mtimeMs).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    expect(await w.run('touch -c nope')).toEqual({ out: '', status: 0 });
    expect(await w.run('touch /etc/x nope/y')).toEqual({
      out: "touch: cannot touch '/etc/x': Permission denied\ntouch: cannot touch 'nope/y': No such file or directory\n",
      status: 1,
    });
  });
});

describe('chmod, chown', () => {
  it('octal and symbolic modes, -v, -R', async () => {
    const w = world();
    w.file('/home/user/e', '', 0o644, 1000);
    w.dir('/home/user/d', 0o755, 1000);
    w.file('/home/user/d/f', '', 0o644, 1000);
    expect((await w.run('chmod -v 600 e')).out).toBe("mode of 'e' changed from 0644 (rw-r--r--) to 0600 (rw-------)\n");
    expect((await w.run('chmod -v 600 e')).out).toBe("mode of 'e' retained as 0600 (rw-------)\n");
    await w.run('chmod u+x,go+r e');
    expect(w.fs.nodes.get('/home/user/e')!.mode).toBe(0o744);
    await w.run('chmod -x e');
    expect(w.fs.nodes.get('/home/user/e')!.mode).toBe(0o644);
    await w.run('chmod -R g+w d');
    expect([w.fs.nodes.get('/home/user/d')!.mode, w.fs.nodes.get('/home/user/d/f')!.mode]).toEqual([0o775, 0o664]);
    await w.run('chmod +t d');
    expect((await w.run('stat -c %A d')).out).toBe('drwxrwxr-t\n');
    expect(await w.run('chmod 644 /etc/passwd')).toEqual({ out: "chmod: changing permissions of '/etc/passwd': Operation not permitted\n", status: 1 });
    expect(await w.run('chmod x e')).toEqual({ out: "chmod: invalid mode: 'x'\nTry 'chmod --help' for more information.\n", status: 1 });
    expect(await w.run('chmod 755')).toEqual({ out: "chmod: missing operand after '755'\nTry 'chmod --help' for more information.\n", status: 1 });
  });

  it('chown needs root', async () => {
    const w = world();
    w.file('/home/user/e', '', 0o644, 1000);
    expect(await w.run('chown root e')).toEqual({ out: "chown: changing ownership of 'e': Operation not permitted\n", status: 1 });
    expect(await w.run('chown nosuch e')).toEqual({ out: "chown: invalid user: 'nosuch'\n", status: 1 });
    expect(await w.run('chown -v root /home/user/e', { uid: 0 })).toEqual({ out: "changed ownership of '/home/user/e' from user to root\n", status: 0 });
    expect(await w.run('chown -v daemon:adm /home/user/e', { uid: 0 })).toEqual({ out: "changed ownership of '/home/user/e' from root:user to daemon:adm\n", status: 0 });
  });
});

describe('stat, readlink, mktemp, du, df', () => {
  it('stat default format', async () => {
    const w = world();
    w.file('/home/user/f1', 'abc', 0o755, 1000);
    const ino = w.fs.nodes.get('/home/user/f1')!.ino;
    expect((await w.run('stat f1')).out).toBe(
      '  File: f1\n' +
        `  Size: 3         \tBlocks: 8          IO Block: 4096   regular file\n` +
        `Device: 8,1\tInode: ${String(ino).padEnd(11)} Links: 1\n` +
        'Access: (0755/-rwxr-xr-x)  Uid: ( 1000/    user)   Gid: ( 1000/    user)\n' +
        'Access: 2026-11-28 01:02:03.000000000 +0000\n' +
        'Modify: 2026-11-28 01:02:03.000000000 +0000\n' +
        'Change: 2026-11-28 01:02:03.000000000 +0000\n' +
        ' Birth: -\n',
    );
    expect((await w.run('stat /dev/null')).out.split('\n')[2]).toMatch(/^Device: 8,1\tInode: \d+ +Links: 1     Device type: 1,3$/);
    expect((await w.run(['stat', '-c', '%n %s %a %U:%G %F', 'f1', '/tmp'])).out).toBe('f1 3 755 user:user regular file\n/tmp 4096 1777 root:root directory\n');
  });

  it('readlink -f and realpath resolve links', async () => {
    const w = world();
    w.link('/home/user/l', '/etc/../etc/passwd');
    expect((await w.run('readlink -f l nope/x')).out).toBe('/etc/passwd\n');
    expect((await w.run('readlink -m /a/../b/./c')).out).toBe('/b/c\n');
    expect((await w.run('realpath l')).out).toBe('/etc/passwd\n');
  });

  it('mktemp makes private files and directories from seeded names', async () => {
    const w = world();
    const f = await w.run('mktemp');
    expect(f.out).toMatch(/^\/tmp\/tmp\.[A-Za-z0-9]{10}\n$/);
    expect(w.fs.nodes.get(f.out.trim())!.mode).toBe(0o600);
    const d = await w.run('mktemp -d');
    expect(w.fs.nodes.get(d.out.trim())!.type).toBe('dir');
    expect(await w.run('mktemp XX')).toEqual({ out: "mktemp: too few X's in template 'XX'\n", status: 1 });
  });

  it('du and df', async () => {
    const w = world();
    w.dir('/home/user/d', 0o755, 1000);
    w.file('/home/user/d/big', 'x'.repeat(5000), 0o644, 1000);
    expect((await w.run('du')).out).toBe('12\t./d\n16\t.\n');
    expect((await w.run('du -sh d')).out).toBe('12K\td\n');
    expect((await w.run('du -a d')).out).toBe('8\td/big\n12\td\n');
    expect(await w.run('du nope')).toEqual({ out: "du: cannot access 'nope': No such file or directory\n", status: 1 });
    const df = (await w.run('df')).out.split('\n');
    expect(df[0]).toBe('Filesystem     1K-blocks  Used Available Use% Mounted on');
    expect(df[1]).toMatch(/^\/dev\/sda1       61202244 +\d+ +\d+ +1% \/$/);
    expect((await w.run('df -h')).out.split('\n')[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
  });
});
