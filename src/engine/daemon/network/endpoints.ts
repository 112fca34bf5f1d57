/**
 * A container's endpoints on user-defined networks while it runs (libnetwork's endpoint Join): a veth pair
 * whose container end (`eth0`, or `eth1`… for `docker network connect`) sits on the network's segment and
 * whose host end is enslaved to its `br-…`, an address from the network's pool, and the container's DNS names
 * in the network's records, which Docker's embedded DNS (127.0.0.11) answers from.
 */
import type { Kernel } from '../../kernel/kernel.js';
import { loopbackInterface, NetNamespace, type DnsType, type EmbeddedDns } from '../../kernel/net.js';
import { conflict, invalidParameter } from '../../../pkg/errdefs.js';
import type { Container, NetworkEndpoint } from '../container.js';
import { shortID } from '../ids.js';
import { macFromSeed, randomMac } from '../ipam.js';
import { linkLocal } from '../runtime/network.js';
import type { ContainerRuntime } from '../runtime/task.js';
import type { UserNetwork } from './types.js';
import { intToIp } from '../../kernel/net.js';

interface Attachment {
  readonly net: UserNetwork;
  readonly ifname: string;
  readonly ip: string;
  readonly veth: string;
  readonly names: readonly string[];
}

/** Per network: DNS name (lower case) → addresses, and address → the name its PTR record gives. */
interface Records {
  readonly names: Map<string, string[]>;
  readonly ptr: Map<string, string>;
}

