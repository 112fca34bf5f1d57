/**
 * The system-call surface a simulated program sees. Every simulated binary (shell, coreutils, docker,
 * dockerd…) is a `Program`: an async function of its `Sys` that returns an exit status. Programs never
 * touch the kernel directly, so what they can do is what a Linux process could do.
 */
import type { Credentials, Fs } from './fsTypes.js';
import type { Signal } from './signals.js';
import type { DnsOutcome, DnsType, EchoOutcome, NetInterface, Neighbour, SockAddr } from './net.js';

export type { DnsOutcome, DnsType, EchoOutcome, SockAddr };

/** What dockerd programs into netfilter: ip_forward, the bridges' MASQUERADE rules, the published ports' DNAT. */
export interface Netfilter {
  readonly forwarding: boolean;
  readonly masquerade: readonly import('./net.js').Masquerade[];
  readonly dnat: readonly import('./nat.js').DnatRule[];
}

export type Program = (sys: Sys) => Promise<number>;

/** How a waited-for child ended, as waitpid(2) reports it. */
export interface WaitStatus {
  readonly pid: number;
  /** Exit code if it exited, else undefined. */
  readonly code: number | undefined;
  /** The signal that killed it, if one did. */
  readonly signal: Signal | undefined;
  /** Shell-style status: code, or 128 + signal number. */
  readonly status: number;
}

export type SignalHandler = (sig: Signal) => void | Promise<void>;
export type SignalDisposition = 'default' | 'ignore' | SignalHandler;

export interface SpawnOptions {
  /** Run this file (the kernel resolves the binary it names; a `#!` script runs its interpreter). */
  readonly path?: string;
  /** Or run this function: how the shell forks a subshell or pipeline stage. */
  readonly program?: Program;
  readonly argv: readonly string[];
  /** Defaults to a copy of the caller's environment. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Child fd → caller fd. Defaults to the caller's 0, 1, 2. Listed fds only are inherited. */
  readonly fds?: Readonly<Record<number, number>>;
  /** Join this process group (0: start a new one led by the child). Default: the caller's. */
  readonly pgid?: number;
  /** Start a new session (setsid), without a controlling terminal. */
  readonly setsid?: boolean;
  readonly cred?: Credentials;
  /** New namespaces for the child (how a container runtime starts a container's first process). */
  readonly unshare?: {
    readonly pid?: boolean;
    readonly uts?: string; // new hostname
    readonly mnt?: import('./fsTypes.js').MountNamespace;
    readonly net?: import('./net.js').NetNamespace;
    /** A cgroup namespace (CLONE_NEWCGROUP) rooted at the child's cgroup: /proc/PID/cgroup reads `0::/` there. */
    readonly cgroup?: boolean;
  };
  /**
   * Start a thread of the caller (CLONE_THREAD) rather than a new process: it is hidden from /proc's listing
   * and ps, and dies with the thread group's leader. How a server like dockerd does concurrent work.
   */
  readonly thread?: boolean;
  /** Resource limits; default: the caller's. */
  readonly rlimits?: import('./rlimits.js').Rlimits;
  /** Accounting group (a container's cgroup); default: the caller's. */
  readonly cgroup?: import('./cgroup.js').Cgroup;
}

export interface TermiosState {
  /** Canonical (line-buffered, editable) input. */
  icanon: boolean;
  echo: boolean;
  /** Ctrl-C / Ctrl-\ generate signals. */
  isig: boolean;
  /** Output `\n` becomes `\r\n`. */
  onlcr: boolean;
}

export interface WinSize {
  readonly rows: number;
  readonly cols: number;
}

export interface Sys {
  /** PID in the process's own PID namespace. */
  readonly pid: number;
  /** Parent's PID as this namespace sees it (0 if the parent is outside it). */
  readonly ppid: number;
  readonly hostPid: number;
  readonly argv: readonly string[];
  env: Record<string, string>;
  readonly cred: Credentials;
  /** Effective uid: differs from cred.uid only after a setuid binary. */
  readonly euid: number;
  readonly fs: Fs;
  cwd(): string;
  chdir(path: string): void;
  umask(mask?: number): number;
  setuid(uid: number, gid: number, groups: readonly number[]): void;

