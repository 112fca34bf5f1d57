import { describe, expect, it } from 'vitest';
import { host, readFile, ROOT, run, USER } from './harness.js';

describe('usermod, groupadd, useradd, gpasswd', () => {
  it('usermod -aG adds the user to a group; a user without root is refused', async () => {
    const h = host();
    expect(await run(h, ['/usr/sbin/usermod', '-aG', 'docker', 'user'])).toEqual({
      out: 'usermod: Permission denied.\nusermod: cannot lock /etc/passwd; try again later.\n',
      status: 1,
    });
    expect((await run(h, ['/usr/sbin/usermod', '-aG', 'docker', 'user'], { cred: ROOT })).status).toBe(0);
    expect(readFile(h, '/etc/group')).toContain('\ndocker:x:999:user\n');
    expect(readFile(h, '/etc/group')).toContain('\nsudo:x:27:user\n');
  });

  it('usermod -G replaces the supplementary groups; unknown names', async () => {
    const h = host();
    expect((await run(h, ['/usr/sbin/usermod', '-G', 'docker', 'user'], { cred: ROOT })).status).toBe(0);
    expect(readFile(h, '/etc/group')).toBe('root:x:0:\nadm:x:4:\nsudo:x:27:\ndocker:x:999:user\nuser:x:1000:\nbob:x:1001:\n');
    expect(await run(h, ['/usr/sbin/usermod', '-aG', 'nogroup', 'user'], { cred: ROOT })).toEqual({ out: "usermod: group 'nogroup' does not exist\n", status: 6 });
    expect(await run(h, ['/usr/sbin/usermod', '-aG', 'docker', 'zed'], { cred: ROOT })).toEqual({ out: "usermod: user 'zed' does not exist\n", status: 6 });
  });

  it('groupadd and useradd append entries with the next free ids', async () => {
    const h = host();
    expect((await run(h, ['/usr/sbin/groupadd', 'devs'], { cred: ROOT })).status).toBe(0);
    expect(await run(h, ['/usr/sbin/groupadd', 'devs'], { cred: ROOT })).toEqual({ out: "groupadd: group 'devs' already exists\n", status: 9 });
    expect((await run(h, ['/usr/sbin/useradd', '-m', '-s', '/bin/bash', 'carol'], { cred: ROOT })).status).toBe(0);
    expect(readFile(h, '/etc/passwd')).toContain('\ncarol:x:1002:1003::/home/carol:/bin/bash\n');
    expect(readFile(h, '/etc/group')).toContain('\ndevs:x:1002:\ncarol:x:1003:\n');
    expect(h.root.lstat('/home/carol').uid).toBe(1002);
  });

  it('gpasswd -a / -d', async () => {
    const h = host();
    expect(await run(h, ['gpasswd', '-a', 'bob', 'docker'], { cred: ROOT })).toEqual({ out: 'Adding user bob to group docker\n', status: 0 });
    expect(readFile(h, '/etc/group')).toContain('\ndocker:x:999:bob\n');
    expect(await run(h, ['gpasswd', '-d', 'bob', 'docker'], { cred: ROOT })).toEqual({ out: 'Removing user bob from group docker\n', status: 0 });
  });
});

describe('groups, getent, newgrp', () => {
  it('groups: the process groups, or a user’s from /etc/group', async () => {
    const h = host();
    expect((await run(h, ['groups'])).out).toBe('user adm sudo\n');
    expect((await run(h, ['groups', 'user', 'nobody9'], { env: { LANG: 'C' } })).out).toBe("user : user adm sudo\ngroups: 'nobody9': no such user\n");
  });

  it('a group added with usermod shows after `su - user`, not in the running session', async () => {
    const h = host();
    await run(h, ['/usr/sbin/usermod', '-aG', 'docker', 'user'], { cred: ROOT });
    expect((await run(h, ['groups'])).out).toBe('user adm sudo\n');
    expect((await run(h, ['su', '-', 'user'], { cred: ROOT })).out.split('\n')[0]).toBe(
      'argv=-bash uid=1000 euid=1000 gid=1000 groups=1000,4,27,999 cwd=/home/user',
    );
  });

  it('getent passwd/group/hosts with and without keys', async () => {
    const h = host();
    expect((await run(h, ['getent', 'passwd', 'user', '0'])).out).toBe('user:x:1000:1000:user:/home/user:/bin/bash\nroot:x:0:0:root:/root:/bin/bash\n');
    expect(await run(h, ['getent', 'group', 'nope'])).toEqual({ out: '', status: 2 });
    expect((await run(h, ['getent', 'hosts', 'localhost'])).out).toBe('127.0.0.1       localhost\n');
    expect(await run(h, ['getent', 'foo'])).toEqual({
      out: "Unknown database: foo\nTry `getent --help' or `getent --usage' for more information.\n",
      status: 1,
    });
  });

  it('newgrp starts the shell with the group (member), and refuses a non-member', async () => {
    const h = host();
    await run(h, ['gpasswd', '-a', 'user', 'docker'], { cred: ROOT });
    const r = await run(h, ['newgrp', 'docker'], { cred: USER });
    expect(r.out.split('\n')[0]).toBe('argv=bash uid=1000 euid=1000 gid=999 groups=1000,4,27,999 cwd=/');
    const bob = await run(h, ['newgrp', 'docker'], { cred: { uid: 1001, gid: 1001, groups: [1001] }, input: ['x\r'] });
    expect(bob).toEqual({ out: 'Password: \nInvalid password.\n', status: 1 });
  });
});
