/**
 * /proc for one PID namespace, generated on every read from a `ProcSource` (the kernel's adapter lives in
 * procSource.ts). Read-only: writes fail with EACCES, creations with ENOENT, as on Linux.
 */
import { SysError } from '../kernel/errno.js';
import type { Backend, FileType, FsCaller, Stat } from '../kernel/fsTypes.js';
import { fail } from './inode.js';
import type { ProcInfo, ProcSource } from './procInfo.js';
import { LateSlot } from '../kernel/late.js';
import type * as ProcFormat from './procFormat.js';
import { utf8Encode } from '../kernel/utf8.js';

/** What /proc's files say (procFormat.ts): no boot reads them before its first prompt (machine/late.ts). */
export const LATE_PROC_FORMAT = new LateSlot<typeof ProcFormat>('/proc');
const fmt = (): typeof ProcFormat => LATE_PROC_FORMAT.get();

type Node =
  | { readonly type: 'dir'; readonly mode: number; readonly owner?: ProcInfo; list(): string[] }
  | { readonly type: 'file'; readonly mode: number; readonly owner?: ProcInfo; read(): string }
  | { readonly type: 'symlink'; readonly owner?: ProcInfo; readonly target: string };

const TOP_FILES = ['cpuinfo', 'loadavg', 'meminfo', 'mounts', 'stat', 'uptime', 'version', 'cmdline', 'filesystems'];
const PID_FILES = ['cgroup', 'cmdline', 'comm', 'cwd', 'environ', 'exe', 'fd', 'mounts', 'root', 'stat', 'statm', 'status', 'task'];
/** A thread's own directory (`/proc/PID/task/TID`): the same files, no `task` in it, as in Linux. */
const THREAD_FILES = PID_FILES.filter((f) => f !== 'task');
const FILESYSTEMS = ['sysfs', 'tmpfs', 'bdev', 'proc', 'cgroup', 'cgroup2', 'devtmpfs', 'devpts', 'mqueue', 'overlay']
  .map((f) => (f === 'devtmpfs' || f === 'overlay' ? `\t${f}\n` : `nodev\t${f}\n`))
  .join('');

export class ProcFs implements Backend {
  readonly fsType = 'proc';

  constructor(
    private readonly src: ProcSource,
    private readonly dev = 0x16,
  ) {}

  private node(path: string, caller: FsCaller | undefined, syscall: string): Node {
    const parts = path === '/' ? [] : path.slice(1).split('/');
    const src = this.src;
    if (parts.length === 0) return { type: 'dir', mode: 0o555, list: () => this.rootNames(caller) };
    const [head, ...rest] = parts;
    if (head === 'self') {
      const pid = src.pidOf(caller);
      if (rest.length === 0) return { type: 'symlink', target: pid ? String(pid) : '' };
      if (!pid) fail('ENOENT', syscall, path);
      return this.pidNode(pid, rest, path, syscall, caller);
    }
    if (isPid(head)) return this.pidNode(Number(head), rest, path, syscall, caller);
    if (head === 'sys') return this.sysNode(rest, caller, path, syscall);
    if (head === 'net' && src.ifInet6) {
      // Only the file that tells a script the kernel has IPv6 (nginx's entrypoint tests for it).
      if (rest.length === 0) return { type: 'dir', mode: 0o555, list: () => ['if_inet6'] };
      if (rest.length === 1 && rest[0] === 'if_inet6') return { type: 'file', mode: 0o444, read: () => src.ifInet6!(caller) };
      fail('ENOENT', syscall, path);
    }
    if (rest.length > 0 || !TOP_FILES.includes(head)) fail('ENOENT', syscall, path);
    return { type: 'file', mode: 0o444, read: () => this.topFile(head, caller) };
  }

  private rootNames(caller: FsCaller | undefined): string[] {
    const pids = this.src.list().map((p) => String(p.pid));
    const names = [...TOP_FILES, 'self', 'sys', ...(this.src.ifInet6 ? ['net'] : [])].sort();
    return [...pids, ...names];
  }