  // ---- descriptors
  /**
   * Waits for text; '' never returned: `null` means end of file. A TTY in canonical mode returns a line. What
   * was written as bytes arrives decoded from UTF-8, a character split across writes whole (malformed bytes
   * read as U+FFFD). `max` counts characters.
   */
  read(fd: number, max?: number): Promise<string | null>;
  /** read(2) as bytes: up to `max` bytes; text written to the other end arrives UTF-8 encoded. */
  readBytes(fd: number, max?: number): Promise<Uint8Array | null>;
  /**
   * read(2) for a program that passes data on (cat, tee, nc): what was written, as it was written: text where
   * text was written (whole characters), bytes where bytes were. Written on unchanged, either is exact, and
   * text costs no conversion. `max` counts characters of text or bytes.
   */
  readData(fd: number, max?: number): Promise<string | Uint8Array | null>;
  /**
   * select(2) then read(2): waits at most `ms` of virtual time for data. `undefined` when nothing came: the
   * time ran out or a signal handler ran (EINTR), which the caller tells apart by its own clock and flags.
   * How a full-screen program waits out the rest of an escape sequence (vim's ttimeoutlen).
   */
  readTimed(fd: number, ms: number, max?: number): Promise<string | null | undefined>;
  /** readTimed's readData: each piece as it was written, or `undefined` when nothing came in `ms`. */
  readDataTimed(fd: number, ms: number, max?: number): Promise<string | Uint8Array | null | undefined>;
  /**
   * A string is UTF-8 text, a Uint8Array bytes as they are. Throws SysError EPIPE (after SIGPIPE) if nobody
   * reads; blocks while a pipe is full.
   */
  write(fd: number, data: string | Uint8Array): Promise<void>;
  open(path: string, flags: OpenFlags, mode?: number): number;
  close(fd: number): void;
  dup(fd: number): number;
  dup2(from: number, to: number): void;
  /** fcntl(F_DUPFD): the lowest free fd ≥ min (how a shell keeps saved descriptors out of the way). */
  dupAbove(fd: number, min: number): number;
  pipe(): [read: number, write: number];
  /**
   * A new pseudo-terminal (posix_openpt + open of the slave): reading `master` gets what programs write to
   * the terminal, writing it types keys; `slave` is the terminal itself (`name` like `/dev/pts/3`).
   */
  openpty(): { master: number; slave: number; name: string };
  /** Listens on `unix:///path` (creating the socket file) or `tcp://host:port`; returns the listening fd. */
  /** `v6only`: an IPV6_V6ONLY socket on `[::]` or `[::1]`, apart from the port's IPv4 listeners. */
  listen(address: string, opts?: { mode?: number; gid?: number; backlog?: number; v6only?: boolean }): number;
  /** Waits for a connection on a listening fd; returns the connected fd. */
  accept(fd: number): Promise<number>;
  /**
   * Connects to a listening address. ENOENT/EACCES for a unix path. TCP goes where the namespace's routes
   * lead (another namespace over a bridge, through the host to the simulated Internet): ECONNREFUSED when
   * the host is there but nothing listens, ENETUNREACH without a route, EHOSTUNREACH when no neighbour
   * answers ARP, ETIMEDOUT when the SYN is dropped. Returns at once; `dial` takes the time it takes.
   */
  connect(address: string): number;
  /**
   * connect(2) with its virtual time: the handshake's round trip, ~3 s for an ARP failure, ~127 s for a
   * dropped SYN, or ETIMEDOUT at `timeoutMs` if that comes first.
   */
  dial(address: string, opts?: { timeoutMs?: number }): Promise<number>;
  /** getsockname(2) of a socket (a TCP connection or listener; a unix socket gives its path, port 0). */
  getsockname(fd: number): SockAddr;
  /** getpeername(2): ENOTCONN for a listener. */
  getpeername(fd: number): SockAddr;
  /**
   * Sends one ICMP echo request with `ttl` and says what comes back and when (the caller waits for it):
   * a raw socket's view of the network, as ping and traceroute use it.
   */
  icmpEcho(dst: string, opts?: { ttl?: number }): EchoOutcome;
  /** One DNS query to `server`:53 over UDP and its outcome (the caller waits `rttMs`, or its own timeout). */
  dnsQuery(server: string, name: string, type: DnsType): DnsOutcome;
  /** The namespace's TCP sockets (/proc/net/tcp with the owners /proc/PID/fd gives). */
  netSockets(): readonly NetSocketInfo[];
  /** The namespace's neighbour (ARP) cache. */
  netNeighbours(): readonly Neighbour[];
  /** The namespace's netfilter state as iptables reads it (CAP_NET_ADMIN: EPERM for anyone but root). */
  netfilter(): Netfilter;
  /** shutdown(fd, SHUT_WR): the peer reads end-of-file. */
  shutdown(fd: number): void;
  /** Open descriptors of this process. */
  fds(): number[];
  isatty(fd: number): boolean;
  /** `/dev/pts/0`-style name of the terminal on fd, or null. */
  ttyname(fd: number): string | null;
  tcgetattr(fd: number): TermiosState;
  tcsetattr(fd: number, state: Partial<TermiosState>): void;
  tcgetpgrp(fd: number): number;
  tcsetpgrp(fd: number, pgid: number): void;
  getWinSize(fd: number): WinSize;
  getrlimit(name: import('./rlimits.js').RlimitName): import('./rlimits.js').Rlimit;
  /** EINVAL if soft > hard; EPERM when an unprivileged process raises its hard limit. */
  setrlimit(name: import('./rlimits.js').RlimitName, limit: import('./rlimits.js').Rlimit): void;

