/**
 * A simulated host: the kernel, the host's root filesystem (an image layer under a writable overlay, with
 * /proc and /dev mounted), the programs its binaries name, PID 1, and login terminals for the learner.
 *
 * The pages import this module: Docker's read model (`query`) is code of its own that no first prompt needs,
 * loaded by `loadQuery()`. Everything else (Node, tests, the lesson tools) imports machine.ts, which is this
 * module with that code already there.
 */
import { Cgroup } from '../engine/kernel/cgroup.js';
import { Kernel } from '../engine/kernel/kernel.js';
import { lateCodeLoaded } from '../engine/kernel/late.js';
import type { RunOptions, RunResult } from '../engine/kernel/runloop.js';
import { loopbackInterface, NetNamespace, Segment, type NetInterface } from '../engine/kernel/net.js';
import type { Process } from '../engine/kernel/process.js';
import type { CpuCosts } from '../engine/kernel/scheduler.js';
import type { Tty } from '../engine/kernel/tty.js';
import { hostFilesystem } from './hostfs.js';
import { programRegistry, type ChunkLoaders } from '../programs/registry.js';
import { makeInit } from '../programs/init/init.js';
import { DaemonStore } from '../engine/daemon/store.js';
import type { DaemonQuery } from '../engine/daemon/query.js';
import { madeQuery } from './queryProvider.js';
import { loginAccount } from './login.js';
import { MachineFiles } from './files.js';

export interface MachineOptions {
  /** Seeds every random choice (IDs, names, MACs, $RANDOM). Default 1. */
  readonly seed?: number;
  /** Wall-clock time at boot, ms since the epoch. Default: 2026-11-28 09:00:00 UTC, so runs are repeatable. */
  readonly bootEpochMs?: number;
  readonly hostname?: string;
  /** The learner starts in group `docker` (embeds for docs pages); default false, as in the book. */
  readonly dockerGroup?: boolean;
  readonly costs?: CpuCosts;
  /** How the host lets pending promise callbacks run (see Scheduler); Node: setImmediate. */
  readonly drain?: () => Promise<void>;
  /** Start dockerd at boot, as the docker.service unit does (default true). */
  readonly docker?: boolean;
  /** How the on-demand parts of the simulator are loaded (default: import()); tests slow them down. */
  readonly chunks?: ChunkLoaders;
  /**
   * How the code no boot runs (late.ts) arrives: called once the machine is idle with a login waiting at its
   * prompt, and the machine stands still until it resolves (a page passes it always: a machine booted after
   * the code came only waits a turn). A page waits for the frame showing that prompt before it fetches
   * (ui/browserHost.ts). Without it, a machine booted before the code is there imports it at that moment.
   */
  readonly late?: () => Promise<unknown>;
}

export interface TerminalOptions {
  /** Login name; default `user`, the learner. */
  readonly user?: string;
  readonly rows?: number;
  readonly cols?: number;
}

export interface Terminal {
  /** The master side: type with `input`, read with `onOutput`. */
  readonly tty: Tty;
  /** The login shell. */
  readonly shell: Process;
  /** False once the login shell has exited (the terminal is then closed). */
  alive(): boolean;
}

/** The code no boot runs (late.ts), as a chunk of its own. */
export const loadLate = (): Promise<unknown> => import('./late.js');

export const DEFAULT_BOOT_EPOCH_MS = Date.UTC(2026, 10, 28, 9, 0, 0);
export const HOST_NAME = 'dockersim';
export const USER_TASKS_MAX = 4096;

export class Machine {
  /** The learner's and running containers' files, as the editor pane reads and (through the journal) writes them. */
  readonly files: MachineFiles;
  private madeQuery: DaemonQuery | undefined;

  private constructor(
    readonly kernel: Kernel,
    /** Docker's state (/var/lib/docker): containers, images, networks; it outlives any one dockerd. */
    readonly daemonStore: DaemonStore,
  ) {
    this.files = new MachineFiles(kernel, daemonStore, () => this.query);
  }

  /**
   * Docker as the daemon view and the lesson checks read it (engine/daemon/query.ts). Reading it changes
   * nothing; on a page, only once `loadQuery()` has resolved (or a chunk importing machine/daemonQuery.ts
   * has loaded).
   */
  get query(): DaemonQuery {
    return (this.madeQuery ??= madeQuery(this.daemonStore));
  }

  /** `query`, once its code is there (a page fetches it when the daemon view or a lesson first needs it). */
  readonly loadQuery = async (): Promise<DaemonQuery> => {
    await import('./daemonQuery.js');
    return this.query;
  };

