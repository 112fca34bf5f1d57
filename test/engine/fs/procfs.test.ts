import { describe, expect, it } from 'vitest';
import { DevFs } from '../../../src/engine/fs/devfs.js';
import { Layer } from '../../../src/engine/fs/layer.js';
import type { ProcInfo, ProcSource } from '../../../src/engine/fs/procInfo.js';
import { ProcFs } from '../../../src/engine/fs/procfs.js';
import { dir } from '../../../src/engine/fs/tree.js';
import { MountTable } from '../../../src/engine/fs/vfs.js';
import { DEV } from '../../../src/engine/kernel/fsTypes.js';
import { ctx, errno, USER } from './helpers.js';

const proc = (p: Partial<ProcInfo> & { pid: number }): ProcInfo => ({
  ppid: 0, pgid: p.pid, sid: p.pid, uid: 0, gid: 0, euid: 0, state: 'S', comm: 'init', cmdline: () => '/sbin/init\0',
  environ: () => 'HOME=/\0', cwd: '/', exe: '/usr/sbin/init', startMs: 0, cpuMs: 0, ttyNr: 0, tpgid: -1, threads: 1,
  vszKb: 2000, rssKb: 1000, fds: [], cgroup: () => '/', ...p,
});

function source(): ProcSource {
  const procs = [
    proc({ pid: 1 }),
    proc({ pid: 7, ppid: 1, sid: 7, pgid: 7, uid: 1000, gid: 1000, euid: 1000, comm: 'bash', cmdline: () => '-bash\0', environ: () => 'USER=user\0TERM=xterm\0',
      cwd: '/home/user', exe: '/usr/bin/bash', startMs: 1230, cpuMs: 340, ttyNr: (136 << 8) | 0, tpgid: 9, groups: [1000, 27],
      fds: [{ fd: 0, target: '/dev/pts/0' }, { fd: 1, target: '/dev/pts/0' }, { fd: 2, target: '/dev/pts/0' }], cgroup: () => '/user.slice' }),
    proc({ pid: 9, ppid: 7, sid: 7, pgid: 9, state: 'Z', comm: 'sleep', cmdline: () => 'sleep\x001\0' }),
  ];
  return {
    list: () => procs, get: (pid) => procs.find((p) => p.pid === pid), pidOf: (c) => (c?.hostPid === 107 ? 7 : 0),
    uptimeMs: () => 123_456, busyMs: () => 5_000, loadavg: () => [0.08, 0.03, 0.01], bootEpochMs: 1_800_000_000_000,
    cpus: 2, memTotalKb: 4026512, memUsedKb: () => 400_000, forks: () => 42, lastPid: () => 9,
    version: 'Linux version 6.8.0-49-generic (buildd@x) #49-Ubuntu', release: '6.8.0-49-generic',
    mounts: () => 'overlay / overlay rw 0 0\n', hostname: () => 'box',
  };
}

function ns() {
  const m = new MountTable(Layer.fromTree({ '/proc': dir(0o555), '/dev': dir() }));
  m.mount('/proc', new ProcFs(source()));
  m.mount('/dev', new DevFs({ pts: () => [{ n: 0, uid: 1000, gid: 5 }] }));
  return m;
}

