/**
 * The daemon's networks (libnetwork's controller as dockerd uses it): the predefined `bridge`, `host` and
 * `none`, and user-defined bridge networks, each with its own `br-<12 hex>` bridge in the host, an L2 segment,
 * an address pool, a masquerade rule unless `--internal`, and the isolation rules that keep networks apart.
 * Containers' endpoints are the `Networks` of their records; this store keeps what belongs to the network.
 */
import type { Kernel } from '../../kernel/kernel.js';
import { Segment, type NetInterface } from '../../kernel/net.js';
import { conflict, DaemonError, invalidParameter, notFound } from '../../../pkg/errdefs.js';
import { DEFAULT_BRIDGE, randomMac } from '../ipam.js';
import type { Bridge } from '../runtime/network.js';
import { linkLocal } from '../runtime/network.js';
import { AddressPool, canonical, cidrString, nextDefaultSubnet, overlaps, parseCidr, type Cidr } from './pool.js';
import { intToIp } from '../../kernel/net.js';
import { Endpoints } from './endpoints.js';
import type { IpamConfigEntry, UserNetwork } from './types.js';

export type { IpamConfigEntry, UserNetwork };

export type Driver = 'bridge' | 'host' | 'null';

export interface CreateNetworkRequest {
  readonly Name: string;
  readonly Driver?: string;
  readonly Internal?: boolean;
  readonly Attachable?: boolean;
  readonly Ingress?: boolean;
  readonly ConfigOnly?: boolean;
  readonly ConfigFrom?: { Network?: string } | null;
  readonly EnableIPv4?: boolean;
  readonly EnableIPv6?: boolean;
  readonly Scope?: string;
  readonly IPAM?: { Driver?: string; Options?: Record<string, string> | null; Config?: IpamConfigEntry[] | null } | null;
  readonly Options?: Record<string, string> | null;
  readonly Labels?: Record<string, string> | null;
}

/** Bridge driver options dockersim models; any other `-o` is refused in one line. */
const MODELLED_OPTIONS = new Set(['com.docker.network.driver.mtu']);

export const PREDEFINED = ['bridge', 'host', 'none'] as const;

export class NetworkStore {
  readonly user = new Map<string, UserNetwork>();
  readonly endpoints: Endpoints;

  constructor(private readonly kernel: Kernel, private readonly bridge: Bridge) {
    this.endpoints = new Endpoints(kernel, () => bridge.allocIndex(), (n) => this.setCarrier(n));
  }

  /** FindNetwork: full ID, then exact name, then a unique ID prefix. */
  find(term: string): { predefined: (typeof PREDEFINED)[number] } | { net: UserNetwork } {
    const found = this.lookup(term);
    if (!found) throw notFound(`network ${term} not found`);
    return found;
  }

  lookup(term: string): { predefined: (typeof PREDEFINED)[number] } | { net: UserNetwork } | undefined {
    const byId = this.user.get(term);
    if (byId) return { net: byId };
    for (const p of PREDEFINED) if (p === term || (term.length === 64 && this.predefinedId(p) === term)) return { predefined: p };
    for (const n of this.user.values()) if (n.name === term) return { net: n };
    if (!/^[0-9a-f]+$/.test(term)) return undefined;
    const matches: Array<{ predefined: (typeof PREDEFINED)[number] } | { net: UserNetwork }> = [];
    for (const p of PREDEFINED) if (this.predefinedId(p).startsWith(term)) matches.push({ predefined: p });
    for (const n of this.user.values()) if (n.id.startsWith(term)) matches.push({ net: n });
    if (matches.length > 1) throw invalidParameter(`network ${term} is ambiguous (${matches.length} matches found based on ID prefix)`);
    return matches[0];
  }

  /** FindNetwork with its error ignored (moby's create-time checks: the network may not exist yet). */
  tryLookup(term: string): { predefined: (typeof PREDEFINED)[number] } | { net: UserNetwork } | undefined {
    try {
      return this.lookup(term);
    } catch {
      return undefined;
    }
  }