/** buildEndpointDNSNames: the container's name, its aliases, its short ID and its hostname, once each. */
export function endpointDnsNames(c: Container, aliases: readonly string[]): string[] {
  const names = [c.Name.replace(/^\//, ''), ...aliases, shortID(c.ID)];
  if (c.Config.Hostname) names.push(c.Config.Hostname);
  return [...new Set(names)];
}

export class Endpoints {
  private readonly byContainer = new Map<string, Attachment[]>();
  private readonly records = new WeakMap<UserNetwork, Records>();

  constructor(
    private readonly kernel: Kernel,
    private readonly allocIndex: () => number,
    private readonly setCarrier: (n: UserNetwork) => void,
  ) {}

  private recordsOf(n: UserNetwork): Records {
    let r = this.records.get(n);
    if (!r) this.records.set(n, (r = { names: new Map(), ptr: new Map() }));
    return r;
  }

  /** Containers with a live endpoint on `n`, in the order they joined. */
  attachedTo(n: UserNetwork): number {
    return n.attached;
  }

  /** Joins a running (starting) container to `n`: its next ethN, an address, DNS records. */
  attach(c: Container, rt: ContainerRuntime, n: UserNetwork, cfg: NetworkEndpoint, upstream: { ext: readonly string[]; fromHost: boolean }): void {
    const k = this.kernel;
    const wanted = cfg.IPAMConfig?.IPv4Address ?? '';
    let ip: string | undefined;
    if (wanted) {
      if (!n.pool.contains(wanted)) throw invalidParameter(`invalid endpoint settings:\nno configured subnet or ip-range contain the IP address ${wanted}`);
      if (!n.pool.reserve(wanted)) throw conflict('failed to set up container networking: Address already in use');
      ip = wanted;
    } else ip = n.pool.allocate();
    if (!ip) throw conflict(`failed to set up container networking: no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})`);
    const inner = this.allocIndex();
    const outer = this.allocIndex();
    const veth = `veth${k.prng.hex(4).slice(0, 7)}`;
    const hostMac = randomMac(k.prng);
    const endpointId = k.prng.hex(32);
    const mac = macFromSeed(endpointId);
    const count = rt.netns ? rt.netns.interfaces().filter((i) => !i.loopback).length : 0;
    const ifname = `eth${count}`;
    const size = 2 ** (32 - n.subnet.bits);
    const eth = {
      index: inner, name: ifname, peerIndex: outer, mac, mtu: 1500, up: true, loopback: false,
      ipv4: [`${ip}/${n.subnet.bits}`], ipv4Broadcast: intToIp(n.subnet.base + size - 1), ipv6: [], qdisc: 'noqueue',
      // An internal network gives no default route; the first network with a gateway does.
      gateway: n.internal || rt.netns?.interfaces().some((i) => i.gateway !== undefined) ? undefined : n.gateway,
      segment: n.segment,
    };
    if (rt.netns) rt.netns.add(eth);
    else rt.netns = new NetNamespace([loopbackInterface(), eth]);
    k.hostNet.add({
      index: outer, name: veth, peerIndex: inner, mac: hostMac, mtu: 1500, up: true, loopback: false, ipv4: [],
      ipv6: [linkLocal(hostMac)], qdisc: 'noqueue', master: n.iface,
    });
    n.attached++;
    this.setCarrier(n);
    const names = endpointDnsNames(c, cfg.Aliases ?? []);
    c.Networks.set(n.name, {
      ...cfg, NetworkID: n.id, EndpointID: endpointId, Gateway: n.internal ? '' : n.gateway, IPAddress: ip,
      IPPrefixLen: n.subnet.bits, MacAddress: mac, DNSNames: names,
    });
    if (!c.SandboxID) c.SandboxID = k.prng.hex(32);
    const list = this.byContainer.get(c.ID) ?? [];
    const a = { net: n, ifname, ip, veth, names };
    list.push(a);
    this.byContainer.set(c.ID, list);
    this.record(a);
    rt.netns.embeddedDns ??= this.resolver(c, rt.netns, upstream);
  }

  /** Leaves one network (`docker network disconnect` of a running container). */
  detach(c: Container, rt: ContainerRuntime, n: UserNetwork): boolean {
    const list = this.byContainer.get(c.ID);
    const i = list?.findIndex((a) => a.net === n) ?? -1;
    if (!list || i < 0) return false;
    this.release(rt, list[i]);
    list.splice(i, 1);
    if (list.length === 0) this.byContainer.delete(c.ID);
    return true;
  }

  /** The container stopped: every user-defined endpoint goes (the default bridge's is runtime/network.ts's). */
  detachAll(c: Container, rt: ContainerRuntime): void {
    const list = this.byContainer.get(c.ID);
    if (!list) return;
    for (const a of list) this.release(rt, a);
    this.byContainer.delete(c.ID);
  }

  private release(rt: ContainerRuntime, a: Attachment): void {
    const n = a.net;
    n.pool.release(a.ip);
    rt.netns?.remove(a.ifname);
    this.kernel.hostNet.remove(a.veth);
    n.attached--;
    this.setCarrier(n);
    this.unrecord(a);
  }

  /** `docker rename` of a running container: its endpoints' DNS names follow (ep.UpdateDNSNames). */
  renamed(c: Container): void {
    const list = this.byContainer.get(c.ID);
    if (!list) return;
    list.forEach((a, i) => {
      const ep = c.Networks.get(a.net.name);
      const names = endpointDnsNames(c, ep?.Aliases ?? []);
      this.unrecord(a);
      const next = { ...a, names };
      list[i] = next;
      this.record(next);
      if (ep) c.Networks.set(a.net.name, { ...ep, DNSNames: names });
    });
  }

  private record(a: Attachment): void {
    const rec = this.recordsOf(a.net);
    for (const name of a.names) {
      const key = name.toLowerCase();
      const ips = rec.names.get(key);
      if (ips) ips.push(a.ip);
      else rec.names.set(key, [a.ip]);
    }
    rec.ptr.set(a.ip, `${a.names[0]}.${a.net.name}`);
  }

  private unrecord(a: Attachment): void {
    const rec = this.recordsOf(a.net);
    for (const name of a.names) {
      const key = name.toLowerCase();
      const ips = rec.names.get(key)?.filter((x) => x !== a.ip) ?? [];
      if (ips.length > 0) rec.names.set(key, ips);
      else rec.names.delete(key);
    }
    rec.ptr.delete(a.ip);
  }

  /** User-defined networks the container is on now, in join order. */
  networksOf(c: Container): readonly UserNetwork[] {
    return (this.byContainer.get(c.ID) ?? []).map((a) => a.net);
  }

  /**
   * The embedded DNS server of one container (moby's Sandbox.ResolveName): its networks' records, `name.network`,
   * the container's own link aliases; anything else goes to the external servers (none from an internal network).
   */
  private resolver(c: Container, ns: NetNamespace, upstream: { ext: readonly string[]; fromHost: boolean }): EmbeddedDns {
    const links = linkAliases(c);
    return {
      upstreams: upstream.ext,
      upstreamNs: upstream.fromHost ? this.kernel.hostNet : ns,
      lookup: (name: string, type: DnsType) => this.lookup(c, links, name, type),
    };
  }

  lookup(c: Container, links: ReadonlyMap<string, string>, name: string, type: DnsType): readonly string[] | 'forward' | 'refused' {
    const list = this.byContainer.get(c.ID) ?? [];
    let q = name.toLowerCase();
    if (q.endsWith('.')) q = q.slice(0, -1);
    if (type === 'PTR') {
      const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(q);
      if (m) {
        const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
        for (const a of list) {
          const ptr = this.recordsOf(a.net).ptr.get(ip);
          if (ptr) return [`${ptr}.`];
        }
      }
      return this.outside(list);
    }
    q = links.get(q) ?? q;
    for (const a of list) {
      const ips = this.recordsOf(a.net).names.get(q);
      if (ips) return ips;
    }
    const dot = q.lastIndexOf('.');
    if (dot > 0) {
      const netName = q.slice(dot + 1);
      const base = q.slice(0, dot);
      for (const a of list) {
        if (a.net.name.toLowerCase() !== netName) continue;
        const ips = this.recordsOf(a.net).names.get(links.get(base) ?? base);
        if (ips) return ips;
      }
    }
    return this.outside(list);
  }

  private outside(list: readonly Attachment[]): 'forward' | 'refused' {
    return list.length > 0 && list.every((a) => a.net.internal) ? 'refused' : 'forward';
  }
}

/** `--link name:alias` on a user-defined network: the alias resolves to the name, for this container only. */
function linkAliases(c: Container): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of c.HostConfig.Links ?? []) {
    const [name, alias = name] = l.split(':');
    out.set(alias.replace(/^\//, '').toLowerCase(), name.replace(/^\//, '').toLowerCase());
  }
  return out;
}