  private topFile(name: string, caller: FsCaller | undefined): string {
    const src = this.src;
    const procs = src.list();
    switch (name) {
      case 'cpuinfo':
        return fmt().formatCpuinfo(src.cpus);
      case 'loadavg': {
        const running = procs.filter((p) => p.state === 'R').length;
        return fmt().formatLoadavg(src, Math.max(1, running), procs.length, src.lastPid());
      }
      case 'meminfo':
        return fmt().formatMeminfo(src);
      case 'mounts':
        return src.mounts(caller);
      case 'stat':
        return fmt().formatProcStat(src, src.forks(), Math.max(1, procs.filter((p) => p.state === 'R').length));
      case 'uptime':
        return fmt().formatUptime(src);
      case 'version':
        return src.version + '\n';
      case 'cmdline':
        return `BOOT_IMAGE=/boot/vmlinuz-${src.release} root=/dev/sda1 ro quiet splash\n`;
      default:
        return FILESYSTEMS;
    }
  }

  private sysNode(rest: string[], caller: FsCaller | undefined, path: string, syscall: string): Node {
    const dirs: Record<string, string[]> = {
      '': ['kernel', 'net'], kernel: ['hostname', 'osrelease', 'ostype', 'pid_max'], net: ['ipv4'], 'net/ipv4': ['ip_local_port_range'],
    };
    const key = rest.join('/');
    if (key in dirs) return { type: 'dir', mode: 0o555, list: () => dirs[key] };
    const value: Record<string, () => string> = {
      'kernel/hostname': () => this.src.hostname(caller),
      'kernel/osrelease': () => this.src.release,
      'kernel/ostype': () => 'Linux',
      'kernel/pid_max': () => '4194304',
      // What dockerd's port allocator reads for its ephemeral range (and connect(2) uses for local ports).
      'net/ipv4/ip_local_port_range': () => '32768\t60999',
    };
    const f = value[key] ?? fail('ENOENT', syscall, path);
    return { type: 'file', mode: key === 'kernel/hostname' ? 0o644 : 0o444, read: () => f() + '\n' };
  }

  /** `/proc/PID/…`, or with `thread` `/proc/PID/task/TID/…`, which is the same but has no `task` of its own. */
  private pidNode(pid: number, rest: string[], path: string, syscall: string, caller: FsCaller | undefined, thread = false): Node {
    const p = this.src.get(pid) ?? fail('ENOENT', syscall, path);
    if (rest.length === 0) return { type: 'dir', mode: 0o555, owner: p, list: () => (thread ? THREAD_FILES : PID_FILES) };
    const [name, ...sub] = rest;
    const file = (read: () => string, mode = 0o444): Node => ({ type: 'file', mode, owner: p, read });
    if (name === 'fd') {
      if (sub.length === 0) return { type: 'dir', mode: 0o500, owner: p, list: () => p.fds.map((f) => String(f.fd)) };
      const fd = p.fds.find((f) => String(f.fd) === sub[0]);
      if (!fd || sub.length > 1) fail('ENOENT', syscall, path);
      return { type: 'symlink', owner: p, target: fd.target };
    }
    if (name === 'task' && !thread) {
      // The thread group's tasks (a fiber is none); each TID's directory is that thread's own view.
      const tids = p.tids ? p.tids() : [p.pid];
      if (sub.length === 0) return { type: 'dir', mode: 0o555, owner: p, list: () => tids.map(String) };
      const tid = Number(sub[0]);
      if (!/^[1-9][0-9]*$/.test(sub[0]) || !tids.includes(tid)) fail('ENOENT', syscall, path);
      return this.pidNode(tid, sub.slice(1), path, syscall, caller, true);
    }
    if (name === 'task') fail('ENOENT', syscall, path);
    if (sub.length > 0) fail(PID_FILES.includes(name) ? 'ENOTDIR' : 'ENOENT', syscall, path);
    const zombie = p.state === 'Z';
    switch (name) {
      case 'stat':
        return file(() => fmt().formatStat(p));
      case 'statm':
        return file(() => fmt().formatStatm(p));
      case 'status':
        return file(() => fmt().formatStatus(p, p.umask ?? 0o022));
      case 'cmdline':
        return file(() => (zombie ? '' : p.cmdline()));
      case 'comm':
        return file(() => p.comm + '\n', 0o644);
      case 'environ':
        return file(() => (zombie ? '' : p.environ()), 0o400);
      case 'cgroup':
        return file(() => `0::${p.cgroup(caller)}\n`);
      case 'mounts':
        return file(() => this.src.mounts(undefined));
      case 'cwd':
        return { type: 'symlink', owner: p, target: p.cwd };
      case 'exe':
        return { type: 'symlink', owner: p, target: p.exe };
      case 'root':
        return { type: 'symlink', owner: p, target: '/' };
      default:
        return fail('ENOENT', syscall, path);
    }
  }

