import { describe, expect, it } from 'vitest';
import { host, run, USER } from './harness.js';

const BOB = { uid: 1001, gid: 1001, groups: [1001] };

describe('sudo', () => {
  it('runs the command as root with a reset environment and SUDO_* set (NOPASSWD rule)', async () => {
    const r = await run(host(), ['sudo', 'id', '-x'], { env: { HOME: '/home/user', TERM: 'xterm', FOO: 'bar', PATH: '/usr/bin' } });
    expect(r.out).toBe(
      'argv=id -x uid=0 euid=0 gid=0 groups=0 cwd=/\n' +
        'HOME=/root\nUSER=root\nLOGNAME=root\nSHELL=/bin/bash\n' +
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin\n' +
        'SUDO_USER=user\nSUDO_UID=1000\nSUDO_COMMAND=/usr/bin/id -x\nTERM=xterm\n',
    );
    expect(r.status).toBe(3);
  });

  it('reports a command it cannot find on secure_path', async () => {
    const r = await run(host(), ['sudo', 'nosuch']);
    expect(r.out).toBe('sudo: nosuch: command not found\n');
    expect(r.status).toBe(1);
  });

  it('asks a user outside sudoers for a password, then refuses', async () => {
    const r = await run(host(), ['sudo', 'id'], { cred: BOB, input: ['hunter2\r'] });
    expect(r.out).toBe('[sudo] password for bob: \nbob is not in the sudoers file.\n');
    expect(r.status).toBe(1);
  });

  it('-u runs as another user with their groups; -i starts a login shell in their home', async () => {
    const h = host();
    const r = await run(h, ['sudo', '-u', 'bob', 'id']);
    expect(r.out.split('\n')[0]).toBe('argv=id uid=1001 euid=1001 gid=1001 groups=1001 cwd=/');
    const i = await run(h, ['sudo', '-i']);
    expect(i.out.split('\n')[0]).toBe('argv=-bash uid=0 euid=0 gid=0 groups=0 cwd=/root');
    const c = await run(h, ['sudo', '-i', 'echo', 'a b']);
    expect(c.out.split('\n')[0]).toBe('argv=-bash -c echo a\\ b uid=0 euid=0 gid=0 groups=0 cwd=/root');
  });

  it('unknown -u user', async () => {
    const r = await run(host(), ['sudo', '-u', 'nobody2', 'id']);
    expect(r.out).toBe('sudo: unknown user nobody2\n');
  });

  it('-l lists the rules and defaults', async () => {
    const r = await run(host(), ['sudo', '-l']);
    expect(r.out).toBe(
      'Matching Defaults entries for user on dockersim:\n' +
        '    env_reset, secure_path=/usr/local/sbin\\:/usr/local/bin\\:/usr/sbin\\:/usr/bin\\:/sbin\\:/bin\\:/snap/bin\n\n' +
        'User user may run the following commands on dockersim:\n    (ALL : ALL) ALL\n    (ALL) NOPASSWD: ALL\n',
    );
  });
});

describe('su', () => {
  it('root switches with `su - user`: login shell, clean env, home, initgroups', async () => {
    const r = await run(host(), ['su', '-', 'user'], { cred: { uid: 0, gid: 0, groups: [0] }, env: { TERM: 'xterm', FOO: 'x', HOME: '/root' } });
    expect(r.out).toBe(
      'argv=-bash uid=1000 euid=1000 gid=1000 groups=1000,4,27 cwd=/home/user\n' +
        'HOME=/home/user\nUSER=user\nLOGNAME=user\nSHELL=/bin/bash\nPATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games\nTERM=xterm\n',
    );
    expect(r.status).toBe(3);
  });

  it('-c runs a command through the shell', async () => {
    const r = await run(host(), ['su', '-c', 'whoami', 'bob'], { cred: { uid: 0, gid: 0, groups: [0] } });
    expect(r.out.split('\n')[0]).toBe('argv=bash -c whoami uid=1001 euid=1001 gid=1001 groups=1001 cwd=/');
  });

  it('a user is asked for a password and fails', async () => {
    const r = await run(host(), ['su', '-'], { cred: USER, input: ['secret\r'] });
    expect(r.out).toBe('Password: \nsu: Authentication failure\n');
    expect(r.status).toBe(1);
  });

  it('an unknown user', async () => {
    const r = await run(host(), ['su', 'ghost'], { cred: { uid: 0, gid: 0, groups: [0] } });
    expect(r.out).toBe('su: user ghost does not exist or the user entry does not contain all the required fields\n');
  });
});
