/**
 * Resource limits (getrlimit/setrlimit), per process and inherited by its children. Values are what a
 * 4 GiB Ubuntu 24.04 host gives a login session, and what a Docker 28 container inherits from containerd.
 * The kernel enforces RLIMIT_NOFILE (below its own descriptor table size); the others are reported only,
 * so the shell lets a learner read them but sets none but `nofile`.
 */
export const RLIM_INFINITY = Infinity;

export type RlimitName =
  | 'rttime' | 'core' | 'data' | 'nice' | 'fsize' | 'sigpending' | 'memlock' | 'rss' | 'nofile' | 'msgqueue'
  | 'rtprio' | 'stack' | 'cpu' | 'nproc' | 'as' | 'locks';

export interface Rlimit {
  readonly soft: number;
  readonly hard: number;
}

export type Rlimits = Readonly<Record<RlimitName, Rlimit>>;

const both = (v: number): Rlimit => ({ soft: v, hard: v });

/** threads-max / 2 on a host with 4,026,512 kB of RAM (the kernel's default for both). */
const TASKS = 15728;

/** PID 1's limits, which a login inherits: the kernel's defaults as systemd leaves them for sessions. */
export const HOST_RLIMITS: Rlimits = {
  rttime: both(RLIM_INFINITY),
  core: { soft: 0, hard: RLIM_INFINITY },
  data: both(RLIM_INFINITY),
  nice: both(0),
  fsize: both(RLIM_INFINITY),
  sigpending: both(TASKS),
  memlock: both(8192 * 1024),
  rss: both(RLIM_INFINITY),
  nofile: { soft: 1024, hard: 1048576 },
  msgqueue: both(819200),
  rtprio: both(0),
  stack: { soft: 8192 * 1024, hard: RLIM_INFINITY },
  cpu: both(RLIM_INFINITY),
  nproc: both(TASKS),
  as: both(RLIM_INFINITY),
  locks: both(RLIM_INFINITY),
};

/** A container's: containerd.service's LimitNOFILE/LimitNPROC/LimitCORE=infinity, passed down by the shim. */
export const CONTAINER_RLIMITS: Rlimits = {
  ...HOST_RLIMITS,
  core: both(RLIM_INFINITY),
  nofile: both(1048576),
  nproc: both(RLIM_INFINITY),
};