  lstat(path: string, caller?: FsCaller): Stat {
    const n = this.node(path, caller, 'lstat');
    const owner = n.owner;
    const t = owner ? this.src.bootEpochMs + owner.startMs : this.src.bootEpochMs;
    const mode = n.type === 'symlink' ? 0o777 : n.mode;
    return {
      type: n.type as FileType,
      mode,
      uid: owner ? owner.euid : 0,
      gid: owner ? (owner.egid ?? owner.gid) : 0,
      size: n.type === 'dir' && path === '/' ? 0 : n.type === 'symlink' ? 64 : 0,
      nlink: n.type === 'dir' ? 2 : 1,
      ino: inoOf(path),
      dev: this.dev,
      rdev: 0,
      atimeMs: t,
      mtimeMs: t,
      ctimeMs: t,
    };
  }

  readdir(path: string, caller?: FsCaller): string[] {
    const n = this.node(path, caller, 'scandir');
    if (n.type !== 'dir') fail('ENOTDIR', 'scandir', path);
    return n.list();
  }

  readFile(path: string, caller?: FsCaller): Uint8Array {
    const n = this.node(path, caller, 'open');
    if (n.type === 'dir') fail('EISDIR', 'read', path);
    if (n.type !== 'file') fail('EINVAL', 'read', path);
    return utf8Encode(n.read());
  }

  readlink(path: string, caller?: FsCaller): string {
    const n = this.node(path, caller, 'readlink');
    if (n.type !== 'symlink') fail('EINVAL', 'readlink', path);
    if (n.target === '') fail('ENOENT', 'readlink', path);
    return n.target;
  }

  writeFile(path: string): void {
    this.denyWrite(path, 'open');
  }
  truncate(path: string): void {
    this.denyWrite(path, 'truncate');
  }
  mkdir(path: string): void {
    this.denyCreate(path, 'mkdir');
  }
  symlink(_t: string, path: string): void {
    this.denyCreate(path, 'symlink');
  }
  mknod(path: string): void {
    this.denyCreate(path, 'mknod');
  }
  unlink(path: string): void {
    this.node(path, undefined, 'unlink');
    throw new SysError('EACCES', 'unlink', path);
  }
  rmdir(path: string): void {
    this.node(path, undefined, 'rmdir');
    throw new SysError('EACCES', 'rmdir', path);
  }
  rename(from: string): void {
    throw new SysError('EACCES', 'rename', from);
  }
  chmod(path: string): void {
    this.denyWrite(path, 'chmod', 'EPERM');
  }
  chown(path: string): void {
    this.denyWrite(path, 'chown', 'EPERM');
  }
  utimes(path: string): void {
    this.denyWrite(path, 'utime', 'EPERM');
  }

  private denyWrite(path: string, syscall: string, code: 'EACCES' | 'EPERM' = 'EACCES'): never {
    this.node(path, undefined, syscall);
    throw new SysError(code, syscall, path);
  }

  private denyCreate(path: string, syscall: string): never {
    throw new SysError('ENOENT', syscall, path);
  }
}

function isPid(s: string): boolean {
  if (s.length === 0 || s.length > 9 || s.charCodeAt(0) === 48) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A stable inode number per path (Linux hands out proc inodes dynamically; only uniqueness matters). */
function inoOf(path: string): number {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
  return (h >>> 0) % 1000000 + 4026532000;
}