  static boot(opts: MachineOptions = {}): Machine {
    const hostname = opts.hostname ?? HOST_NAME;
    const net = new NetNamespace([loopbackInterface(), hostEth0(uplink())]);
    net.resolvedUpstreams = ['10.0.2.3'];
    const bootEpochMs = opts.bootEpochMs ?? DEFAULT_BOOT_EPOCH_MS;
    let kernel: Kernel | undefined;
    let engine: DaemonStore | undefined;
    const rootMnt = hostFilesystem({ hostname, dockerGroup: opts.dockerGroup, bootEpochMs, kernel: () => kernel! });
    kernel = new Kernel({
      seed: opts.seed ?? 1,
      bootEpochMs,
      hostname,
      rootMnt,
      net,
      programs: programRegistry({ daemonStore: () => engine!, chunks: opts.chunks }),
      costs: opts.costs,
      drain: opts.drain,
    });
    engine = new DaemonStore({ kernel });
    if (opts.late || !lateCodeLoaded()) {
      const k = kernel;
      const late = opts.late ?? loadLate;
      k.holdWhenIdle(() => [...k.ttys.values()].some((t) => t.waitingForInput), async () => {
        try {
          await late();
        } catch {
          // Offline before the service worker had the chunk: go on without it rather than stand still for good;
          // a builtin that needs it then fails in one line (LateSlot), and the rest of the machine works.
        }
      });
    }
    kernel.startInit(makeInit(opts.docker === false ? [] : ['containerd', 'docker']), ['/sbin/init']);
    return new Machine(kernel, engine);
  }

  /** Opens a terminal (a new pts) with a login shell, as logging in over SSH would. */
  openTerminal(opts: TerminalOptions = {}): Terminal {
    const k = this.kernel;
    const initProc = k.hostPidNs.init!;
    const account = loginAccount(initProc.fsView, opts.user ?? 'user');
    const tty = k.createTty();
    tty.uid = account.cred.uid;
    tty.resize(opts.rows ?? 24, opts.cols ?? 80);
    const shell = k.spawn(initProc, {
      path: account.shell,
      argv: [`-${account.shell.slice(account.shell.lastIndexOf('/') + 1)}`],
      env: account.env,
      cwd: account.home,
      cred: account.cred,
      setsid: true,
      cgroup: this.userSlice(account.cred.uid),
    });
    k.attachTty(shell, tty);
    return { tty, shell, alive: () => shell.state === 'running' };
  }

  private readonly slices = new Map<number, Cgroup>();

  /**
   * systemd puts each user's logins in `user-UID.slice` with a TasksMax; here it is 4,096 (systemd would
   * allow ~10,800), so a fork bomb at the prompt stops where a browser tab can still hold it.
   */
  private userSlice(uid: number): Cgroup {
    let slice = this.slices.get(uid);
    if (!slice) {
      const parent = (this.userRoot ??= new Cgroup('/user.slice', this.kernel.rootCgroup));
      slice = new Cgroup(`/user.slice/user-${uid}.slice`, parent, USER_TASKS_MAX);
      this.slices.set(uid, slice);
    }
    return slice;
  }

  private userRoot: Cgroup | undefined;

  run(opts: RunOptions): Promise<RunResult> {
    return this.kernel.run(opts);
  }
}

/**
 * The VM's virtual LAN (QEMU's user network): a router at 10.0.2.2 that NATs the guest out to the
 * simulated Internet, and a DNS server at 10.0.2.3 answering from the Internet's zone.
 */
function uplink(): Segment {
  const seg = new Segment('uplink');
  seg.addStation({ ip: '10.0.2.2', mac: '52:55:0a:00:02:02', roles: ['router'], subnet: '10.0.2.0/24' });
  seg.addStation({ ip: '10.0.2.3', mac: '52:55:0a:00:02:03', roles: ['dns'], subnet: '10.0.2.0/24' });
  return seg;
}

/** The host's own NIC, as a cloud VM would have it. */
function hostEth0(segment: Segment): NetInterface {
  return {
    segment,
    index: 2,
    name: 'eth0',
    mac: '52:54:00:12:34:56',
    mtu: 1500,
    up: true,
    loopback: false,
    ipv4: ['10.0.2.15/24'],
    ipv4Broadcast: '10.0.2.255',
    gateway: '10.0.2.2',
    ipv6: ['fe80::5054:ff:fe12:3456/64'],
    qdisc: 'fq_codel',
  };
}
