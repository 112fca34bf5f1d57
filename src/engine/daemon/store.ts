/**
 * What dockerd keeps: what /var/lib/docker and dockerd's memory hold between requests —
 * containers, names, images, the bridge's address pool, events, exec instances — plus the runtime records of
 * live containers. It outlives any one dockerd process: the machine keeps one DaemonStore and hands it to each
 * dockerd it starts, so containers and images survive `systemctl restart docker` as they do on disk.
 * A `Daemon` (daemon.ts) is the cheap per-process handle the operations run through.
 */
import { Cgroup } from '../kernel/cgroup.js';
import type { Kernel } from '../kernel/kernel.js';
import { WaitQueue } from '../kernel/scheduler.js';
import type { Container } from './container.js';
import { DaemonEvents, containerActor, type EventAction } from './events.js';
import { getContainer, type ContainerIndex } from './ids.js';
import { ImageStore } from './images/store.js';
import { BridgeIpam } from './ipam.js';
import { NameRegistry } from './names.js';
import type { NetworkStore } from './network/network.js';
import type { UserNetwork } from './network/types.js';
import { Bridge } from './runtime/network.js';
import type { ContainerRuntime } from './runtime/task.js';
import type { ExecRecord } from './execRecord.js';

export interface DaemonStoreOptions {
  readonly kernel: Kernel;
  /** Per-container log buffer bound (bytes of line text). */
  readonly maxLogBytes?: number;
}


let makeNetworkStore: ((kernel: Kernel, bridge: Bridge) => NetworkStore) | null = null;

/** How the daemon's network store is made; network/ops.ts, which every user of the store loads, provides it. */
export function provideNetworkStore(make: (kernel: Kernel, bridge: Bridge) => NetworkStore): void {
  makeNetworkStore = make;
}
export class DaemonStore {
  readonly kernel: Kernel;
  readonly containers = new Map<string, Container>();
  readonly runtimes = new Map<string, ContainerRuntime>();
  readonly names = new NameRegistry();
  readonly images: ImageStore;
  readonly ipam = new BridgeIpam();
  readonly events: DaemonEvents;
  /** Exec instances by ID, ended ones too until the exec GC's ticks drop them (execStore.ts). */
  readonly execs = new Map<string, ExecRecord>();
  /** When this dockerd started: the phase of its periodic work (the exec GC's ticker). */
  readonly startedNs: bigint;
  readonly bridge: Bridge;
  private networkStore: NetworkStore | null = null;
  /** `/system.slice`: containers' cgroups (`docker-<id>.scope`) live under it, as with the systemd driver. */
  readonly systemSlice: Cgroup;
  /** Woken on every container state change; blocking operations re-check their condition (see block.ts). */
  readonly changed = new WaitQueue();
  readonly maxLogBytes: number | undefined;
  readonly index: ContainerIndex<Container>;
  /** dockerd is stopping its containers: their exits are not the user's doing (moby IsShuttingDown). */
  shuttingDown = false;

  constructor(opts: DaemonStoreOptions) {
    this.kernel = opts.kernel;
    this.maxLogBytes = opts.maxLogBytes;
    this.events = new DaemonEvents(() => this.nowNs());
    this.startedNs = this.nowNs();
    this.images = new ImageStore();
    this.bridge = new Bridge(this.kernel);
    this.systemSlice = new Cgroup('/system.slice', this.kernel.rootCgroup);
    const containers = this.containers;
    const names = this.names;
    this.index = {
      get: (id) => containers.get(id),
      idByName: (name) => names.get(name),
      ids: () => containers.keys(),
    };
  }

  /**
   * User-defined networks (and the predefined ones' IDs, through `bridge`), made at first use: the store's code
   * comes with the Docker half (network/ops.ts provides it), and the page's first chunk does not carry it.
   */
  get networks(): NetworkStore {
    if (!this.networkStore) {
      if (!makeNetworkStore) throw new Error('the network store is used before network/ops.ts has loaded');
      this.networkStore = makeNetworkStore(this.kernel, this.bridge);
    }
    return this.networkStore;
  }

  /** The user-defined networks for a read: none before the store exists, and reading never makes it. */
  userNetworks(): Iterable<UserNetwork> {
    return this.networkStore?.user.values() ?? [];
  }

  nowNs(): bigint {
    return this.kernel.clock.epochNs();
  }

  /** moby daemon.GetContainer: full ID, exact name, unique ID prefix. */
  getContainer(nameOrId: string): Container {
    return getContainer(this.index, nameOrId);
  }

  runtime(c: Container): ContainerRuntime {
    const rt = this.runtimes.get(c.ID);
    if (!rt) throw new Error(`no runtime record for ${c.ID}`);
    return rt;
  }

  /** Wakes every process blocked on a container condition. */
  notify(): void {
    this.changed.wakeAll(this.kernel.sched);
  }

  containerEvent(c: Container, action: EventAction, extra: Readonly<Record<string, string>> = {}): void {
    this.events.log('container', action, containerActor({ id: c.ID, name: c.Name, image: c.Config.Image, labels: c.Config.Labels }, extra));
  }
}
