/**
 * Network namespaces as the kernel routes between them: interfaces with addresses, each non-loopback one on
 * an L2 segment (a bridge such as docker0 and the container ends of its veths, or the host's uplink), the
 * namespace's TCP sockets, its neighbour (ARP) cache, and whether it forwards and masquerades. Who builds the
 * segments (the machine's uplink, the daemon's bridges) lives above; how a packet finds its way is netroute.ts,
 * and the TCP listeners are netstack.ts's.
 */

import { NatTable } from './nat.js';

export interface NetInterface {
  readonly index: number;
  readonly name: string;
  /** `eth0@if7`-style peer suffix as `ip addr` prints it, if a veth. */
  readonly peerIndex?: number;
  readonly mac: string;
  readonly mtu: number;
  readonly up: boolean;
  readonly loopback: boolean;
  /** `inet` addresses in CIDR form, e.g. 172.17.0.2/16. */
  readonly ipv4: readonly string[];
  readonly ipv4Broadcast?: string;
  /** `inet6` addresses in CIDR form. */
  readonly ipv6: readonly string[];
  /** Linux qdisc name, as `ip addr` prints it. */
  readonly qdisc: string;
  /** The default route's next hop through this interface, if it has one (`ip route`: default via …). */
  readonly gateway?: string;
  /** The master bridge (e.g. docker0) a veth is enslaved to. */
  readonly master?: string;
  /**
   * The L2 segment this interface's frames reach: a bridge's segment for the bridge itself and for the far
   * ends of its veths, the uplink for the host's NIC. An enslaved port (a host-side veth) has none of its own.
   */
  readonly segment?: Segment;
}

/** Something on a segment that is not a namespace of this machine: the uplink's router or its DNS server. */
export interface Station {
  readonly ip: string;
  readonly mac: string;
  /** `router` forwards to the simulated Internet (with NAT for its own subnet), `dns` answers queries on :53. */
  readonly roles: readonly ('router' | 'dns')[];
  /** Its subnet, for the router's NAT: only sources inside it are forwarded (nothing else has a route back). */
  readonly subnet: string;
}

/** A socket's address: `ip`/`port` for TCP, the path (and port 0) for a unix socket. */
export interface SockAddr {
  readonly address: string;
  readonly port: number;
}

export type EchoOutcome =
  /** An echo reply from `from`, `ttl` as it arrives, after `rttMs`. */
  | { readonly kind: 'reply'; readonly from: string; readonly ttl: number; readonly rttMs: number }
  /** A router's "Time to live exceeded". */
  | { readonly kind: 'ttl-exceeded'; readonly from: string; readonly rttMs: number }
  /** ICMP host/net unreachable from `from` (or the sender's own ARP failure) after `afterMs`. */
  | { readonly kind: 'unreachable'; readonly from: string; readonly code: 'host' | 'net'; readonly afterMs: number }
  /** The sender has no route: sendto() fails at once. */
  | { readonly kind: 'no-route' }
  /** Nothing comes back. */
  | { readonly kind: 'lost' };

export type DnsOutcome =
  | { readonly kind: 'answer'; readonly names: readonly string[]; readonly rttMs: number }
  | { readonly kind: 'nxdomain'; readonly rttMs: number }
  /** ICMP port unreachable: nothing listens on :53 there. */
  | { readonly kind: 'refused'; readonly rttMs: number }
  | { readonly kind: 'no-route' }
  | { readonly kind: 'timeout' };

export type DnsType = 'A' | 'PTR';

/** One broadcast domain: the namespaces with an interface on it, and stations that answer ARP there. */
export class Segment {
  readonly members = new Set<NetNamespace>();
  readonly stations = new Map<string, Station>();

  constructor(readonly name: string) {}

  addStation(s: Station): void {
    this.stations.set(s.ip, s);
  }
}

/** iptables' `-t nat -A POSTROUTING -s SOURCE ! -o EXCEPT -j MASQUERADE`, the rule dockerd adds per bridge. */
export interface Masquerade {
  readonly source: string;
  readonly notOut: string;
}

/**
 * A DNS server living in a namespace at 127.0.0.11 (Docker's embedded resolver): it answers names it owns
 * and forwards the rest to `upstreams`, asked from `upstreamNs` (the host's namespace for servers read
 * from the host's resolv.conf). `lookup` answers a query: its records, `nxdomain`, or `forward`.
 */
export interface EmbeddedDns {
  lookup(name: string, type: DnsType): readonly string[] | 'forward' | 'refused';
  readonly upstreams: readonly string[];
  readonly upstreamNs: NetNamespace;
}

/** The address of Docker's embedded DNS server inside a container's namespace. */
export const EMBEDDED_DNS_IP = '127.0.0.11';

/**
 * A forwarding namespace's filter (iptables' FORWARD chain as dockerd fills it): true drops a packet that came
 * in on `inDev` and would leave on `outDev`, from `src` to `dst`.
 */
export type ForwardDrop = (inDev: string, outDev: string, src: string, dst: string) => boolean;

export interface Neighbour {
  readonly ip: string;
  readonly dev: string;
  /** Undefined: ARP got no answer (`FAILED`). */
  readonly mac: string | undefined;
  /** Uptime (ms) of the last confirmation; REACHABLE for 30 s after, then STALE. */
  readonly at: number;
}

/** A connected TCP socket as `ss`/`netstat` list it: the connection's end itself (its open file). */
export interface TcpConnection {
  readonly local: SockAddr;
  readonly peer: SockAddr;
}