  byName(name: string): UserNetwork | undefined {
    for (const n of this.user.values()) if (n.name === name) return n;
    return undefined;
  }

  predefinedId(name: (typeof PREDEFINED)[number]): string {
    return this.bridge.networkIdOf(name);
  }

  /** POST /networks/create for the bridge driver (libnetwork's NewNetwork with the default IPAM). */
  create(req: CreateNetworkRequest, nowNs: bigint): UserNetwork {
    const name = req.Name;
    if ((PREDEFINED as readonly string[]).includes(name)) {
      throw new DaemonError('Forbidden', `operation is not permitted on predefined ${name} network `);
    }
    if (this.byName(name)) throw conflict(`network with name ${name} already exists`);
    const driver = req.Driver || 'bridge';
    if (driver !== 'bridge') {
      if (driver === 'host' || driver === 'null') {
        throw new DaemonError('Forbidden', `only one instance of "${driver}" network is allowed`);
      }
      if (driver === 'overlay') {
        throw new DaemonError('Forbidden', 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
      }
      if (driver === 'macvlan' || driver === 'ipvlan') throw notSimulatedNetwork(`the ${driver} network driver`);
      throw notFound(`plugin "${driver}" not found`);
    }
    if (req.EnableIPv4 === false) throw notSimulatedNetwork('a network without IPv4 (--ipv4=false)');
    if (req.Ingress || req.ConfigOnly || req.ConfigFrom?.Network || req.EnableIPv6 || req.Attachable) {
      throw notSimulatedNetwork(req.EnableIPv6 ? '--ipv6' : req.Attachable ? '--attachable' : req.Ingress ? '--ingress' : '--config-only/--config-from');
    }
    if (req.IPAM?.Driver && req.IPAM.Driver !== 'default') throw notSimulatedNetwork(`IPAM driver "${req.IPAM.Driver}"`);
    for (const k of Object.keys(req.Options ?? {})) if (!MODELLED_OPTIONS.has(k)) throw notSimulatedNetwork(`network option ${k}`);
    const mtu = req.Options?.['com.docker.network.driver.mtu'];
    if (mtu !== undefined && mtu !== '1500') throw notSimulatedNetwork(`an MTU other than 1500 (com.docker.network.driver.mtu=${mtu})`);
    if (Object.keys(req.IPAM?.Options ?? {}).length > 0) throw notSimulatedNetwork('IPAM options (--ipam-opt)');

    const cfgs = req.IPAM?.Config ?? [];
    if (cfgs.length > 1) throw notSimulatedNetwork('more than one subnet');
    const cfg = cfgs[0] ?? {};
    const taken = this.takenSubnets();
    let subnet: Cidr;
    let staticSubnet = false;
    let range: Cidr | undefined;
    let gateway: string;
    if (cfg.Subnet) {
      const s = parseCidr(cfg.Subnet);
      if (!s) throw invalidParameter(`invalid CIDR address: ${cfg.Subnet}`);
      subnet = s;
      staticSubnet = true;
      if (taken.some((t) => overlaps(t, s))) throw new DaemonError('Forbidden', 'Pool overlaps with other one on this address space');
    } else {
      if (cfg.IPRange || cfg.Gateway) throw invalidParameter('ip-range and gateway require a subnet');
      const s = nextDefaultSubnet(taken);
      if (!s) throw invalidParameter('all predefined address pools have been fully subnetted');
      subnet = s;
    }
    const net = canonical(subnet);
    if (cfg.IPRange) {
      const r = parseCidr(cfg.IPRange);
      if (!r) throw invalidParameter(`invalid CIDR address: ${cfg.IPRange}`);
      if (!overlaps(r, net) || r.bits < net.bits) throw invalidParameter(`invalid ip-range ${cfg.IPRange}: it must be within ${cidrString(net)}`);
      range = r;
    }
    if (cfg.Gateway) {
      if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(cfg.Gateway)) throw invalidParameter(`invalid gateway address ${cfg.Gateway}`);
      gateway = cfg.Gateway;
    } else gateway = intToIp(net.base + 1);

    const id = this.kernel.prng.hex(32);
    const mac = randomMac(this.kernel.prng);
    const iface = `br-${id.slice(0, 12)}`;
    const entry: IpamConfigEntry = staticSubnet
      ? { Subnet: cfg.Subnet, ...(cfg.IPRange ? { IPRange: cfg.IPRange } : {}), ...(cfg.Gateway ? { Gateway: cfg.Gateway } : {}) }
      : { Subnet: cidrString(net), Gateway: gateway };
    const n: UserNetwork = {
      id, name, createdNs: nowNs, internal: req.Internal === true, attachable: false,
      labels: { ...(req.Labels ?? {}) }, options: { ...(req.Options ?? {}) },
      ipamOptions: req.IPAM?.Options ? { ...req.IPAM.Options } : null, ipamConfig: [entry], staticSubnet,
      subnet: net, gateway, pool: new AddressPool(net, gateway, range), iface, segment: new Segment(iface),
      ifIndex: this.bridge.allocIndex(), mac, attached: 0, hadCarrier: false,
    };
    this.user.set(id, n);
    this.plugBridge(n);
    return n;
  }

