/** `Sys` for one process: each method is a system call, checked and translated into its namespaces. */
import { stacklessSysError, SysError } from './errno.js';
import { closeFd, installFd } from './fdtable.js';
import { deviceFile, regularFile } from './files.js';
import { IPV4_RE, type DnsOutcome, type DnsType, type EchoOutcome, type NetInterface, type NetNamespace, type Neighbour, type SockAddr, type TcpConnection } from './net.js';
import type { ConnectOutcome, ListenerTable } from './netstack.js';
import { isLocal } from './netroute.js';
import type { OpenFile } from './openfile.js';
import { checkAlive, deliverPending, ProcessExit, ProcessKilled, type Process } from './process.js';
import type { Signal } from './signals.js';
import type {
  NetSocketInfo,
  OpenFlags,
  SignalDisposition,
  Program,
  SpawnOptions,
  Sys,
  TermiosState,
  WaitStatus,
  Netfilter,
  WinSize,
} from './sys.js';
import { setHeld } from './memory.js';
import { ptyMaster, ptySlave } from './pty.js';
import { Listener, resetSocket, socketPair, type SocketEnd } from './socket.js';
import type { Rlimit, RlimitName } from './rlimits.js';
import type { SyscallKernel } from './syscallKernel.js';
import type { Tty } from './tty.js';
import { DEV, PTS_MAJOR, type Credentials, type Fs } from './fsTypes.js';
import { utf8Encode } from './utf8.js';
import { writeArgArea } from './proctitle.js';

const MAX_FDS = 1024;
const NR_OPEN = 1048576;

/**
 * Reads and writes one slice may make before the next waits for the scheduler: a process whose calls never
 * block (`cat /dev/zero > /dev/null`) would otherwise keep the CPU, and the page, for good.
 */
const CALLS_PER_SLICE = 256;

/** reapChild's answer when the caller must block. */
const BLOCKED = Symbol('blocked');

export class ProcessSys implements Sys {
  private callSlice = -1;
  private callsInSlice = 0;

  constructor(
    private readonly k: SyscallKernel,
    private readonly p: Process,
  ) {}

  get pid(): number {
    return this.p.pid;
  }

  get ppid(): number {
    const parent = this.p.parent;
    return parent ? parent.pidIn(this.p.pidns) : 0;
  }

  get hostPid(): number {
    return this.p.hostPid;
  }

  get argv(): readonly string[] {
    return this.p.argv;
  }

  setproctitle(title: string): void {
    checkAlive(this.p);
    writeArgArea(this.p, title);
  }

  setName(name: string): void {
    checkAlive(this.p);
    this.p.comm = name.slice(0, 15);
  }

  get env(): Record<string, string> {
    return this.p.env;
  }

  set env(e: Record<string, string>) {
    this.p.env = e;
  }

  get cred(): Credentials {
    const c = this.p.fsctx.cred;
    return c.uid === this.p.realUid ? c : { ...c, uid: this.p.realUid };
  }

  get euid(): number {
    return this.p.euid;
  }

  get fs(): Fs {
    return this.p.fsView;
  }

  cwd(): string {
    return this.p.fsctx.cwd;
  }

  chdir(path: string): void {
    const fs = this.p.fsView;
    const st = fs.stat(path);
    if (st.type !== 'dir') throw new SysError('ENOTDIR', 'chdir', path);
    if (!fs.access(path, 'x')) throw new SysError('EACCES', 'chdir', path);
    this.p.fsctx.cwd = fs.realpath(path);
  }

  getrlimit(name: RlimitName): Rlimit {
    return this.p.rlimits[name];
  }

  setrlimit(name: RlimitName, limit: Rlimit): void {
    const cur = this.p.rlimits[name];
    if (limit.soft > limit.hard) throw new SysError('EINVAL', 'setrlimit');
    if (limit.hard > cur.hard && this.p.euid !== 0) throw new SysError('EPERM', 'setrlimit');
    // fs.nr_open caps RLIMIT_NOFILE, root's too.
    if (name === 'nofile' && limit.hard > NR_OPEN) throw new SysError('EPERM', 'setrlimit');
    this.p.rlimits = { ...this.p.rlimits, [name]: { soft: limit.soft, hard: limit.hard } };
  }