describe('procfs', () => {
  it('a thread\'s directory has no task directory of its own, so a walk of /proc ends (it recursed for good)', () => {
    const fs = ns().view(ctx());
    expect(fs.readdir('/proc/7/task')).toEqual(['7']);
    expect(fs.readdir('/proc/7/task/7')).not.toContain('task');
    expect(fs.readText('/proc/7/task/7/comm')).toBe('bash\n');
    expect(errno(() => fs.stat('/proc/7/task/7/task'))).toBe('ENOENT');
    let dirs = 0;
    const walk = (path: string): void => {
      if (++dirs > 1000) throw new Error(`walked ${path}`);
      for (const n of fs.readdir(path)) if (fs.lstat(`${path}/${n}`).type === 'dir') walk(`${path}/${n}`);
    };
    walk('/proc/7');
    expect(dirs).toBeLessThan(10);
  });

  it('formats /proc/<pid>/stat as Linux does', () => {
    const fs = ns().view(ctx());
    const f = fs.readText('/proc/7/stat').trimEnd().split(' ');
    expect(f.length).toBe(52);
    expect(f.slice(0, 8)).toEqual(['7', '(bash)', 'S', '1', '7', '7', '34816', '9']);
    expect(f[13]).toBe('34'); // utime, ticks
    expect(f[21]).toBe('123'); // starttime, ticks since boot
    expect(f[22]).toBe(String(2000 * 1024));
    expect(f[23]).toBe('250');
    expect(fs.readText('/proc/9/stat').split(' ').slice(0, 3)).toEqual(['9', '(sleep)', 'Z']);
  });

  it('formats status, cmdline, environ, comm and cgroup', () => {
    const fs = ns().view(ctx());
    const status = fs.readText('/proc/7/status');
    expect(status.split('\n').slice(0, 16)).toEqual([
      'Name:\tbash', 'Umask:\t0022', 'State:\tS (sleeping)', 'Tgid:\t7', 'Ngid:\t0', 'Pid:\t7', 'PPid:\t1', 'TracerPid:\t0',
      'Uid:\t1000\t1000\t1000\t1000', 'Gid:\t1000\t1000\t1000\t1000', 'FDSize:\t64', 'Groups:\t1000 27 ', 'NStgid:\t7', 'NSpid:\t7',
      'NSpgid:\t7', 'NSsid:\t7',
    ]);
    expect(status).toContain('\nVmRSS:\t    1000 kB\n');
    expect(fs.readText('/proc/9/status')).not.toContain('VmRSS');
    expect(fs.readText('/proc/7/cmdline')).toBe('-bash\0');
    expect(fs.readText('/proc/7/environ')).toBe('USER=user\0TERM=xterm\0');
    expect(fs.readText('/proc/7/comm')).toBe('bash\n');
    expect(fs.readText('/proc/7/cgroup')).toBe('0::/user.slice\n');
    expect(fs.readlink('/proc/7/cwd')).toBe('/home/user');
    expect(fs.readlink('/proc/7/exe')).toBe('/usr/bin/bash');
    expect(fs.readdir('/proc/7/fd')).toEqual(['0', '1', '2']);
    expect(fs.readlink('/proc/7/fd/2')).toBe('/dev/pts/0');
  });

  it('resolves /proc/self per caller and lists pids first', () => {
    const m = ns();
    const fs = m.view({ ...ctx(), caller: { hostPid: 107 } });
    expect(fs.readlink('/proc/self')).toBe('7');
    expect(fs.readText('/proc/self/comm')).toBe('bash\n');
    expect(errno(() => m.view(ctx()).stat('/proc/self'))).toBe('ENOENT');
    expect(fs.readdir('/proc').slice(0, 4)).toEqual(['1', '7', '9', 'cmdline']);
    expect(errno(() => fs.stat('/proc/8'))).toBe('ENOENT');
  });

  it('protects environ and refuses writes', () => {
    const m = ns();
    const other = m.view(ctx({ uid: 1001, gid: 1001, groups: [] }));
    expect(errno(() => other.readFile('/proc/7/environ'))).toBe('EACCES');
    expect(m.view(ctx(USER)).readText('/proc/7/environ')).toContain('USER=user');
    expect(errno(() => m.view(ctx()).writeFile('/proc/uptime', 'x'))).toBe('EACCES');
    expect(errno(() => m.view(ctx()).writeFile('/proc/new', 'x'))).toBe('ENOENT');
  });

  it('formats the system-wide files', () => {
    const fs = ns().view(ctx());
    expect(fs.readText('/proc/uptime')).toBe('123.45 241.91\n');
    expect(fs.readText('/proc/loadavg')).toBe('0.08 0.03 0.01 1/3 9\n');
    expect(fs.readText('/proc/meminfo').split('\n')[0]).toBe('MemTotal:        4026512 kB');
    expect(fs.readText('/proc/stat')).toContain('\nbtime 1800000000\n');
    expect(fs.readText('/proc/cpuinfo').match(/^processor\t: \d$/gm)).toEqual(['processor\t: 0', 'processor\t: 1']);
    expect(fs.readText('/proc/mounts')).toBe('overlay / overlay rw 0 0\n');
    expect(fs.readText('/proc/sys/kernel/hostname')).toBe('box\n');
    // The range dockerd's port allocator hands ephemeral host ports from.
    expect(fs.readText('/proc/sys/net/ipv4/ip_local_port_range')).toBe('32768\t60999\n');
  });
});

describe('devfs', () => {
  it('has the standard devices and links', () => {
    const fs = ns().view(ctx());
    const n = fs.stat('/dev/null');
    expect([n.type, n.rdev, n.mode]).toEqual(['chardev', DEV.null, 0o666]);
    expect(fs.stat('/dev/tty').rdev).toBe(DEV.tty);
    expect(fs.readlink('/dev/stdout')).toBe('/proc/self/fd/1');
    expect(fs.readlink('/dev/fd')).toBe('/proc/self/fd');
    expect(fs.stat('/dev/shm').mode).toBe(0o1777);
    expect(fs.readdir('/dev/pts')).toEqual(['ptmx', '0']);
    const pts = fs.stat('/dev/pts/0');
    expect([pts.rdev, pts.uid, pts.gid, pts.mode]).toEqual([(136 << 8) | 0, 1000, 5, 0o620]);
    expect(errno(() => fs.stat('/dev/pts/1'))).toBe('ENOENT');
    fs.writeFile('/dev/shm/seg', 'shared');
    expect(fs.readText('/dev/shm/seg')).toBe('shared');
  });
});
