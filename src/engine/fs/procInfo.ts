/**
 * What /proc shows, as plain data: the contract between the kernel's adapter (procSource.ts), the file
 * contents (procFormat.ts) and the tree (procfs.ts), kept apart so the formatter and the tree do not import
 * each other.
 */
import type { FsCaller } from '../kernel/fsTypes.js';

/** One process as its PID namespace sees it. */
export interface ProcInfo {
  readonly pid: number;
  /** 0 when the parent is outside the namespace (a container's PID 1). */
  readonly ppid: number;
  readonly pgid: number;
  readonly sid: number;
  readonly uid: number;
  readonly gid: number;
  readonly euid: number;
  readonly egid?: number;
  readonly groups?: readonly number[];
  readonly state: 'R' | 'S' | 'D' | 'T' | 'Z';
  /** At most 15 characters (TASK_COMM_LEN - 1). */
  readonly comm: string;
  /** /proc/PID/cmdline's bytes: each argument NUL-terminated, or the title a program wrote over them. */
  readonly cmdline: () => string;
  /** /proc/PID/environ's bytes: `NAME=value\0` each. */
  readonly environ: () => string;
  readonly cwd: string;
  readonly exe: string;
  /** Uptime (ms) when the process started. */
  readonly startMs: number;
  readonly cpuMs: number;
  /** `(major << 8) | minor` of the controlling terminal; 0 when none. */
  readonly ttyNr: number;
  /** Foreground process group of the controlling terminal; -1 when none. */
  readonly tpgid: number;
  readonly threads: number;
  /** The thread group's TIDs here, leader first then in TID order (/proc/PID/task); default `[pid]`. */
  readonly tids?: () => readonly number[];
  readonly vszKb: number;
  readonly rssKb: number;
  readonly fds: readonly { readonly fd: number; readonly target: string }[];
  /** cgroup v2 path from the root of the reader's cgroup namespace, e.g. `/user.slice` or `/` inside a container. */
  readonly cgroup: (caller: FsCaller | undefined) => string;
  readonly umask?: number;
  /** PIDs from the outermost visible namespace inward (NSpid:); default `[pid]`. */
  readonly nsPids?: readonly number[];
  readonly nsPgids?: readonly number[];
  readonly nsSids?: readonly number[];
  readonly exitCode?: number;
}

/** Everything /proc shows, for one PID namespace. */
export interface ProcSource {
  /** Processes in the namespace, by PID. */
  list(): readonly ProcInfo[];
  get(pid: number): ProcInfo | undefined;
  /** The caller's PID in this namespace; 0 if it is not visible here. */
  pidOf(caller: FsCaller | undefined): number;
  uptimeMs(): number;
  /** CPU time used by all processes, ms. */
  busyMs(): number;
  loadavg(): readonly [number, number, number];
  readonly bootEpochMs: number;
  readonly cpus: number;
  readonly memTotalKb: number;
  memUsedKb(): number;
  /** Processes forked since boot, and the last PID handed out. */
  forks(): number;
  lastPid(): number;
  /** The whole /proc/version line. */
  readonly version: string;
  readonly release: string;
  /** /proc/mounts for the caller's mount namespace. */
  mounts(caller: FsCaller | undefined): string;
  hostname(caller: FsCaller | undefined): string;
  /** /proc/net/if_inet6 for the caller's network namespace; absent: no /proc/net. */
  ifInet6?(caller: FsCaller | undefined): string;
}