  umask(mask?: number): number {
    const old = this.p.fsctx.umask;
    if (mask !== undefined) this.p.fsctx.umask = mask & 0o777;
    return old;
  }

  setuid(uid: number, gid: number, groups: readonly number[]): void {
    if (this.p.euid !== 0 && uid !== this.p.realUid) throw new SysError('EPERM', 'setuid');
    this.p.fsctx.cred = { uid, gid, groups: [...groups] };
    this.p.realUid = uid;
  }

  // ---------------------------------------------------------------- descriptors

  private file(fd: number): OpenFile {
    const f = this.p.fds.get(fd);
    if (!f) throw new SysError('EBADF', 'fd');
    return f;
  }

  /** A preemption point: past CALLS_PER_SLICE calls in this slice, the CPU goes to the others first. */
  private overQuantum(): boolean {
    const slice = this.k.sched.slices;
    if (slice !== this.callSlice) {
      this.callSlice = slice;
      this.callsInSlice = 0;
    }
    return ++this.callsInSlice > CALLS_PER_SLICE;
  }

  async read(fd: number, max?: number): Promise<string | null> {
    checkAlive(this.p);
    if (this.overQuantum()) await this.yield();
    const f = this.file(fd);
    if (!f.readable) throw new SysError('EBADF', 'read');
    for (;;) {
      const r = f.tryRead(max);
      if (r !== undefined) return r;
      if (!f.readWait) return null;
      await this.k.block(this.p, [f.readWait]);
    }
  }

  async readBytes(fd: number, max?: number): Promise<Uint8Array | null> {
    checkAlive(this.p);
    if (this.overQuantum()) await this.yield();
    const f = this.file(fd);
    if (!f.readable) throw new SysError('EBADF', 'read');
    for (;;) {
      const r = readBytesOf(f, max);
      if (r !== undefined) return r;
      if (!f.readWait) return null;
      await this.k.block(this.p, [f.readWait]);
    }
  }

  async readData(fd: number, max?: number): Promise<string | Uint8Array | null> {
    checkAlive(this.p);
    if (this.overQuantum()) await this.yield();
    const f = this.file(fd);
    if (!f.readable) throw new SysError('EBADF', 'read');
    for (;;) {
      const r = dataOf(f, max);
      if (r !== undefined) return r;
      if (!f.readWait) return null;
      await this.k.block(this.p, [f.readWait]);
    }
  }

  readTimed(fd: number, ms: number, max?: number): Promise<string | null | undefined> {
    return this.timedRead(fd, ms, (f) => f.tryRead(max));
  }

  readDataTimed(fd: number, ms: number, max?: number): Promise<string | Uint8Array | null | undefined> {
    return this.timedRead(fd, ms, (f) => dataOf(f, max));
  }

  /** select(2) for `ms` of virtual time, then `take` (a read that does not block); `undefined` if nothing came. */
  private async timedRead<T>(fd: number, ms: number, take: (f: OpenFile) => T | null | undefined): Promise<T | null | undefined> {
    checkAlive(this.p);
    if (this.overQuantum()) await this.yield();
    const f = this.file(fd);
    if (!f.readable) throw new SysError('EBADF', 'read');
    const first = take(f);
    if (first !== undefined) return first;
    if (!f.readWait) return null;
    if (!(ms > 0)) return undefined;
    const task = this.p.task;
    const timer = Number.isFinite(ms) ? this.k.clock.setTimer(this.k.clock.now() + ms, () => this.k.sched.wake(task)) : null;
    try {
      await this.k.block(this.p, [f.readWait]);
    } finally {
      if (timer) this.k.clock.cancel(timer);
    }
    const r = take(f);
    return r === undefined ? undefined : r;
  }

  async write(fd: number, data: string | Uint8Array): Promise<void> {
    checkAlive(this.p);
    if (this.overQuantum()) await this.yield();
    const f = this.file(fd);
    if (!f.writable) throw new SysError('EBADF', 'write');
    this.p.addCpuUnits(1 + (data.length >> 12));
    for (;;) {
      const r = f.tryWrite(data);
      if (r === 'ok') return;
      if (r === 'epipe') {
        this.k.kill(this.p, 'SIGPIPE', this.p);
        checkAlive(this.p);
        throw new SysError('EPIPE', 'write');
      }
      if (!f.writeWait) throw new SysError('EIO', 'write');
      await this.k.block(this.p, [f.writeWait]);
    }
  }

