import { describe, expect, it } from 'vitest';
import { JAMMY_BASE } from '../../../src/engine/rootfs/packages/jammy.js';
import { NOBLE_BASE } from '../../../src/engine/rootfs/packages/noble.js';
import { ubuntuTree } from '../../../src/engine/rootfs/ubuntu.js';
import { executables, modeOf, orphanEntries, programAt, resolve, text } from './tree-check.js';

const noble = ubuntuTree('24.04', NOBLE_BASE);
const jammy = ubuntuTree('22.04', JAMMY_BASE);

describe('ubuntu:24.04', () => {
  it('has the exact 24.04.1 os-release, reached through the /etc symlink', () => {
    expect(noble['/etc/os-release']).toMatchObject({ type: 'symlink', target: '../usr/lib/os-release' });
    expect(text(noble, '/etc/os-release')).toBe(
      'PRETTY_NAME="Ubuntu 24.04.1 LTS"\n' +
        'NAME="Ubuntu"\n' +
        'VERSION_ID="24.04"\n' +
        'VERSION="24.04.1 LTS (Noble Numbat)"\n' +
        'VERSION_CODENAME=noble\n' +
        'ID=ubuntu\n' +
        'ID_LIKE=debian\n' +
        'HOME_URL="https://www.ubuntu.com/"\n' +
        'SUPPORT_URL="https://help.ubuntu.com/"\n' +
        'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\n' +
        'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\n' +
        'UBUNTU_CODENAME=noble\n' +
        'LOGO=ubuntu-logo\n',
    );
  });

  it('has lsb-release, debian_version and issue', () => {
    expect(text(noble, '/etc/lsb-release')).toBe(
      'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\nDISTRIB_CODENAME=noble\nDISTRIB_DESCRIPTION="Ubuntu 24.04.1 LTS"\n',
    );
    expect(text(noble, '/etc/debian_version')).toBe('trixie/sid\n');
    expect(text(noble, '/etc/issue')).toBe('Ubuntu 24.04.1 LTS \\n \\l\n\n');
  });

  it('ships base-passwd accounts and the ubuntu user', () => {
    const passwd = text(noble, '/etc/passwd').split('\n');
    expect(passwd[0]).toBe('root:x:0:0:root:/root:/bin/bash');
    expect(passwd).toContain('nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin');
    expect(passwd).toContain('_apt:x:42:65534::/nonexistent:/usr/sbin/nologin');
    expect(passwd.at(-2)).toBe('ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash');
    expect(passwd).not.toContain(expect.stringMatching(/^gnats:/));
    const group = text(noble, '/etc/group').split('\n');
    expect(group).toContain('sudo:x:27:');
    expect(group.at(-2)).toBe('ubuntu:x:1000:');
    expect(text(noble, '/etc/shadow')).toMatch(/^root:\*:\d+:0:99999:7:::\n/);
    expect(text(noble, '/etc/shadow')).toContain('\nubuntu:!:');
    expect(noble['/etc/shadow']).toMatchObject({ mode: 0o640, uid: 0, gid: 42 });
  });

  it('is usr-merged', () => {
    expect(noble['/bin']).toMatchObject({ type: 'symlink', target: 'usr/bin' });
    expect(noble['/sbin']).toMatchObject({ type: 'symlink', target: 'usr/sbin' });
    expect(noble['/lib']).toMatchObject({ type: 'symlink', target: 'usr/lib' });
    expect(noble['/lib64']).toMatchObject({ type: 'symlink', target: 'usr/lib64' });
    expect(noble['/lib32']).toBeUndefined();
  });

  it('resolves the shells and common tools to their programs', () => {
    expect(noble['/usr/bin/sh']).toMatchObject({ type: 'symlink', target: 'dash' });
    expect(programAt(noble, '/bin/sh')).toBe('dash');
    expect(programAt(noble, '/bin/bash')).toBe('bash');
    expect(programAt(noble, '/usr/bin/rbash')).toBe('bash');
    expect(programAt(noble, '/bin/ls')).toBe('ls');
    expect(programAt(noble, '/usr/bin/[')).toBe('[');
    expect(programAt(noble, '/usr/bin/awk')).toBe('mawk');
    expect(programAt(noble, '/usr/bin/which')).toBe('which');
    expect(programAt(noble, '/bin/hostname')).toBe('hostname');
    expect(programAt(noble, '/bin/dnsdomainname')).toBe('hostname');
    expect(programAt(noble, '/usr/bin/perl5.38.2')).toBe('perl');
    expect(programAt(noble, '/usr/sbin/service')).toBe('service');
  });

  it('has procps (as the real image does) but none of the server extras', () => {
    for (const p of ['ps', 'top', 'kill', 'free', 'pgrep', 'pkill', 'uptime', 'watch']) expect(programAt(noble, `/usr/bin/${p}`)).toBe(p);
    for (const p of ['sudo', 'ip', 'curl', 'wget', 'less', 'nano', 'vi', 'systemctl', 'ping', 'docker']) {
      expect(resolve(noble, `/usr/bin/${p}`), p).toBeUndefined();
      expect(resolve(noble, `/usr/sbin/${p}`), p).toBeUndefined();
    }
    expect(resolve(noble, '/sbin/init')).toBeUndefined();
  });

  it('runs egrep/fgrep as the grep 3.11 wrapper scripts', () => {
    expect(text(noble, '/bin/egrep')).toBe(
      '#!/bin/sh\ncmd=${0##*/}\necho "$cmd: warning: $cmd is obsolescent; using grep -E" >&2\nexec grep -E "$@"\n',
    );
    expect(modeOf(noble, '/usr/bin/egrep')).toBe(0o755);
  });

  it('has the special modes of the real image', () => {
    expect(modeOf(noble, '/tmp')).toBe(0o1777);
    expect(modeOf(noble, '/var/tmp')).toBe(0o1777);
    expect(modeOf(noble, '/root')).toBe(0o700);
    for (const p of ['passwd', 'su', 'mount', 'umount', 'chsh', 'chfn', 'gpasswd', 'newgrp']) expect(modeOf(noble, `/usr/bin/${p}`), p).toBe(0o4755);
    expect(noble['/usr/bin/chage']).toMatchObject({ mode: 0o2755, gid: 42 });
    expect(noble['/home/ubuntu']).toMatchObject({ type: 'dir', mode: 0o750, uid: 1000, gid: 1000 });
    expect(noble['/home/ubuntu/.bashrc']).toMatchObject({ uid: 1000, gid: 1000 });
  });

  it('leaves the files docker mounts to docker', () => {
    expect(noble['/etc/hostname']).toBeUndefined();
    expect(noble['/etc/hosts']).toBeUndefined();
    expect(noble['/etc/resolv.conf']).toBeUndefined();
    for (const d of ['/proc', '/sys', '/dev', '/run', '/home', '/var/lib/apt/lists', '/var/log']) expect(noble[d]?.type, d).toBe('dir');
  });

  it("gives root the prompt root@<hostname>:/# ", () => {
    const bashrc = text(noble, '/root/.bashrc');
    expect(bashrc).toContain("    PS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\n");
    expect(bashrc).toContain('[ -z "$PS1" ] && return\n');
    expect(text(noble, '/root/.profile')).toContain('    . ~/.bashrc\n');
    expect(text(noble, '/etc/bash.bashrc')).toContain("  PS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\n");
    expect(text(noble, '/etc/shells')).toBe(
      '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/usr/bin/dash\n',
    );
  });

  it('is well formed and small', () => {
    expect(orphanEntries(noble)).toEqual([]);
    const n = Object.keys(noble).length;
    expect(n).toBeGreaterThan(400);
    expect(n).toBeLessThanOrEqual(3000);
  });

  it('names every program after the file, except the versioned perl and the wrapper scripts', () => {
    for (const [path, prog] of executables(noble)) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (prog.startsWith('script:')) {
        expect(prog, path).toBe('script:/bin/sh');
      } else if (name.startsWith('perl5')) {
        expect(prog).toBe('perl');
      } else if (name === 'which.debianutils') {
        expect(prog).toBe('which');
      } else {
        expect(prog, path).toBe(name);
      }
    }
  });
});

