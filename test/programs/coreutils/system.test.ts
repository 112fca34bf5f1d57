/** System facts, environment, time and streaming behaviour. */
import { describe, expect, it } from 'vitest';
import { DEV } from '../../../src/engine/kernel/fsTypes.js';
import { pipeline, world } from './harness.js';

const enc = new TextEncoder();

describe('system facts', () => {
  it('date formats (virtual clock, UTC)', async () => {
    const w = world();
    expect((await w.run('date')).out).toBe('Sat Nov 28 01:02:03 UTC 2026\n');
    expect((await w.run('date -R')).out).toBe('Sat, 28 Nov 2026 01:02:03 +0000\n');
    expect((await w.run('date -I')).out).toBe('2026-11-28\n');
    expect((await w.run('date -Iseconds')).out).toBe('2026-11-28T01:02:03+00:00\n');
    expect((await w.run(['date', '+%Y-%m-%d %H:%M:%S %Z %z %j %a %A %b %B %e %s'])).out).toBe(
      '2026-11-28 01:02:03 UTC +0000 332 Sat Saturday Nov November 28 1795827723\n',
    );
    expect((await w.run(['date', '-d', '@0'])).out).toBe('Thu Jan  1 00:00:00 UTC 1970\n');
    expect((await w.run(['date', '-d', '2 days ago', '+%F'])).out).toBe('2026-11-26\n');
    expect(await w.run(['date', '-d', 'foo'])).toEqual({ out: "date: invalid date 'foo'\n", status: 1 });
  });

  it('uname as Ubuntu prints it', async () => {
    const w = world();
    expect((await w.run('uname')).out).toBe('Linux\n');
    expect((await w.run('uname -a')).out).toBe(
      'Linux host 6.8.0-49-generic #49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n',
    );
    expect((await w.run('uname -rm')).out).toBe('6.8.0-49-generic x86_64\n');
  });

  it('id, whoami, hostname, nproc, tty', async () => {
    const w = world();
    expect((await w.run('id')).out).toBe('uid=1000(user) gid=1000(user) groups=1000(user),4(adm),27(sudo),999(docker)\n');
    expect((await w.run('id root user')).out).toBe('uid=0(root) gid=0(root) groups=0(root)\nuid=1000(user) gid=1000(user) groups=1000(user),4(adm),27(sudo),999(docker)\n');
    expect((await w.run('id -Gn user')).out).toBe('user adm sudo docker\n');
    expect((await w.run('id -u')).out).toBe('1000\n');
    expect(await w.run('id nosuch')).toEqual({ out: "id: 'nosuch': no such user\n", status: 1 });
    // GNU id 9.x on a kernel without SELinux; its die() errors have no `Try` line.
    expect(await w.run('id -Z -u')).toEqual({ out: 'id: --context (-Z) works only on an SELinux-enabled kernel\n', status: 1 });
    expect(await w.run('id -u -g')).toEqual({ out: 'id: cannot print "only" of more than one choice\n', status: 1 });
    expect(await w.run('id -n')).toEqual({ out: 'id: cannot print only names or real IDs in default format\n', status: 1 });
    expect((await w.run('whoami', { uid: 0 })).out).toBe('root\n');
    expect((await w.run('hostname')).out).toBe('host\n');
    expect(await w.run('hostname web')).toEqual({ out: 'hostname: you must be root to change the host name\n', status: 1 });
    expect(await w.run('hostname web', { uid: 0 })).toEqual({ out: '', status: 0 });
    expect((await w.run('nproc')).out).toBe('2\n');
    expect(await w.run('tty')).toEqual({ out: 'not a tty\n', status: 1 });
    expect(await w.run('tty', { tty: true })).toEqual({ out: '/dev/pts/0\n', status: 0 });
    expect((await w.run('clear', { tty: true })).out).toBe('\x1b[H\x1b[2J\x1b[3J');
  });

  it('env, printenv, which', async () => {
    const w = world();
    expect((await w.run(['env', '-i', 'A=1', 'B=2'])).out).toBe('A=1\nB=2\n');
    expect((await w.run(['env', 'FOO=bar', 'printenv', 'FOO'])).out).toBe('bar\n');
    expect(await w.run(['env', 'nosuch'])).toEqual({ out: "env: 'nosuch': No such file or directory\n", status: 127 });
    expect(await w.run(['env', '/etc/passwd'])).toEqual({ out: "env: '/etc/passwd': Permission denied\n", status: 126 });
    // With no PATH, execvp falls back to /bin:/usr/bin.
    expect(await w.run(['env', '-i', 'ls', '/usr/bin/ls'])).toEqual({ out: '/usr/bin/ls\n', status: 0 });
    expect(await w.run(['printenv', 'HOME', 'NOPE'])).toEqual({ out: '/home/user\n', status: 1 });
    expect(await w.run(['which', 'ls', 'nope', 'cat'])).toEqual({ out: '/usr/bin/ls\n/usr/bin/cat\n', status: 1 });
  });

  it('stty switches the terminal modes', async () => {
    const w = world();
    let seen: unknown;
    await w.run('stty raw -echo', { tty: true, tick: (ww) => (seen = [...ww.kernel.ttys.values()][0]?.termios) });
    expect(w.kernel.ttyAt(w.kernel.rootMnt, 0)!.termios).toMatchObject({ icanon: false, isig: false, echo: false });
    void seen;
    expect(await w.run('stty')).toEqual({ out: "stty: 'standard input': Inappropriate ioctl for device\n", status: 1 });
  });
});

