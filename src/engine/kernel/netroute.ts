/**
 * How a packet from one namespace finds its destination: the namespace's routes (a connected route per
 * interface subnet, a default route via an interface's gateway), a neighbour on that route's segment that
 * answers ARP (another namespace or a station), and hop by hop through namespaces that forward, masquerading
 * where a rule says so, out through the uplink's router to the simulated Internet. No packet is simulated:
 * the walk returns where the packet ends up, the routers it crossed and the one-way delay, and a connection
 * is then the usual socket pair.
 */
import { BACKBONE, internetHost, type InternetHost } from './internet.js';
import { inSubnet, type NetInterface, type NetNamespace, type Station } from './net.js';

export type Target =
  | { readonly kind: 'ns'; readonly ns: NetNamespace }
  | { readonly kind: 'station'; readonly station: Station }
  | { readonly kind: 'internet'; readonly host: InternetHost };

/** A router the packet crossed (its TTL went down by one there); `ip` null: it never sends ICMP. */
export interface Hop {
  readonly ip: string | null;
  /** One-way delay from the sender to this router, ms. */
  readonly atMs: number;
}

export type PathResult =
  | {
      readonly ok: true;
      readonly target: Target;
      /** The source address the sender's kernel picked. */
      readonly src: string;
      /** The source address the target sees (after masquerading). */
      readonly seenSrc: string;
      /** The target namespace's interface the connection came in on; undefined when it started there. */
      readonly inIface?: string;
      readonly hops: readonly Hop[];
      readonly oneWayMs: number;
    }
  | {
      readonly ok: false;
      /** ENETUNREACH: no route; EHOSTUNREACH: no neighbour answered ARP; ETIMEDOUT: dropped on the way. */
      readonly errno: 'ENETUNREACH' | 'EHOSTUNREACH' | 'ETIMEDOUT';
      /** Who reports it (ICMP's source): the sender itself or the router that gave up; undefined when dropped. */
      readonly from: string | undefined;
      /** The error came from the sender's own kernel (no ICMP on the wire). */
      readonly local: boolean;
      readonly src: string | undefined;
      readonly hops: readonly Hop[];
      readonly oneWayMs: number;
    };

/** One-way delays per kind of link, ms: the base a seeded jitter is applied to. */
export const LINK_MS = { loopback: 0.012, bridge: 0.028, uplink: 0.21 } as const;

function addrOf(cidr: string): string {
  const i = cidr.indexOf('/');
  return i < 0 ? cidr : cidr.slice(0, i);
}

/** `len` of `ip/len` (32 without one), as `Number(cidr.split('/')[1] ?? 32)` reads it, without the array. */
function prefixLen(cidr: string): number {
  const slash = cidr.indexOf('/');
  if (slash < 0) return 32;
  const next = cidr.indexOf('/', slash + 1);
  return Number(cidr.slice(slash + 1, next < 0 ? cidr.length : next));
}

/** `cidr` is `ip/len` (without cutting the string: this runs on every connect). */
function hasAddress(cidr: string, ip: string): boolean {
  return cidr.length > ip.length && cidr.charCodeAt(ip.length) === 47 && cidr.startsWith(ip);
}

/** The namespace owns `ip` (any of its addresses, 127/8 on an up `lo`, or 0.0.0.0 meaning itself). */
export function isLocal(ns: NetNamespace, ip: string): boolean {
  if (ip === '0.0.0.0') return true;
  for (const i of ns.interfaces()) {
    if (i.loopback && i.up && ip.startsWith('127.')) return true;
    for (const c of i.ipv4) if (hasAddress(c, ip)) return true;
  }
  return false;
}

export interface Route {
  readonly iface: NetInterface;
  readonly via: string | undefined;
  readonly src: string;
}

/** The main table's choice for `dst`: the longest connected prefix, else the default route. */
export function lookupRoute(ns: NetNamespace, dst: string): Route | undefined {
  let best: Route | undefined;
  let bestLen = -1;
  for (const i of ns.interfaces()) {
    if (!i.up || i.loopback) continue;
    for (const c of i.ipv4) {
      const len = prefixLen(c);
      if (len > bestLen && inSubnet(dst, c)) {
        best = { iface: i, via: undefined, src: addrOf(c) };
        bestLen = len;
      }
    }
  }
  if (best) return best;
  const gw = ns.interfaces().find((i) => i.up && !i.loopback && i.gateway !== undefined && i.ipv4.length > 0);
  return gw ? { iface: gw, via: gw.gateway, src: addrOf(gw.ipv4[0]) } : undefined;
}