export class NetNamespace {
  private readonly ifaces: NetInterface[] = [];
  // Made at first use, as the nat table below: a container's namespace often has no connection or neighbour.
  private conns: Set<TcpConnection> | null = null;
  private neigh: Map<string, Neighbour> | null = null;
  private natTable: NatTable | null = null;

  get connections(): Set<TcpConnection> {
    return (this.conns ??= new Set());
  }

  get neighbours(): Map<string, Neighbour> {
    return (this.neigh ??= new Map());
  }

  /** net.ipv4.ip_forward */
  forwarding = false;
  readonly masquerade: Masquerade[] = [];
  /** iptables -t nat: the DNAT rules of published ports. */
  get nat(): NatTable {
    return (this.natTable ??= new NatTable());
  }
  /**
   * systemd-resolved's stub listener on 127.0.0.53 (the host's own /etc/resolv.conf), forwarding to the
   * upstream servers named here. Empty: no stub.
   */
  resolvedUpstreams: readonly string[] = [];
  /** Docker's embedded DNS at 127.0.0.11, in a container on a user-defined network. */
  embeddedDns: EmbeddedDns | undefined = undefined;
  /** Dropped forwards (Docker's isolation between networks); undefined: forward everything. */
  forwardDrop: ForwardDrop | undefined = undefined;
  private nextEphemeral = 0;

  constructor(initial: readonly NetInterface[] = []) {
    for (const i of initial) this.add(i);
  }

  interfaces(): readonly NetInterface[] {
    return this.ifaces;
  }

  /**
   * Interfaces by name, counted, made at the first `has` (the host's namespace, with a veth per running
   * container): a container's own namespace never pays for it.
   */
  private names: Map<string, number> | null = null;

  private countName(name: string, by: number): void {
    if (!this.names) return;
    const n = (this.names.get(name) ?? 0) + by;
    if (n === 0) this.names.delete(name);
    else this.names.set(name, n);
  }

  /** Whether an interface is called `name`. */
  has(name: string): boolean {
    if (!this.names) {
      this.names = new Map();
      for (const i of this.ifaces) this.countName(i.name, 1);
    }
    return this.names.has(name);
  }

  add(iface: NetInterface): void {
    this.ifaces.push(iface);
    this.countName(iface.name, 1);
    iface.segment?.members.add(this);
  }

  remove(name: string): void {
    const i = this.ifaces.findIndex((x) => x.name === name);
    if (i < 0) return;
    const [gone] = this.ifaces.splice(i, 1);
    this.countName(name, -1);
    if (gone.segment && !this.ifaces.some((x) => x.segment === gone.segment)) gone.segment.members.delete(this);
  }

  replace(iface: NetInterface): void {
    const i = this.ifaces.findIndex((x) => x.name === iface.name);
    if (i < 0) {
      this.add(iface);
      return;
    }
    const old = this.ifaces[i];
    this.ifaces[i] = iface;
    this.countName(old.name, -1);
    this.countName(iface.name, 1);
    if (old.segment !== iface.segment && old.segment && !this.ifaces.some((x) => x.segment === old.segment)) {
      old.segment.members.delete(this);
    }
    iface.segment?.members.add(this);
  }

  /** A local port for an outgoing connection: Linux's ip_local_port_range 32768–60999, from a seeded start. */
  ephemeralPort(random: () => number): number {
    if (this.nextEphemeral === 0) this.nextEphemeral = 32768 + Math.floor(random() * 20000);
    const port = this.nextEphemeral;
    this.nextEphemeral = port >= 60999 ? 32768 : port + 1;
    return port;
  }
}

export function loopbackInterface(): NetInterface {
  return {
    index: 1,
    name: 'lo',
    mac: '00:00:00:00:00:00',
    mtu: 65536,
    up: true,
    loopback: true,
    ipv4: ['127.0.0.1/8'],
    ipv6: ['::1/128'],
    qdisc: 'noqueue',
  };
}

export function ipToInt(ip: string): number {
  return quadToInt(ip, 0, ip.length) ?? splitQuadToInt(ip);
}

/**
 * A plain dotted quad in `s[from, to)` without allocating (route lookups parse addresses on every connect);
 * undefined for anything else, which `splitQuadToInt` reads as it always did.
 */
function quadToInt(s: string, from: number, to: number): number | undefined {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255 || ++dots > 3) return undefined;
      n = n * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48);
      digits++;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0 || part > 255) return undefined;
  return n * 256 + part;
}

function splitQuadToInt(ip: string): number {
  const p = ip.split('.');
  return ((Number(p[0]) << 24) | (Number(p[1]) << 16) | (Number(p[2]) << 8) | Number(p[3])) >>> 0;
}

export function intToIp(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export const IPV4_RE = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** True when `ip` lies in `cidr` (`172.17.0.0/16`). */
export function inSubnet(ip: string, cidr: string): boolean {
  const slash = cidr.indexOf('/');
  const end = slash < 0 ? cidr.length : slash;
  let len = 32;
  if (slash >= 0) {
    const next = cidr.indexOf('/', slash + 1);
    len = Number(cidr.slice(slash + 1, next < 0 ? cidr.length : next));
  }
  if (len === 0) return true;
  const mask = len === 32 ? 0xffffffff : (~((1 << (32 - len)) - 1)) >>> 0;
  const base = quadToInt(cidr, 0, end) ?? splitQuadToInt(cidr.slice(0, end));
  return ((ipToInt(ip) & mask) >>> 0) === ((base & mask) >>> 0);
}