  // ---- processes
  spawn(opts: SpawnOptions): number;
  /**
   * Starts a fiber (fiber.ts): a coroutine of this process that is no task of the kernel, for a loop the model
   * runs on its own where the real program has no thread (an event loop's accept, its clients, its timers). No
   * TID, not counted by the pids cgroup, not in /proc; it ends with the process, and its `exit()` ends the
   * process. `fds`: fiber fd → caller fd, as for spawn (none by default).
   */
  fiber(opts: { readonly program: Program; readonly fds?: Readonly<Record<number, number>> }): void;
  /** Waits for a child (any if pid is undefined). Throws ECHILD when there is none. */
  wait(pid?: number, opts?: { nohang?: boolean }): Promise<WaitStatus | null>;
  kill(pid: number, sig: Signal): void;
  /** Negative pid: the process group. */
  signal(sig: Signal, disposition: SignalDisposition): SignalDisposition;
  /** Replaces this program with another file's; returns only by throwing. */
  exec(path: string, argv: readonly string[], env?: Record<string, string>): Promise<never>;
  /** Ends the process now: throws, unwinding the program. */
  exit(code: number): never;
  getpgrp(): number;
  setpgid(pid: number, pgid: number): void;
  getsid(): number;
  /**
   * Writes `title` over the process's argument block (setproctitle, as nginx, redis and postgres do), so ps and
   * /proc/PID/cmdline show `nginx: master process nginx -g daemon off;` while comm and the program's own argv
   * stay. The block is argv's and the environment's bytes as exec left them; Linux's cmdline rules apply
   * (engine/kernel/proctitle.ts). Call it from the thread group leader: threads read the leader's block.
   */
  setproctitle(title: string): void;
  /** prctl(PR_SET_NAME): the calling thread's name (its comm, cut to 15 bytes), as /proc/PID/task/TID/comm shows it. */
  setName(name: string): void;

  // ---- time
  /** Wall-clock milliseconds since the Unix epoch, in virtual time. */
  now(): number;
  /** Milliseconds since boot (CLOCK_MONOTONIC). */
  uptime(): number;
  /**
   * times(2): the CPU this process used and what its waited-for children used, in ms. The model does not tell
   * user from system time: it is all user time.
   */
  times(): { cpuMs: number; childCpuMs: number };
  sleep(ms: number): Promise<void>;
  /** pause(2): blocks until a signal is delivered (a handler ran) or the process is killed. */
  pause(): Promise<void>;
  /** Gives up the CPU; long computations call this so other processes (and the page) can run. */
  yield(): Promise<void>;
  /** Accounts CPU work; cheap. Callers still need `yield()` to let others run. */
  cpu(units?: number): void;
  /**
   * Says the program now holds `bytes` of memory beyond its baseline (buffered input, data): charged to its
   * cgroup, where the OOM killer may end this very process, in which case this call does not return.
   */
  hold(bytes: number): void;
  /** Seeded randomness (for $RANDOM, mktemp names). */
  random(): number;
  /**
   * Something only the host can deliver (a part of the simulator the page loads on demand), by `key`: the
   * first call in this machine always yields and the machine stands still in virtual time until `load()`
   * settles; later calls get the same result at once. The only way a program may wait for the outside world.
   */
  hostLoad<T>(key: string, load: () => Promise<T>): Promise<T>;

  // ---- host facts
  hostname(): string;
  sethostname(name: string): void;
  uname(): { sysname: string; nodename: string; release: string; version: string; machine: string };
  netInterfaces(): readonly NetInterface[];
}

/** A TCP socket of the caller's network namespace, as ss/netstat list it. */
export interface NetSocketInfo {
  readonly state: 'LISTEN' | 'ESTAB';
  readonly local: SockAddr;
  /** The peer; for a listener `0.0.0.0:*`, given as port 0. */
  readonly peer: SockAddr;
  /** Bytes the owner has not read yet. */
  readonly recvQ: number;
  /** A listener's backlog limit (ss's Send-Q for LISTEN); 0 for a connection. */
  readonly sendQ: number;
  /** Processes (as the caller's PID namespace sees them) holding it, with the descriptor. */
  readonly users: readonly { readonly pid: number; readonly uid: number; readonly comm: string; readonly fd: number }[];
}

export type OpenFlags = 'r' | 'w' | 'a' | 'r+' | 'w+' | 'a+';