  open(path: string, flags: OpenFlags, mode = 0o666): number {
    checkAlive(this.p);
    const magic = this.procFdFile(path);
    if (magic) return this.allocFd(magic, 0);
    const fs = this.p.fsView;
    const read = flags === 'r' || flags.endsWith('+');
    const write = flags !== 'r';
    let st = fs.exists(path) ? fs.stat(path) : null;
    if (st === null) {
      if (!write) throw new SysError('ENOENT', 'open', path);
      fs.writeFile(path, '', { append: true, mode });
      st = fs.stat(path);
    } else {
      if (st.type === 'dir' && write) throw new SysError('EISDIR', 'open', path);
      if (read && !fs.access(path, 'r')) throw new SysError('EACCES', 'open', path);
      if (write && !fs.access(path, 'w')) throw new SysError('EACCES', 'open', path);
    }
    let f: OpenFile;
    if (st.type === 'chardev') f = this.device(st.rdev, path);
    else if (st.type === 'dir') throw new SysError('EISDIR', 'read', path);
    else {
      if (flags.startsWith('w')) fs.truncate(path, 0);
      const { backend, path: inner } = this.p.mnt.lookup(path, this.p.fsctx, true);
      f = regularFile(backend, inner, { read, write, append: flags.startsWith('a') }, this.p.fsctx.caller);
    }
    return this.allocFd(f, 0);
  }

  /**
   * /proc/PID/fd/N are "magic links" on Linux: opening one opens what the descriptor refers to, a pipe or a
   * socket included, which is how `> /dev/stdout` and a log file linked to /dev/stderr reach a container's
   * log. Only the caller's own descriptors; anything else takes the ordinary path.
   */
  private procFdFile(path: string): OpenFile | null {
    const fs = this.p.fsView;
    let p = path;
    for (let hops = 0; hops < 40; hops++) {
      const m = /^\/proc\/(self|thread-self|\d+)\/fd\/(\d+)$/.exec(p);
      if (m) {
        const own = m[1] === 'self' || m[1] === 'thread-self' || this.p.pidns.byPid.get(Number(m[1])) === this.p;
        return own ? this.p.fds.get(Number(m[2])) ?? null : null;
      }
      if (!p.startsWith('/')) p = `${this.p.fsctx.cwd === '/' ? '' : this.p.fsctx.cwd}/${p}`;
      let link: string;
      try {
        if (fs.lstat(p).type !== 'symlink') return null;
        link = fs.readlink(p);
      } catch {
        return null;
      }
      p = link.startsWith('/') ? link : `${p.slice(0, p.lastIndexOf('/'))}/${link}`;
    }
    return null;
  }

  private device(rdev: number, path: string): OpenFile {
    switch (rdev) {
      case DEV.null:
        return deviceFile('null', this.k.prng);
      case DEV.zero:
        return deviceFile('zero', this.k.prng);
      case DEV.random:
      case DEV.urandom:
        return deviceFile('urandom', this.k.prng);
      case DEV.tty:
        if (!this.p.ctty) throw new SysError('ENXIO', 'open', path);
        return ptySlave(this.p.ctty);
      default:
        if (rdev >> 8 === PTS_MAJOR) {
          const tty = this.k.ttyAt(this.p.mnt, rdev & 0xff);
          if (tty) return ptySlave(tty);
        }
        throw new SysError('ENXIO', 'open', path);
    }
  }

  private allocFd(f: OpenFile, from: number): number {
    const max = Math.min(MAX_FDS, this.p.rlimits.nofile.soft);
    for (let fd = from; fd < max; fd++) {
      if (!this.p.fds.has(fd)) {
        installFd(this.p, fd, f);
        return fd;
      }
    }
    throw new SysError('EMFILE', 'open');
  }

  close(fd: number): void {
    if (!closeFd(this.p, fd)) throw new SysError('EBADF', 'close');
  }

  dup(fd: number): number {
    return this.allocFd(this.file(fd), 0);
  }

  dup2(from: number, to: number): void {
    const f = this.file(from);
    if (from !== to) installFd(this.p, to, f);
  }