describe('time and streams', () => {
  it('sleep takes virtual time and rejects bad intervals', async () => {
    const w = world();
    expect(await w.run('sleep 1.5 1m')).toEqual({ out: '', status: 0 });
    expect(w.kernel.clock.now()).toBeGreaterThanOrEqual(61500);
    expect(await w.run('sleep 5x')).toEqual({ out: "sleep: invalid time interval '5x'\nTry 'sleep --help' for more information.\n", status: 1 });
  });

  it('yes | head -n 3 ends yes with SIGPIPE', async () => {
    const w = world();
    expect(await pipeline(w, ['yes'], ['head', '-n', '3'])).toEqual({ out: 'y\ny\ny\n', statuses: [141, 0] });
    expect(await pipeline(w, ['seq', '100000'], ['tail', '-n', '2'])).toEqual({ out: '99999\n100000\n', statuses: [0, 0] });
    expect(await pipeline(w, ['seq', '5'], ['xargs', 'echo', 'n:'])).toEqual({ out: 'n: 1 2 3 4 5\n', statuses: [0, 0] });
  });

  it('head and tail take the size suffixes GNU does, m included, and tail streams what it does not hold', async () => {
    const w = world();
    w.fs.mknod('/dev/zero', 'chardev', 0o666, DEV.zero, 0, 0);
    expect(await pipeline(w, ['head', '-c', '3m', '/dev/zero'], ['tail', '-c', '+3145727'])).toEqual({ out: '\0\0', statuses: [0, 0] });
    expect(await pipeline(w, ['head', '-c', '2M', '/dev/zero'], ['tail', '-c', '3'])).toEqual({ out: '\0\0\0', statuses: [0, 0] });
    expect((await pipeline(w, ['head', '-c', '1mB', '/dev/zero'], ['tail'])).out).toHaveLength(1_000_000);
    expect(await pipeline(w, ['seq', '20'], ['tail', '-n', '+19'])).toEqual({ out: '19\n20\n', statuses: [0, 0] });
  });

  it('tail -f prints what is appended, polling each second', async () => {
    const w = world();
    w.file('/home/user/log', 'one\n', 0o644, 1000);
    const r = await w.run('tail -f log', {
      limitMs: 5000,
      tick: (ww, s) => {
        if (s === 2) ww.fs.writeFile('/home/user/log', enc.encode('two\n'), { append: true, mode: 0o644, uid: 1000, gid: 1000 });
      },
    });
    expect(r).toEqual({ out: 'one\ntwo\n', status: 137 });
  });

  it('cat copies a terminal line by line as lines are typed', async () => {
    const w = world();
    let shown = '';
    const r = await w.run('cat', {
      tty: true,
      limitMs: 4000,
      tick: (_ww, s, tty) => {
        if (s === 1) {
          tty!.onOutput((d) => (shown += d)).dispose();
          tty!.input('hello\n');
        }
        if (s === 2) tty!.input('\x04');
      },
    });
    void shown;
    expect(r).toEqual({ out: 'hello\nhello\n', status: 0 });
  });

  it('--help and --version', async () => {
    const w = world();
    const help = (await w.run('mkdir --help')).out;
    expect(help.split('\n').slice(0, 2)).toEqual(['Usage: mkdir [OPTION]... DIRECTORY...', 'Create the DIRECTORY(ies), if they do not already exist.']);
    expect(help).toContain('  -p, --parents     no error if existing, make parent directories as needed,\n');
    expect(help.endsWith("or available locally via: info '(coreutils) mkdir invocation'\n")).toBe(true);
    expect((await w.run('ls --version')).out).toBe(
      'ls (GNU coreutils) 9.4\nCopyright (C) 2023 Free Software Foundation, Inc.\n' +
        'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n' +
        'This is free software: you are free to change and redistribute it.\n' +
        'There is NO WARRANTY, to the extent permitted by law.\n\nWritten by Richard M. Stallman and David MacKenzie.\n',
    );
    expect((await w.run('grep -V')).out.split('\n')[0]).toBe('grep (GNU grep) 3.11');
    expect((await w.run('grep --help')).out.split('\n')[0]).toBe('Usage: grep [OPTION]... PATTERNS [FILE]...');
    expect((await w.run(['[', '--help'])).out.split('\n')[0]).toBe('Usage: test EXPRESSION');
    expect((await w.run('grep --version')).out.split('\n')[0]).toBe('grep (GNU grep) 3.11');
  });
});