describe('ubuntu:22.04', () => {
  it('has the exact 22.04.5 os-release', () => {
    expect(text(jammy, '/etc/os-release')).toBe(
      'PRETTY_NAME="Ubuntu 22.04.5 LTS"\n' +
        'NAME="Ubuntu"\n' +
        'VERSION_ID="22.04"\n' +
        'VERSION="22.04.5 LTS (Jammy Jellyfish)"\n' +
        'VERSION_CODENAME=jammy\n' +
        'ID=ubuntu\n' +
        'ID_LIKE=debian\n' +
        'HOME_URL="https://www.ubuntu.com/"\n' +
        'SUPPORT_URL="https://help.ubuntu.com/"\n' +
        'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\n' +
        'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\n' +
        'UBUNTU_CODENAME=jammy\n',
    );
    expect(text(jammy, '/etc/debian_version')).toBe('bookworm/sid\n');
  });

  it('has no ubuntu user, and jammy-era accounts', () => {
    const passwd = text(jammy, '/etc/passwd');
    expect(passwd).not.toContain('ubuntu:');
    expect(passwd).toContain('gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin\n');
    expect(passwd.endsWith('_apt:x:100:65534::/nonexistent:/usr/sbin/nologin\n')).toBe(true);
    expect(jammy['/home/ubuntu']).toBeUndefined();
  });

  it('has adduser and the lib32 links, and pidof from sysvinit-utils', () => {
    expect(programAt(jammy, '/usr/sbin/adduser')).toBe('adduser');
    expect(programAt(jammy, '/usr/sbin/addgroup')).toBe('adduser');
    expect(jammy['/lib32']).toMatchObject({ type: 'symlink', target: 'usr/lib32' });
    expect(programAt(jammy, '/bin/pidof')).toBe('killall5');
    expect(text(jammy, '/bin/egrep')).toBe('#!/bin/sh\nexec grep -E "$@"\n');
    expect(orphanEntries(jammy)).toEqual([]);
  });
});