  /** fcntl(F_DUPFD): the lowest free fd ≥ min, as shells use to save descriptors out of the way. */
  dupAbove(fd: number, min: number): number {
    return this.allocFd(this.file(fd), min);
  }

  pipe(): [number, number] {
    const pipe = this.k.newPipe();
    const r = this.allocFd(pipe.readEnd(), 0);
    const w = this.allocFd(pipe.writeEnd(), 0);
    return [r, w];
  }

  openpty(): { master: number; slave: number; name: string } {
    checkAlive(this.p);
    const tty = this.k.createTty(this.p.mnt);
    tty.uid = this.p.euid;
    const master = this.allocFd(ptyMaster(tty, this.k.sched, () => this.k.releaseTty(tty)), 0);
    const slave = this.allocFd(ptySlave(tty), 0);
    return { master, slave, name: `/dev/${tty.name}` };
  }

  listen(address: string, opts: { mode?: number; gid?: number; backlog?: number; v6only?: boolean } = {}): number {
    checkAlive(this.p);
    const addr = parseAddress(address);
    if (addr.kind === 'unix') {
      const fs = this.p.fsView;
      if (fs.exists(addr.path)) throw new SysError('EADDRINUSE', 'bind', addr.path);
      fs.mknod(addr.path, 'socket', opts.mode ?? 0o777, 0);
      if (opts.mode !== undefined) fs.chmod(addr.path, opts.mode);
      if (opts.gid !== undefined) fs.chown(addr.path, -1, opts.gid);
      const { backend, path } = this.p.mnt.lookup(addr.path, this.p.fsctx, false);
      let table = this.k.unixListeners.get(backend);
      if (!table) this.k.unixListeners.set(backend, (table = new Map()));
      const bound = table;
      const l = new Listener(address, this.k.sched, () => bound.delete(path));
      bound.set(path, l);
      return this.allocFd(l.openFile(), 0);
    }
    const ns = this.p.net;
    const table = this.k.network.listeners(ns);
    if (opts.v6only) return this.listenV6(address, addr.host, addr.port, table, opts.backlog);
    const host = addr.host === '' || addr.host === '::' || addr.host === '*' ? '0.0.0.0' : addr.host === 'localhost' ? '127.0.0.1' : addr.host;
    if (!IPV4_RE.test(host) || (host !== '0.0.0.0' && !isLocal(ns, host))) throw new SysError('EADDRNOTAVAIL', 'bind', address);
    const key = `${host}:${addr.port}`;
    const clash = host === '0.0.0.0'
      ? table.hasPort(addr.port)
      : table.has(key) || table.has(`0.0.0.0:${addr.port}`);
    if (clash) throw new SysError('EADDRINUSE', 'bind', address);
    const l = new Listener(address, this.k.sched, () => {
      if (table.get(key) === l) table.delete(key);
    });
    l.bound = { address: host, port: addr.port };
    // listen(2) caps the backlog at net.core.somaxconn (4096); ss shows it as a listener's Send-Q.
    l.backlog = Math.min(opts.backlog ?? 4096, 4096);
    table.set(key, l);
    return this.allocFd(l.openFile(), 0);
  }

  /**
   * An IPV6_V6ONLY listener on `::` or `::1` (what nginx makes of `listen [::]:80`): a table entry of its own,
   * `[::]:80`, beside any IPv4 one on the port; only connections to ::1 reach it (lo's one IPv6 address).
   */
  private listenV6(address: string, host: string, port: number, table: ListenerTable, backlog?: number): number {
    if (host !== '::' && host !== '::1') throw new SysError('EADDRNOTAVAIL', 'bind', address);
    const key = `[${host}]:${port}`;
    const clash = host === '::'
      ? table.hasPort(port, true)
      : table.has(key) || table.has(`[::]:${port}`);
    if (clash) throw new SysError('EADDRINUSE', 'bind', address);
    const l = new Listener(address, this.k.sched, () => {
      if (table.get(key) === l) table.delete(key);
    });
    l.bound = { address: host, port };
    l.backlog = Math.min(backlog ?? 4096, 4096);
    table.set(key, l);
    return this.allocFd(l.openFile(), 0);
  }

