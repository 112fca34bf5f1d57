/**
 * The default bridge as the host's tools see it (libnetwork's bridge driver): `docker0` (172.17.0.1/16,
 * NO-CARRIER while no container is attached) in the host namespace, and per running container a veth pair —
 * `vethXXXXXXX` (master docker0) on the host, `eth0` in the container's namespace with its IP.
 */
import type { Kernel } from '../../kernel/kernel.js';
import { Prng } from '../../kernel/prng.js';
import { loopbackInterface, NetNamespace, Segment, type NetInterface } from '../../kernel/net.js';
import type { Container } from '../container.js';
import { DEFAULT_BRIDGE, macFromSeed, randomMac, type BridgeIpam } from '../ipam.js';
import type { ContainerRuntime } from './task.js';

const BROADCAST = '172.17.255.255';

/** The fe80:: address the kernel derives from a MAC (EUI-64). */
export function linkLocal(mac: string): string {
  const b = (i: number): number => parseInt(mac.slice(i * 3, i * 3 + 2), 16);
  const words = [((b(0) ^ 2) << 8) | b(1), (b(2) << 8) | 0xff, 0xfe00 | b(3), (b(4) << 8) | b(5)];
  return `fe80::${words[0].toString(16)}:${words[1].toString(16)}:${words[2].toString(16)}:${words[3].toString(16)}/64`;
}

export class Bridge {
  /** IDs of the predefined networks (`bridge`, `host`, `none`), made on first use. */
  private readonly ids = new Map<string, string>();
  /** Predefined networks whose ID was taken from the kernel's PRNG (where a container start first needs it). */
  private readonly drawn = new Set<string>();
  /** For IDs a read (`docker network ls`) needs before any start: a read must not move the kernel's PRNG. */
  private readonly readPrng: Prng;
  private nextIndex = 0;
  private attached = 0;
  private docker0Mac = '';
  /** The kernel gives a bridge its fe80:: address at its first carrier and keeps it when the carrier goes. */
  private hadCarrier = false;

  /** docker0's L2 segment: the bridge itself in the host's namespace and each container's eth0. */
  readonly segment = new Segment(DEFAULT_BRIDGE.iface);

  constructor(private readonly kernel: Kernel) {
    this.readPrng = new Prng((kernel.seed ^ 0x6e657477) >>> 0);
  }

  /** The bridge network's ID (NetworkSettings.Networks.bridge.NetworkID), as a start needs it. */
  get networkId(): string {
    return this.startId(DEFAULT_BRIDGE.name);
  }

  /**
   * A predefined network's ID at a container's start: the kernel's PRNG is drawn here the first time, always
   * at the same point of a run, whether or not something listed the networks before (then that ID stays).
   */
  private startId(name: string): string {
    if (!this.drawn.has(name)) {
      this.drawn.add(name);
      const id = this.kernel.prng.hex(32);
      if (!this.ids.has(name)) this.ids.set(name, id);
    }
    return this.ids.get(name)!;
  }

  /** A predefined network's ID if one was given already, else '': the daemon view must not fix it first. */
  knownNetworkId(name: string): string {
    return this.ids.get(name) ?? '';
  }

  /** The ID of a predefined network (`bridge`, `host` or `none`) for a read: never moves the kernel's PRNG. */
  networkIdOf(name: string): string {
    let id = this.ids.get(name);
    if (!id) this.ids.set(name, (id = this.readPrng.hex(32)));
    return id;
  }

  /**
   * `--network none`: a namespace of its own holding only `lo`; `--network host`: the host's namespace. Either
   * way an endpoint without an address on that network, and a sandbox.
   */
  attachPredefined(c: Container, rt: ContainerRuntime, name: 'none' | 'host'): void {
    rt.netns = name === 'host' ? this.kernel.hostNet : new NetNamespace([loopbackInterface()]);
    c.Networks.set(name, { ...emptyEndpoint(), NetworkID: this.startId(name), EndpointID: this.kernel.prng.hex(32) });
    c.SandboxID = this.kernel.prng.hex(32);
  }

  /** The next interface index in the host's numbering (bridges and veths of every network share it). */
  allocIndex(): number {
    this.ensure();
    return this.nextIndex++;
  }

  /** When dockerd created docker0 (and the predefined networks), for their `Created`. */
  createdNs = 0n;

  private hex(n: number): string {
    return this.kernel.prng.hex(Math.ceil(n / 2)).slice(0, n);
  }

  private mac(): string {
    return macFromSeed(this.hex(8));
  }

