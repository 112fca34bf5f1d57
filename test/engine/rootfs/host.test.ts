import { describe, expect, it } from 'vitest';
import { DOCKER_GID, HOST_EXTENDED_STATES_BYTES, HOST_STATUS_BYTES, LATE_HOST_RECORDS, hostTree } from '../../../src/engine/rootfs/host.js';
import { hostRecords } from '../../../src/engine/rootfs/packages/hostRecords.js';
import { contentLength } from '../../../src/engine/fs/deferred.js';
import { utf8Length } from '../../../src/engine/kernel/utf8.js';
import { NOBLE_BASE } from '../../../src/engine/rootfs/packages/noble.js';
import { ubuntuTree } from '../../../src/engine/rootfs/ubuntu.js';
import { parseRelations } from '../../../src/engine/rootfs/packages/base.js';
import { HOST_PACKAGES } from '../../../src/engine/rootfs/packages/nobleHost.js';
import { executables, modeOf, orphanEntries, programAt, resolve, text } from './tree-check.js';

// What machine/late.ts does once the first prompt is up.
LATE_HOST_RECORDS.provide(hostRecords);
const t = hostTree();

/** /var/lib/dpkg/status, package name → its fields. */
function parseStatus(s: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const block of s.split('\n\n').filter((b) => b.trim())) {
    const f = new Map(block.split('\n').filter((l) => l.includes(': ')).map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]));
    out.set(f.get('Package')!, f);
  }
  return out;
}