/** The namespace on `seg` (other than `self`) with `ip` on its interface there, and that interface. */
function neighbourOn(seg: NonNullable<NetInterface['segment']>, ip: string, self: NetNamespace): { ns: NetNamespace; iface: NetInterface } | undefined {
  for (const ns of seg.members) {
    if (ns === self) continue;
    for (const i of ns.interfaces()) {
      if (i.segment === seg && i.up && i.ipv4.some((c) => hasAddress(c, ip))) return { ns, iface: i };
    }
  }
  return undefined;
}

/**
 * Walks from `from` to `dst`, recording ARP answers (and failures) in the neighbour caches at uptime `now`.
 */
export function findPath(from: NetNamespace, dst: string, now: number): PathResult {
  let ns = from;
  let src: string | undefined;
  let seenSrc: string | undefined;
  const hops: Hop[] = [];
  let oneWay = 0;
  let arrivedAs: string | undefined;
  /** The interface the walk last arrived on (where a forwarding namespace's rules and DNAT see it come in). */
  let inIface: string | undefined;
  const fail = (errno: 'ENETUNREACH' | 'EHOSTUNREACH' | 'ETIMEDOUT', reporter: string | undefined): PathResult => ({
    ok: false, errno, from: reporter, local: reporter !== undefined && ns === from, src, hops, oneWayMs: oneWay,
  });
  for (let step = 0; step < 32; step++) {
    if (isLocal(ns, dst)) {
      if (step === 0) {
        oneWay += LINK_MS.loopback;
        src = dst.startsWith('127.') || dst === '0.0.0.0' ? '127.0.0.1' : dst;
      }
      return { ok: true, target: { kind: 'ns', ns }, src: src!, seenSrc: seenSrc ?? src!, inIface, hops, oneWayMs: oneWay };
    }
    if (step > 0) {
      // Not for this namespace: it forwards (TTL − 1) or drops silently.
      if (!ns.forwarding) return fail('ETIMEDOUT', undefined);
      hops.push({ ip: arrivedAs ?? null, atMs: oneWay });
    }
    const r = lookupRoute(ns, dst);
    if (!r) return fail('ENETUNREACH', step === 0 ? undefined : arrivedAs);
    if (step > 0 && ns.forwardDrop?.(inIface ?? '', r.iface.name, seenSrc!, dst)) return fail('ETIMEDOUT', undefined);
    if (src === undefined) {
      src = r.src;
      seenSrc = src;
    } else if (ns.masquerade.some((m) => inSubnet(seenSrc!, m.source) && r.iface.name !== m.notOut)) {
      seenSrc = r.src;
    }
    const next = r.via ?? dst;
    const seg = r.iface.segment;
    const station = seg?.stations.get(next);
    const peer = station || !seg ? undefined : neighbourOn(seg, next, ns);
    const mac = station?.mac ?? peer?.iface.mac;
    ns.neighbours.set(next, { ip: next, dev: r.iface.name, mac, at: now });
    if (!station && !peer) return fail('EHOSTUNREACH', step === 0 ? src : arrivedAs);
    oneWay += station ? LINK_MS.uplink : LINK_MS.bridge;
    if (peer) {
      // The reply comes back the same way: the peer learns the sender too (as a Linux host does from its ARP request).
      const back = r.iface.ipv4.find((c) => inSubnet(next, c));
      if (back) peer.ns.neighbours.set(addrOf(back), { ip: addrOf(back), dev: peer.iface.name, mac: r.iface.mac, at: now });
      ns = peer.ns;
      arrivedAs = next;
      inIface = peer.iface.name;
      continue;
    }
    const st = station!;
    if (next === dst) return { ok: true, target: { kind: 'station', station: st }, src, seenSrc: seenSrc!, hops, oneWayMs: oneWay };
    // Out through the uplink router: it NATs what comes from its own subnet; anything else has no way back.
    if (!st.roles.includes('router') || !inSubnet(seenSrc!, st.subnet)) return fail('ETIMEDOUT', undefined);
    hops.push({ ip: st.ip, atMs: oneWay });
    const host = internetHost(dst);
    const per = host ? host.rttMs / 2 / (BACKBONE.length + 1) : 4;
    for (const b of BACKBONE) {
      oneWay += per;
      hops.push({ ip: b, atMs: oneWay });
    }
    if (!host) return fail('ETIMEDOUT', undefined);
    oneWay += per;
    return { ok: true, target: { kind: 'internet', host }, src, seenSrc: seenSrc!, hops, oneWayMs: oneWay };
  }
  return fail('ETIMEDOUT', undefined);
}