  async accept(fd: number): Promise<number> {
    const f = this.file(fd);
    const listener = (f as { listener?: Listener }).listener;
    if (!listener) throw new SysError('EINVAL', 'accept');
    for (;;) {
      checkAlive(this.p);
      const conn = listener.pending.shift();
      if (conn) return this.allocFd(conn, 0);
      if (listener.closed) throw new SysError('EBADF', 'accept');
      await this.k.block(this.p, [listener.acceptWait]);
    }
  }

  connect(address: string): number {
    checkAlive(this.p);
    const addr = parseAddress(address);
    if (addr.kind === 'unix') return this.connectUnix(addr.path, address);
    const ip = tcpHost(addr.host);
    const out = this.k.network.connect(this.p.net, ip, addr.port, addr.host === '::1');
    if (out.kind === 'error') throw new SysError(out.errno, 'connect', address);
    return this.allocFd(this.established(out, ip, addr.port), 0);
  }

  async dial(address: string, opts: { timeoutMs?: number } = {}): Promise<number> {
    checkAlive(this.p);
    const addr = parseAddress(address);
    if (addr.kind === 'unix') return this.connectUnix(addr.path, address);
    const ip = tcpHost(addr.host);
    const out = this.k.network.connect(this.p.net, ip, addr.port, addr.host === '::1');
    const limit = opts.timeoutMs ?? Infinity;
    if (out.afterMs > limit) {
      await this.sleep(limit);
      throw new SysError('ETIMEDOUT', 'connect', address);
    }
    // The handshake takes a round trip; a local one costs no wait (as fast as the CPU).
    if (out.afterMs >= 1) await this.sleep(out.afterMs);
    if (out.kind === 'error') throw new SysError(out.errno, 'connect', address);
    if (out.kind === 'listener' && out.listener.closed) throw new SysError('ECONNREFUSED', 'connect', address);
    return this.allocFd(this.established(out, ip, addr.port), 0);
  }

  private connectUnix(path: string, address: string): number {
    const fs = this.p.fsView;
    const st = fs.stat(path);
    if (st.type !== 'socket') throw new SysError('ECONNREFUSED', 'connect', path);
    if (!fs.access(path, 'w')) throw new SysError('EACCES', 'connect', path);
    const { backend, path: inner } = this.p.mnt.lookup(path, this.p.fsctx, true);
    const listener = this.k.unixListeners.get(backend)?.get(inner);
    if (!listener || listener.closed) throw new SysError('ECONNREFUSED', 'connect', address);
    const [client, server] = socketPair(this.k.sched, () => this.k.nextIno());
    client.local = { address: '', port: 0 };
    client.peer = { address: path, port: 0 };
    server.local = { address: path, port: 0 };
    server.peer = { address: '', port: 0 };
    listener.enqueue(server);
    return this.allocFd(client, 0);
  }

  /** The client end of a TCP connection the stack found a way to, registered in both namespaces' tables. */
  private established(out: Exclude<ConnectOutcome, { kind: 'error' }>, ip: string, port: number): SocketEnd {
    const from = this.p.net;
    const local = { address: out.path.src, port: from.ephemeralPort(() => this.k.network.random()) };
    const peer = { address: ip === '0.0.0.0' ? '127.0.0.1' : ip, port };
    let client: SocketEnd;
    if (out.kind === 'internet') {
      client = this.k.network.internetSocket(out.host, port, out.afterMs);
    } else if (out.kind === 'reset') {
      client = resetSocket(() => this.k.nextIno());
    } else {
      const [c, server] = socketPair(this.k.sched, () => this.k.nextIno());
      client = c;
      if (out.listener.bound?.address.includes(':')) {
        // Over IPv6 both ends are ::1.
        local.address = '::1';
        peer.address = '::1';
      }
      server.local = out.serverLocal ?? peer;
      server.peer = { address: local.address === '::1' ? '::1' : out.path.seenSrc, port: local.port };
      const there = out.path.target.kind === 'ns' ? out.path.target.ns : from;
      track(there, server);
      out.listener.enqueue(server);
    }
    client.local = local;
    client.peer = peer;
    track(from, client);
    return client;
  }

  shutdown(fd: number): void {
    const f = this.file(fd) as Partial<SocketEnd>;
    if (!f.shutdownWrite) throw new SysError('ENOTSOCK', 'shutdown');
    f.shutdownWrite();
  }

  fds(): number[] {
    return [...this.p.fds.keys()].sort((a, b) => a - b);
  }