  /** DELETE /networks/{id}: its bridge, masquerade and isolation rules go with it. */
  remove(n: UserNetwork): void {
    const host = this.kernel.hostNet;
    host.remove(n.iface);
    const i = host.masquerade.findIndex((m) => m.notOut === n.iface);
    if (i >= 0) host.masquerade.splice(i, 1);
    this.user.delete(n.id);
  }

  /** The bridge interface as `ip addr` shows it: NO-CARRIER until a container's veth is enslaved to it. */
  bridgeInterface(n: UserNetwork): NetInterface {
    if (n.attached > 0) n.hadCarrier = true;
    const size = 2 ** (32 - n.subnet.bits);
    return {
      index: n.ifIndex, name: n.iface, mac: n.mac, mtu: 1500, up: true, loopback: false,
      ipv4: [`${n.gateway}/${n.subnet.bits}`], ipv4Broadcast: intToIp(n.subnet.base + size - 1),
      ipv6: n.hadCarrier ? [linkLocal(n.mac)] : [], qdisc: 'noqueue', segment: n.segment,
    };
  }

  private plugBridge(n: UserNetwork): void {
    const host = this.kernel.hostNet;
    host.add(this.bridgeInterface(n));
    host.forwarding = true;
    if (!n.internal) host.masquerade.push({ source: cidrString(n.subnet), notOut: n.iface });
    host.forwardDrop ??= (inDev, outDev, src, dst) => this.dropsForward(inDev, outDev, src, dst);
  }

  /**
   * DOCKER-ISOLATION-STAGE-1/2: nothing crosses from one Docker bridge to another; an internal network's
   * traffic never leaves its bridge (DOCKER-INTERNAL).
   */
  private dropsForward(inDev: string, outDev: string, src: string, dst: string): boolean {
    if (inDev === outDev) return false;
    const from = this.bridgeNet(inDev);
    const to = this.bridgeNet(outDev);
    if (from === 'internal' || to === 'internal') return true;
    void src;
    void dst;
    return from !== undefined && to !== undefined;
  }

  private bridgeNet(dev: string): 'internal' | 'bridge' | undefined {
    if (dev === DEFAULT_BRIDGE.iface) return 'bridge';
    if (!dev.startsWith('br-')) return undefined;
    for (const n of this.user.values()) if (n.iface === dev) return n.internal ? 'internal' : 'bridge';
    return undefined;
  }

  private takenSubnets(): Cidr[] {
    return [parseCidr(DEFAULT_BRIDGE.subnet)!, ...[...this.user.values()].map((n) => n.subnet)];
  }

  /** A change of carrier (first endpoint in, last out) shows in `ip addr`. */
  setCarrier(n: UserNetwork): void {
    if (n.attached > 1) return;
    this.kernel.hostNet.replace(this.bridgeInterface(n));
  }
}

export function notSimulatedNetwork(what: string): DaemonError {
  return new DaemonError('NotImplemented', `dockersim: ${what} is not simulated`);
}