  /** dockerd's start: creates docker0 if this host has none yet. Idempotent. */
  ensure(): void {
    const host = this.kernel.hostNet;
    if (this.nextIndex === 0) {
      this.nextIndex = Math.max(0, ...host.interfaces().map((i) => i.index)) + 1;
    }
    if (host.has(DEFAULT_BRIDGE.iface)) return;
    this.docker0Mac ||= this.mac();
    if (this.createdNs === 0n) this.createdNs = this.kernel.clock.epochNs();
    host.add(this.docker0(this.nextIndex++));
    // What dockerd's bridge driver sets up with the bridge: ip_forward=1 and the POSTROUTING masquerade.
    host.forwarding = true;
    if (!host.masquerade.some((m) => m.source === DEFAULT_BRIDGE.subnet)) {
      host.masquerade.push({ source: DEFAULT_BRIDGE.subnet, notOut: DEFAULT_BRIDGE.iface });
    }
  }

  /**
   * libnetwork sets docker0 up when it creates it (setupDeviceUp): with no port it is up without carrier
   * (`<NO-CARRIER,BROADCAST,MULTICAST,UP>`, its route `linkdown`), not down.
   */
  private docker0(index: number): NetInterface {
    if (this.attached > 0) this.hadCarrier = true;
    return {
      index, name: DEFAULT_BRIDGE.iface, mac: this.docker0Mac, mtu: 1500, up: true, loopback: false,
      ipv4: [`${DEFAULT_BRIDGE.gateway}/${DEFAULT_BRIDGE.prefixLen}`], ipv4Broadcast: BROADCAST,
      ipv6: this.hadCarrier ? [linkLocal(this.docker0Mac)] : [], qdisc: 'noqueue', segment: this.segment,
    };
  }

  /** docker0 shows NO-CARRIER with no container attached: only the first and last veth change it. */
  private setCarrier(): void {
    if (this.attached > 1) return;
    const host = this.kernel.hostNet;
    const cur = host.interfaces().find((i) => i.name === DEFAULT_BRIDGE.iface);
    if (cur) host.replace(this.docker0(cur.index));
  }

  /** Allocates the container's address and plugs its veth pair in. */
  connect(c: Container, rt: ContainerRuntime, ipam: BridgeIpam): void {
    this.ensure();
    const ip = ipam.allocate();
    const inner = this.nextIndex++;
    const outer = this.nextIndex++;
    const veth = `veth${this.hex(7)}`;
    const hostMac = randomMac(this.kernel.prng);
    const endpointId = this.kernel.prng.hex(32);
    const mac = macFromSeed(endpointId);
    rt.netns = new NetNamespace([
      loopbackInterface(),
      {
        index: inner, name: 'eth0', peerIndex: outer, mac, mtu: 1500, up: true, loopback: false, ipv4: [`${ip}/16`],
        ipv4Broadcast: BROADCAST, ipv6: [], qdisc: 'noqueue', gateway: DEFAULT_BRIDGE.gateway, segment: this.segment,
      },
    ]);
    this.kernel.hostNet.add({
      index: outer, name: veth, peerIndex: inner, mac: hostMac, mtu: 1500, up: true, loopback: false, ipv4: [],
      ipv6: [linkLocal(hostMac)], qdisc: 'noqueue', master: DEFAULT_BRIDGE.iface,
    });
    rt.ip = ip;
    rt.veth = veth;
    this.attached++;
    this.setCarrier();
    c.Networks.set(DEFAULT_BRIDGE.name, {
      NetworkID: this.networkId, EndpointID: endpointId, Gateway: DEFAULT_BRIDGE.gateway, IPAddress: ip,
      IPPrefixLen: DEFAULT_BRIDGE.prefixLen, MacAddress: mac,
    });
    c.SandboxID = this.kernel.prng.hex(32);
  }

  /** The container stopped: its address goes back to the pool, the veth pair disappears. */
  disconnect(c: Container, rt: ContainerRuntime, ipam: BridgeIpam): void {
    if (rt.ip) ipam.release(rt.ip);
    if (rt.veth) {
      // A container that joined this namespace (--network container:) keeps only `lo`, as on Linux.
      rt.netns?.remove('eth0');
      this.kernel.hostNet.remove(rt.veth);
      this.attached--;
      this.setCarrier();
    }
    rt.ip = '';
    rt.veth = '';
    rt.netns = null;
    // cleanOperationalData: what the user configured (aliases, --ip, links) and the DNS names stay.
    for (const [name, ep] of c.Networks) c.Networks.set(name, { ...ep, ...emptyEndpoint(), NetworkID: ep.NetworkID });
    c.SandboxID = '';
  }
}

export function emptyEndpoint(): { NetworkID: string; EndpointID: string; Gateway: string; IPAddress: string; IPPrefixLen: number; MacAddress: string } {
  return { NetworkID: '', EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '' };
}
