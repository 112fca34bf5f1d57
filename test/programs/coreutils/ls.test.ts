/** ls transcripts; formats checked against GNU ls 9.1 on the same tree (owners and times adapted). */
import { describe, expect, it } from 'vitest';
import { BOOT, world, type World } from './harness.js';

const DAY = 86400000;

function tree(): World {
  const w = world();
  w.dir('/home/user/d1', 0o755, 1000);
  w.dir('/home/user/d2', 0o755, 1000);
  w.file('/home/user/f1', 'abc', 0o755, 1000);
  w.file('/home/user/plain', 'x'.repeat(5000), 0o644, 1000, BOOT - 400 * DAY);
  w.link('/home/user/l1', 'f1');
  w.link('/home/user/broken', 'nope');
  return w;
}

describe('ls', () => {
  it('lists one name per line when stdout is not a terminal', async () => {
    expect(await tree().run('ls')).toEqual({ out: 'broken\nd1\nd2\nf1\nl1\nplain\n', status: 0 });
  });

  it('lays names out in columns on a terminal, padding with tabs like GNU', async () => {
    expect((await tree().run('ls', { tty: true, cols: 30 })).out).toBe('broken\td1  d2\tf1  l1\tplain\n');
    const w = world();
    for (const n of ['aaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbb', 'cc', 'dddd', 'eeeeeeeeeeeeeeeeeeeeeeeee', 'ffff', 'g', 'h']) w.file(`/home/user/${n}`, '', 0o644, 1000);
    // GNU: ls -C -w 60 on the same names.
    expect((await w.run('ls -C -w 60')).out).toBe(
      'aaaaaaaaaaaa\t     cc    eeeeeeeeeeeeeeeeeeeeeeeee  g\nbbbbbbbbbbbbbbbbbbb  dddd  ffff\t\t\t      h\n',
    );
    expect((await w.run('ls -x -w 60')).out).toBe(
      'aaaaaaaaaaaa\t\t   bbbbbbbbbbbbbbbbbbb\tcc  dddd\neeeeeeeeeeeeeeeeeeeeeeeee  ffff\t\t\tg   h\n',
    );
  });

  it('-Z shows the security context, `?` without SELinux (GNU ls 9.1 in a container)', async () => {
    expect((await tree().run('ls -Z')).out).toBe('? broken\n? d1\n? d2\n? f1\n? l1\n? plain\n');
    expect((await tree().run('ls -lZ d1 f1')).out).toMatch(/^-rwxr-xr-x 1 user user \? 3 \w{3} [ \d]\d \d\d:\d\d f1\n/);
  });

  it('long format: total, modes, links, owners, sizes, recent and old dates, link targets', async () => {
    expect(await tree().run('ls -l')).toEqual({
      out:
        'total 20\n' +
        'lrwxrwxrwx 1 root root    4 Nov 28 01:02 broken -> nope\n' +
        'drwxr-xr-x 2 user user 4096 Nov 28 01:02 d1\n' +
        'drwxr-xr-x 2 user user 4096 Nov 28 01:02 d2\n' +
        '-rwxr-xr-x 1 user user    3 Nov 28 01:02 f1\n' +
        'lrwxrwxrwx 1 root root    2 Nov 28 01:02 l1 -> f1\n' +
        '-rw-r--r-- 1 user user 5000 Oct 24  2025 plain\n',
      status: 0,
    });
  });

  it('-la adds . and .., -n numeric ids, -h human sizes, devices show major, minor', async () => {
    const w = tree();
    expect((await w.run('ls -la')).out.split('\n').slice(0, 3)).toEqual([
      'total 28',
      'drwxr-x--- 4 user user 4096 Nov 28 01:02 .',
      'drwxr-xr-x 3 root root 4096 Nov 28 01:02 ..',
    ]);
    expect((await w.run('ls -n f1')).out).toBe('-rwxr-xr-x 1 1000 1000 3 Nov 28 01:02 f1\n');
    expect((await w.run('ls -lh /dev /home')).out).toBe(
      '/dev:\ntotal 0\ncrw-rw-rw- 1 root root 1, 3 Nov 28 01:02 null\n\n/home:\ntotal 4.0K\ndrwxr-x--- 4 user user 4.0K Nov 28 01:02 user\n',
    );
  });

  it('shows setuid, setgid and sticky bits', async () => {
    const w = world();
    w.file('/x/suid', '', 0o4755);
    w.file('/x/sgid', '', 0o2644);
    w.dir('/x/tmp', 0o1777);
    w.dir('/x/t', 0o1700);
    const out = (await w.run('ls -l /x')).out;
    expect(out.split('\n').map((l) => l.slice(0, 10))).toEqual(['total 8', '-rw-r-Sr--', '-rwsr-xr-x', 'drwx-----T', 'drwxrwxrwt', '']);
  });

  it('colours names on a terminal with --color=auto, never into a pipe', async () => {
    const w = tree();
    expect((await w.run(['ls', '--color=auto'], { tty: true })).out).toBe(
      '\x1b[0m\x1b[01;36mbroken\x1b[0m\t\x1b[01;34md1\x1b[0m  \x1b[01;34md2\x1b[0m\t\x1b[01;32mf1\x1b[0m  \x1b[01;36ml1\x1b[0m\tplain\n',
    );
    expect((await w.run(['ls', '--color=auto'])).out).toBe('broken\nd1\nd2\nf1\nl1\nplain\n');
    expect((await w.run(['ls', '-l', '--color=always', 'l1', 'd1'])).out).toBe(
      'lrwxrwxrwx 1 root root 2 Nov 28 01:02 \x1b[0m\x1b[01;36ml1\x1b[0m -> f1\n\nd1:\ntotal 0\n',
    );
    const dircolors = { LS_COLORS: 'rs=0:di=01;34:ln=01;36:mi=00:or=40;31;01:ex=01;32:*.tar=01;31' };
    expect((await w.run(['ls', '-l', '--color=always', 'broken', 'l1'], { env: dircolors })).out).toBe(
      'lrwxrwxrwx 1 root root 4 Nov 28 01:02 \x1b[0m\x1b[40;31;01mbroken\x1b[0m -> \x1b[40;31;01mnope\x1b[0m\n' +
        'lrwxrwxrwx 1 root root 2 Nov 28 01:02 \x1b[01;36ml1\x1b[0m -> \x1b[01;32mf1\x1b[0m\n',
    );
  });

  it('-F, -i, -d, -r, -t, -S, -R', async () => {
    const w = tree();
    expect((await w.run('ls -F')).out).toBe('broken@\nd1/\nd2/\nf1*\nl1@\nplain\n');
    expect((await w.run('ls -i d1 f1')).out).toMatch(/^\d+ f1\n\nd1:\n$/);
    expect((await w.run('ls -d d1 .')).out).toBe('.\nd1\n');
    expect((await w.run('ls -r')).out).toBe('plain\nl1\nf1\nd2\nd1\nbroken\n');
    expect((await w.run('ls -S f1 plain d1 -d')).out).toBe('plain\nd1\nf1\n');
    expect((await w.run('ls -t plain f1')).out).toBe('f1\nplain\n');
    w.file('/home/user/d1/inner', 'i', 0o644, 1000);
    expect((await w.run('ls -R d1 d2')).out).toBe('d1:\ninner\n\nd2:\n');
  });

  it('reports missing files (exit 2) and unreadable directories', async () => {
    const w = tree();
    w.dir('/secret', 0o700);
    expect(await w.run('ls nope f1')).toEqual({ out: "ls: cannot access 'nope': No such file or directory\nf1\n", status: 2 });
    expect(await w.run('ls /secret')).toEqual({ out: "ls: cannot open directory '/secret': Permission denied\n", status: 2 });
    expect(await w.run('ls --color=sometimes')).toEqual({
      out: "ls: invalid argument 'sometimes' for '--color'\nValid arguments are:\n  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n  - 'auto', 'tty', 'if-tty'\nTry 'ls --help' for more information.\n",
      status: 2,
    });
  });
});