describe('host', () => {
  it('knows the size of its package records before making them (they come with the late code)', () => {
    const entry = (path: string): Parameters<typeof contentLength>[0] => (t[path] as { content: string | Uint8Array }).content;
    expect(contentLength(entry('/var/lib/dpkg/status'))).toBe(HOST_STATUS_BYTES);
    expect(contentLength(entry('/var/lib/apt/extended_states'))).toBe(HOST_EXTENDED_STATES_BYTES);
    expect(utf8Length(hostRecords().status)).toBe(HOST_STATUS_BYTES);
    expect(utf8Length(hostRecords().extendedStates)).toBe(HOST_EXTENDED_STATES_BYTES);
  });

  it('is an Ubuntu 24.04 with the hostname given', () => {
    expect(text(t, '/etc/os-release')).toContain('VERSION="24.04.1 LTS (Noble Numbat)"\n');
    expect(text(t, '/etc/hostname')).toBe('dockersim\n');
    expect(text(hostTree({ hostname: 'lab' }), '/etc/hostname')).toBe('lab\n');
    expect(text(t, '/etc/hosts')).toContain('127.0.0.1 localhost\n127.0.1.1 dockersim\n');
  });

  it('contains every path of the ubuntu image except its accounts and dotfiles', () => {
    const image = ubuntuTree('24.04', NOBLE_BASE);
    const own = new Set(['/home/ubuntu', '/home/ubuntu/.bashrc', '/home/ubuntu/.profile', '/home/ubuntu/.bash_logout']);
    for (const p of Object.keys(image)) if (!own.has(p)) expect(t[p], p).toBeDefined();
  });

  it('has the learner user, in the cloud groups but not in docker', () => {
    const passwd = text(t, '/etc/passwd').split('\n');
    expect(passwd).toContain('user:x:1000:1000:user:/home/user:/bin/bash');
    expect(passwd.join('\n')).not.toContain('ubuntu:');
    const group = text(t, '/etc/group').split('\n');
    expect(group).toContain('adm:x:4:syslog,user');
    for (const g of ['cdrom:x:24:user', 'sudo:x:27:user', 'dip:x:30:user', 'plugdev:x:46:user', 'lxd:x:101:user', 'user:x:1000:']) {
      expect(group).toContain(g);
    }
    expect(group).toContain(`docker:x:${DOCKER_GID}:`);
    expect(t['/home/user']).toMatchObject({ type: 'dir', mode: 0o750, uid: 1000, gid: 1000 });
    expect(text(t, '/home/user/.bashrc')).toBe(text(t, '/etc/skel/.bashrc'));
    expect(t['/home/user/.profile']).toMatchObject({ uid: 1000, gid: 1000, mode: 0o644 });
  });

  it('lets the user sudo without a password', () => {
    expect(text(t, '/etc/sudoers')).toContain('%sudo\tALL=(ALL:ALL) ALL\n');
    expect(text(t, '/etc/sudoers')).toContain('@includedir /etc/sudoers.d\n');
    expect(text(t, '/etc/sudoers.d/90-cloud-init-users')).toContain('user ALL=(ALL) NOPASSWD:ALL\n');
    expect(modeOf(t, '/etc/sudoers')).toBe(0o440);
    expect(modeOf(t, '/usr/bin/sudo')).toBe(0o4755);
    expect(programAt(t, '/usr/bin/sudo')).toBe('sudo');
  });

  it('has systemd, procps, iproute2, curl, editors and Docker Engine', () => {
    expect(t['/usr/sbin/init']).toMatchObject({ type: 'symlink', target: '../lib/systemd/systemd' });
    expect(programAt(t, '/sbin/init')).toBe('systemd');
    expect(programAt(t, '/sbin/reboot')).toBe('systemctl');
    for (const p of ['ps', 'top', 'kill', 'pgrep', 'pkill', 'free', 'uptime', 'ip', 'curl', 'less', 'nano', 'hostname', 'systemctl', 'docker', 'dockerd', 'containerd', 'runc']) {
      expect(programAt(t, `/usr/bin/${p}`), p).toBe(p);
    }
    expect(programAt(t, '/usr/bin/vi')).toBe('vim');
    expect(programAt(t, '/sbin/ip')).toBe('ip');
    expect(programAt(t, '/usr/sbin/service')).toBe('service');
    for (const p of ['useradd', 'usermod', 'groupadd', 'gpasswd', 'newgrp']) expect(resolve(t, `/usr/sbin/${p}`) ?? resolve(t, `/usr/bin/${p}`), p).toBeDefined();
    expect(text(t, '/usr/lib/systemd/system/docker.socket')).toContain('SocketGroup=docker\n');
  });

  it('has docker’s directories and the /var/run link', () => {
    expect(t['/var/run']).toMatchObject({ type: 'symlink', target: '/run' });
    expect(t['/var/lib/docker']).toMatchObject({ type: 'dir', mode: 0o710, uid: 0, gid: 0 });
    expect(t['/etc/docker']?.type).toBe('dir');
    expect(t['/etc/resolv.conf']).toMatchObject({ type: 'symlink', target: '../run/systemd/resolve/stub-resolv.conf' });
    expect(text(t, '/etc/resolv.conf')).toContain('nameserver 127.0.0.53\n');
  });

  it('is well formed and every binary names a program', () => {
    expect(orphanEntries(t)).toEqual([]);
    expect(Object.keys(t).length).toBeLessThanOrEqual(3000);
    for (const [path, prog] of executables(t)) expect(prog, path).not.toBe('unknown');
  });

  it('has dpkg record the server install and Docker’s packages, with what they depend on', () => {
    const status = parseStatus(text(t, '/var/lib/dpkg/status'));
    for (const n of HOST_PACKAGES) expect(status.get(n)?.get('Status'), n).toBe('install ok installed');
    expect(status.get('curl')?.get('Version')).toBe('8.5.0-2ubuntu10.4');
    expect(status.get('libcurl4t64')?.get('Status')).toBe('install ok installed');
    const ce = status.get('docker-ce')!;
    expect(ce.get('Version')).toBe('5:28.2.2-1~ubuntu.24.04~noble');
    expect(ce.get('Maintainer')).toBe('Docker <support@docker.com>');
    expect(ce.get('Homepage')).toBe('https://www.docker.com');
    expect(status.get('containerd.io')?.get('Version')).toBe('1.7.27-1');
    // Every Pre-Depends and Depends of an installed package is met by an installed one, as dpkg requires.
    const provided = new Set([...status.values()].flatMap((o) => (o.get('Provides') ?? '').split(/,\s*/)));
    for (const [name, f] of status) {
      for (const group of parseRelations([f.get('Pre-Depends'), f.get('Depends')].filter(Boolean).join(', '))) {
        const met = group.some((r) => status.has(r.name) || provided.has(r.name));
        expect(met, `${name}: ${group.map((r) => r.name).join(' | ')}`).toBe(true);
      }
    }
    // The image's packages keep their stanzas; the container image's database is untouched.
    const image = parseStatus(text(ubuntuTree('24.04', NOBLE_BASE), '/var/lib/dpkg/status'));
    expect(image.size).toBe(90);
    expect(image.has('docker-ce')).toBe(false);
    for (const n of image.keys()) expect(status.has(n), n).toBe(true);
  });

  it('has apt mark what came in as a dependency automatic, and what the install named manual', () => {
    const auto = new Set([...text(t, '/var/lib/apt/extended_states').matchAll(/^Package: (.*)\nArchitecture: .*\nAuto-Installed: 1$/gm)].map((m) => m[1]));
    expect(auto.has('libcurl4t64')).toBe(true);
    expect(auto.has('libsystemd-shared')).toBe(true);
    for (const n of HOST_PACKAGES) expect(auto.has(n), n).toBe(false);
  });
});