  isatty(fd: number): boolean {
    return this.p.fds.get(fd)?.tty !== undefined;
  }

  ttyname(fd: number): string | null {
    const tty = this.p.fds.get(fd)?.tty;
    return tty ? `/dev/${tty.name}` : null;
  }

  private tty(fd: number): Tty {
    const tty = this.p.fds.get(fd)?.tty;
    // Stackless: the docker CLI asks for the window size of every stream it is given, terminal or not.
    if (!tty) throw stacklessSysError('ENOTTY', 'ioctl');
    return tty;
  }

  tcgetattr(fd: number): TermiosState {
    return { ...this.tty(fd).termios };
  }

  tcsetattr(fd: number, state: Partial<TermiosState>): void {
    this.tty(fd).setTermios(state);
  }

  tcgetpgrp(fd: number): number {
    const tty = this.tty(fd);
    const leader = this.k.procs.get(tty.fgPgrp);
    return leader ? leader.pidIn(this.p.pidns) : tty.fgPgrp;
  }

  tcsetpgrp(fd: number, pgid: number): void {
    this.tty(fd).fgPgrp = this.k.hostPgid(this.p, pgid);
  }

  getWinSize(fd: number): WinSize {
    return this.tty(fd).winsize;
  }

  // ---------------------------------------------------------------- processes

  spawn(opts: SpawnOptions): number {
    checkAlive(this.p);
    const child = this.k.spawn(this.p, opts);
    return child.pidIn(this.p.pidns);
  }

  fiber(opts: { readonly program: Program; readonly fds?: Readonly<Record<number, number>> }): void {
    checkAlive(this.p);
    this.k.spawnFiber(this.p, opts.program, opts.fds ?? {});
  }

  /** Not an async loop: a shim waits here for its container's whole life, and a reaction is half a frame. */
  wait(pid?: number, opts: { nohang?: boolean } = {}): Promise<WaitStatus | null> {
    try {
      const r = this.reapChild(pid, opts.nohang === true);
      return r === BLOCKED ? this.waitChild(pid) : Promise.resolve(r);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  private waitChild(pid: number | undefined): Promise<WaitStatus | null> {
    return this.k.block(this.p, [this.p.childWait]).then(() => {
      const r = this.reapChild(pid, false);
      return r === BLOCKED ? this.waitChild(pid) : r;
    });
  }

  /** One pass of wait(): a reaped child's status, null for WNOHANG with none ready, or BLOCKED. */
  private reapChild(pid: number | undefined, nohang: boolean): WaitStatus | null | typeof BLOCKED {
    checkAlive(this.p);
    const candidates = [...this.p.children].filter((c) => pid === undefined || c.pidIn(this.p.pidns) === pid);
    if (candidates.length === 0) throw new SysError('ECHILD', 'wait');
    const done = candidates.find((c) => c.state === 'zombie');
    if (done) {
      const status = { ...done.exit!, pid: done.pidIn(this.p.pidns) };
      this.p.childCpuMs += done.cpuMs + done.childCpuMs;
      this.k.reap(done);
      return status;
    }
    return nohang ? null : BLOCKED;
  }

  kill(pid: number, sig: Signal): void {
    checkAlive(this.p);
    const targets =
      pid > 0
        ? [this.p.pidns.byPid.get(pid)].filter((x): x is Process => x !== undefined)
        : [...this.p.pidns.byPid.values()].filter(
            (t) => t.pgid === (pid === 0 ? this.p.pgid : this.k.hostPgid(this.p, -pid)),
          );
    const live = targets.filter((t) => t.state === 'running');
    // Stackless: every API connection ends by killing its reader thread, usually gone already.
    if (live.length === 0) throw stacklessSysError('ESRCH', 'kill');
    for (const t of live) {
      if (this.p.euid !== 0 && this.p.realUid !== t.realUid && this.p.euid !== t.realUid) {
        throw new SysError('EPERM', 'kill');
      }
      this.k.kill(t, sig, this.p);
    }
  }

  signal(sig: Signal, disposition: SignalDisposition): SignalDisposition {
    if (sig === 'SIGKILL' || sig === 'SIGSTOP') throw new SysError('EINVAL', 'sigaction');
    const old = this.p.dispositions?.get(sig) ?? 'default';
    if (disposition === 'default') this.p.dispositions?.delete(sig);
    else (this.p.dispositions ??= new Map()).set(sig, disposition);
    return old;
  }

  exec(path: string, argv: readonly string[], env?: Record<string, string>): Promise<never> {
    checkAlive(this.p);
    return this.k.exec(this.p, this, path, argv, env);
  }

  exit(code: number): never {
    this.p.exitCode = code & 0xff;
    throw new ProcessExit(code & 0xff);
  }

  getpgrp(): number {
    const leader = this.k.procs.get(this.p.pgid);
    return leader ? leader.pidIn(this.p.pidns) : 0;
  }

  setpgid(pid: number, pgid: number): void {
    const target = pid === 0 ? this.p : this.p.pidns.byPid.get(pid);
    if (!target || (target !== this.p && target.parent !== this.p)) throw new SysError('ESRCH', 'setpgid');
    target.pgid = pgid === 0 ? target.hostPid : this.k.hostPgid(this.p, pgid);
  }

  getsid(): number {
    const leader = this.k.procs.get(this.p.sid);
    return leader ? leader.pidIn(this.p.pidns) : 0;
  }

  // ---------------------------------------------------------------- time

  now(): number {
    return this.k.clock.epochMs();
  }

  uptime(): number {
    return this.k.clock.now();
  }

  times(): { cpuMs: number; childCpuMs: number } {
    return { cpuMs: this.p.cpuMs, childCpuMs: this.p.childCpuMs };
  }

  sleep(ms: number): Promise<void> {
    // nanosleep(0) is still a trip through the scheduler: a loop that sleeps 0 (or NaN) must let others run.
    if (!(ms > 0)) return this.yield();
    return this.sleepUntil(this.k.clock.now() + ms);
  }

  /** Reactions, not an async loop: a container's `sleep 100000` keeps this for its whole life. */
  private sleepUntil(until: number): Promise<void> {
    if (this.k.clock.now() >= until) return Promise.resolve();
    if (this.p.dying) return Promise.reject(new ProcessKilled(this.p.dying));
    const task = this.p.task;
    const timer = this.k.clock.setTimer(until, () => this.k.sched.wake(task));
    return this.k.block(this.p, []).then(
      () => {
        this.k.clock.cancel(timer);
        // Woken early (a caught signal): sleep on, as the loop this was did.
        return this.k.clock.now() < until ? this.sleepUntil(until) : undefined;
      },
      (err: unknown) => {
        this.k.clock.cancel(timer);
        throw err;
      },
    );
  }

  /** Not async: an idle server (two docker-proxies per published port) keeps one suspended frame fewer. */
  pause(): Promise<void> {
    return this.k.block(this.p, []);
  }

  async yield(): Promise<void> {
    checkAlive(this.p);
    const parked = this.k.sched.park(this.p.task);
    this.k.sched.wake(this.p.task);
    await parked;
    await deliverPending(this.p);
  }

  hostLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.k.hostLoad(this.p, key, load);
  }

  cpu(units = 1): void {
    this.p.addCpuUnits(units);
  }

  hold(bytes: number): void {
    checkAlive(this.p);
    setHeld(this.k, this.p, bytes);
    checkAlive(this.p);
  }

  random(): number {
    return this.k.prng.next();
  }

  // ---------------------------------------------------------------- host facts

  hostname(): string {
    return this.p.uts.hostname;
  }

  sethostname(name: string): void {
    if (this.p.euid !== 0) throw new SysError('EPERM', 'sethostname');
    this.p.uts.hostname = name;
  }

  uname(): { sysname: string; nodename: string; release: string; version: string; machine: string } {
    return {
      sysname: 'Linux',
      nodename: this.p.uts.hostname,
      release: this.k.release,
      version: this.k.version,
      machine: 'x86_64',
    };
  }

  netInterfaces(): readonly NetInterface[] {
    return this.p.net.interfaces();
  }

  private socketEnd(fd: number): SocketEnd {
    const f = this.file(fd) as Partial<SocketEnd> & OpenFile;
    if (f.kind !== 'socket') throw new SysError('ENOTSOCK', 'getsockname');
    return f as SocketEnd;
  }

  getsockname(fd: number): SockAddr {
    const f = this.socketEnd(fd) as SocketEnd & { listener?: Listener };
    const a = f.listener?.bound ?? (f.listener ? { address: f.listener.address.replace(/^unix:\/\//, ''), port: 0 } : f.local);
    if (!a) throw new SysError('EINVAL', 'getsockname');
    return a;
  }

  getpeername(fd: number): SockAddr {
    const f = this.socketEnd(fd);
    if (!f.peer) throw new SysError('ENOTCONN', 'getpeername');
    return f.peer;
  }

  icmpEcho(dst: string, opts: { ttl?: number } = {}): EchoOutcome {
    checkAlive(this.p);
    return this.k.network.echo(this.p.net, dst, opts.ttl ?? 64);
  }

  dnsQuery(server: string, name: string, type: DnsType): DnsOutcome {
    checkAlive(this.p);
    return this.k.network.dns(this.p.net, server, name, type);
  }

  netSockets(): readonly NetSocketInfo[] {
    const ns = this.p.net;
    const owners = new Map<object, { pid: number; uid: number; comm: string; fd: number }[]>();
    for (const proc of this.k.procs.values()) {
      if (proc.net !== ns || proc.state !== 'running' || proc.tgid !== proc.hostPid) continue;
      const pid = proc.pidIn(this.p.pidns);
      if (pid === 0) continue;
      for (const [fd, f] of proc.fds) {
        if (f.kind !== 'socket') continue;
        let list = owners.get(f);
        if (!list) owners.set(f, (list = []));
        list.push({ pid, uid: proc.realUid, comm: proc.comm, fd });
      }
    }
    const out: NetSocketInfo[] = [];
    for (const l of this.k.network.listeners(ns).values()) {
      if (!l.bound || !l.file) continue;
      out.push({ state: 'LISTEN', local: l.bound, peer: { address: '0.0.0.0', port: 0 }, recvQ: l.pending.length, sendQ: l.backlog, users: owners.get(l.file) ?? [] });
    }
    for (const c of ns.connections) {
      out.push({ state: 'ESTAB', local: c.local, peer: c.peer, recvQ: 0, sendQ: 0, users: owners.get(c) ?? [] });
    }
    return out;
  }

  netfilter(): Netfilter {
    if (this.p.euid !== 0) throw new SysError('EPERM', 'netfilter');
    const ns = this.p.net;
    return { forwarding: ns.forwarding, masquerade: [...ns.masquerade], dnat: [...ns.nat.rules] };
  }

  netNeighbours(): readonly Neighbour[] {
    return [...this.p.net.neighbours.values()];
  }
}

/** A file that holds only text gives its UTF-8 encoding. */
function readBytesOf(f: OpenFile, max?: number): Uint8Array | null | undefined {
  if (f.tryReadBytes) return f.tryReadBytes(max);
  const text = f.tryRead(max);
  return typeof text === 'string' ? utf8Encode(text) : text;
}

/** Each piece as it was written: text as text, bytes as bytes. */
function dataOf(f: OpenFile, max?: number): string | Uint8Array | null | undefined {
  return f.tryReadData ? f.tryReadData(max) : f.tryReadBytes ? f.tryReadBytes(max) : f.tryRead(max);
}

function tcpHost(host: string): string {
  return host === 'localhost' || host === '' || host === '::1' ? '127.0.0.1' : host;
}

/** Lists a connection end in its namespace's table until its last descriptor closes. */
function track(ns: NetNamespace, end: SocketEnd): void {
  const conn = end as SocketEnd & TcpConnection;
  ns.connections.add(conn);
  end.onRelease = () => ns.connections.delete(conn);
}
type Address = { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number };

/** `unix:///var/run/docker.sock`, `/var/run/docker.sock`, `tcp://0.0.0.0:2375`. */
export function parseAddress(address: string): Address {
  if (address.startsWith('unix://')) return { kind: 'unix', path: address.slice(7) };
  if (address.startsWith('/')) return { kind: 'unix', path: address };
  const m = /^tcp:\/\/\[?([^\]]*?)\]?:(\d+)$/.exec(address);
  if (!m) throw new SysError('EINVAL', 'socket', address);
  return { kind: 'tcp', host: m[1], port: Number(m[2]) };
}

/** Joins `path` onto `cwd` and normalizes `.`/`..` lexically. */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}
