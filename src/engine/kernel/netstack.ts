/**
 * The machine's network stack above the routing walk: what a TCP connect, an ICMP echo and a DNS query meet
 * at the far end and how long that takes in virtual time. Delays are per-link bases with a seeded jitter of
 * their own (a ping never shifts the container IDs the main PRNG hands out).
 */
import { latin1 } from './chunks.js';
import type { VirtualClock } from './clock.js';
import { httpAnswer, lookupA, lookupPtr, type InternetHost } from './internet.js';
import { EMBEDDED_DNS_IP, type DnsOutcome, type DnsType, type EchoOutcome, type NetNamespace, type SockAddr } from './net.js';

export type { DnsOutcome, DnsType, EchoOutcome };
import { findPath, type Hop, type PathResult } from './netroute.js';
import { Prng } from './prng.js';
import type { Scheduler } from './scheduler.js';
import { serviceSocket, type Listener, type SocketEnd } from './socket.js';

/** Linux gives up ARP after 3 probes a second apart. */
export const ARP_FAIL_MS = 3000;
/** tcp_syn_retries = 6: 1+2+4+8+16+32+64 s before connect() says ETIMEDOUT. */
export const SYN_TIMEOUT_MS = 127_000;

export type ConnectOutcome =
  | {
      readonly kind: 'listener';
      readonly listener: Listener;
      readonly path: PathOk;
      readonly afterMs: number;
      /** Where the server sees the connection addressed, when NAT or docker-proxy carried it elsewhere. */
      readonly serverLocal?: SockAddr;
    }
  | { readonly kind: 'internet'; readonly host: InternetHost; readonly path: PathOk; readonly afterMs: number }
  /** Accepted by docker-proxy, which could not reach the container and closed it with the request unread. */
  | { readonly kind: 'reset'; readonly path: PathOk; readonly afterMs: number }
  | { readonly kind: 'error'; readonly errno: 'ECONNREFUSED' | 'ENETUNREACH' | 'EHOSTUNREACH' | 'ETIMEDOUT'; readonly afterMs: number };

type PathOk = Extract<PathResult, { ok: true }>;

/**
 * A namespace's TCP listeners by `ip:port` (`[::]:80` for IPv6), counting per port how many IPv4 and IPv6 keys
 * it holds: bind(2) on a wildcard asks whether any address has the port, which with a thousand published
 * ports was a scan of the whole table per bind.
 */
export class ListenerTable extends Map<string, Listener> {
  private readonly v4 = new Map<number, number>();
  private readonly v6 = new Map<number, number>();

  private count(key: string, by: number): void {
    const colon = key.lastIndexOf(':');
    const port = Number(key.slice(colon + 1));
    const m = key.charCodeAt(0) === 91 ? this.v6 : this.v4;
    const n = (m.get(port) ?? 0) + by;
    if (n === 0) m.delete(port);
    else m.set(port, n);
  }

  override set(key: string, l: Listener): this {
    if (!this.has(key)) this.count(key, 1);
    return super.set(key, l);
  }

  override delete(key: string): boolean {
    if (!super.delete(key)) return false;
    this.count(key, -1);
    return true;
  }

  override clear(): void {
    super.clear();
    this.v4.clear();
    this.v6.clear();
  }

  /** Whether any IPv4 (`[ip]:port` keys apart) or, with `v6`, any IPv6 listener has `port`. */
  hasPort(port: number, v6 = false): boolean {
    return (v6 ? this.v6 : this.v4).has(port);
  }
}

export class NetworkStack {
  private readonly jitter: Prng;
  private readonly tcp = new WeakMap<NetNamespace, ListenerTable>();

  constructor(
    seed: number,
    private readonly clock: VirtualClock,
    private readonly sched: Scheduler,
    private readonly ino: () => number,
  ) {
    this.jitter = new Prng((seed ^ 0x6e657400) >>> 0);
  }

  /** The namespace's TCP listeners by `ip:port` (`0.0.0.0:80` for INADDR_ANY). */
  listeners(ns: NetNamespace): ListenerTable {
    let m = this.tcp.get(ns);
    if (!m) this.tcp.set(ns, (m = new ListenerTable()));
    return m;
  }

  path(from: NetNamespace, dst: string): PathResult {
    return findPath(from, dst, this.clock.now());
  }

  /** A round trip over `oneWayMs`, ±8 % seeded jitter, in µs resolution. */
  rtt(oneWayMs: number): number {
    const ms = 2 * oneWayMs * (0.92 + 0.16 * this.jitter.next());
    return Math.max(0.001, Math.round(ms * 1000) / 1000);
  }

  random(): number {
    return this.jitter.next();
  }

  connect(from: NetNamespace, ip: string, port: number, v6loopback = false): ConnectOutcome {
    const p = this.path(from, ip);
    if (!p.ok) return this.pathError(p);
    const afterMs = this.rtt(p.oneWayMs);
    const t = p.target;
    if (t.kind === 'ns') {
      const rule = t.ns.nat.match(ip, port, from === t.ns ? undefined : p.inIface ?? 'lo');
      if (rule) return this.onward(t.ns, rule.toIp, rule.toPort, p, from === t.ns);
      const table = this.listeners(t.ns);
      // ::1 arrives here as 127.0.0.1 (the path is lo either way): an IPv6 listener answers it first.
      const v6 = v6loopback ? table.get(`[::1]:${port}`) ?? table.get(`[::]:${port}`) : undefined;
      const l = v6 ?? table.get(`${ip === '0.0.0.0' ? '127.0.0.1' : ip}:${port}`) ?? table.get(`0.0.0.0:${port}`);
      // docker-proxy dials the container itself, from the host's side of the bridge, after it has accepted: a
      // container that does not answer (its server not up yet, or listening on its own 127.0.0.1) makes the
      // proxy close the client's connection with the request unread, which the client reads as a reset.
      if (l && !l.closed && l.proxyTo) {
        const on = this.onward(t.ns, l.proxyTo.address, l.proxyTo.port, p, true);
        return on.kind === 'error' ? { kind: 'reset', path: p, afterMs } : on;
      }
      if (l && !l.closed) return { kind: 'listener', listener: l, path: p, afterMs };
    } else if (t.kind === 'internet' && t.host.tcp[port] !== undefined) {
      return { kind: 'internet', host: t.host, path: p, afterMs };
    }
    return { kind: 'error', errno: 'ECONNREFUSED', afterMs };
  }

  /**
   * The rest of a connection DNAT (or the proxy) sent on from `via` to `ip`:`port`. A new source is the
   * address `via` routes from (OUTPUT's source selection after DNAT, or the proxy's own socket); a connection
   * NATed on its way through keeps the source it came with.
   */
  private onward(via: NetNamespace, ip: string, port: number, first: PathOk, newSource: boolean): ConnectOutcome {
    const p = this.path(via, ip);
    if (!p.ok) return this.pathError(p);
    const afterMs = this.rtt(first.oneWayMs + p.oneWayMs);
    const t = p.target;
    const table = t.kind === 'ns' ? this.listeners(t.ns) : undefined;
    const l = table?.get(`${ip}:${port}`) ?? table?.get(`0.0.0.0:${port}`);
    if (!l || l.closed || l.proxyTo) return { kind: 'error', errno: 'ECONNREFUSED', afterMs };
    const path: PathOk = {
      ...p, src: first.src, seenSrc: newSource ? p.seenSrc : first.seenSrc, hops: [...first.hops, ...p.hops],
      oneWayMs: first.oneWayMs + p.oneWayMs,
    };
    return { kind: 'listener', listener: l, path, afterMs, serverLocal: { address: ip, port } };
  }

  private pathError(p: Extract<PathResult, { ok: false }>): ConnectOutcome {
    if (p.errno === 'ENETUNREACH' && p.from === undefined) return { kind: 'error', errno: 'ENETUNREACH', afterMs: 0 };
    if (p.errno === 'EHOSTUNREACH' || p.errno === 'ENETUNREACH') {
      return { kind: 'error', errno: p.errno, afterMs: this.rtt(p.oneWayMs) + (p.local || p.errno === 'EHOSTUNREACH' ? ARP_FAIL_MS : 0) };
    }
    return { kind: 'error', errno: 'ETIMEDOUT', afterMs: SYN_TIMEOUT_MS };
  }

  echo(from: NetNamespace, dst: string, ttl = 64): EchoOutcome {
    const p = this.path(from, dst);
    if (!p.ok) {
      if (p.errno === 'ENETUNREACH' && p.from === undefined) return { kind: 'no-route' };
      const crossed = p.hops.filter((h) => h.ip !== undefined);
      if (crossed.length >= ttl) return this.exceeded(crossed, ttl);
      if (p.from === undefined) return { kind: 'lost' };
      return { kind: 'unreachable', from: p.from, code: p.errno === 'ENETUNREACH' ? 'net' : 'host', afterMs: ARP_FAIL_MS + this.rtt(p.oneWayMs) };
    }
    if (p.hops.length >= ttl) return this.exceeded(p.hops, ttl);
    const t = p.target;
    const initial = t.kind === 'internet' ? t.host.initialTtl : 64;
    return { kind: 'reply', from: dst === '0.0.0.0' ? '127.0.0.1' : dst, ttl: initial - p.hops.length, rttMs: this.rtt(p.oneWayMs) };
  }

  private exceeded(hops: readonly Hop[], ttl: number): EchoOutcome {
    const h = hops[ttl - 1];
    return h.ip === null ? { kind: 'lost' } : { kind: 'ttl-exceeded', from: h.ip, rttMs: this.rtt(h.atMs) };
  }

  /** A query to `server`:53 from `from`: a station or public resolver answers from the Internet's zone. */
  dns(from: NetNamespace, server: string, name: string, type: DnsType, depth = 0): DnsOutcome {
    const p = this.path(from, server);
    if (!p.ok) return p.errno === 'ENETUNREACH' && p.from === undefined ? { kind: 'no-route' } : { kind: 'timeout' };
    const rttMs = this.rtt(p.oneWayMs);
    const t = p.target;
    const serves =
      (t.kind === 'station' && t.station.roles.includes('dns')) || (t.kind === 'internet' && t.host.dns === true);
    if (serves) {
      // The uplink's resolver recurses to the authoritative servers for it (a cache would be faster).
      const extra = t.kind === 'station' ? this.rtt(6) : 0;
      return this.answer(name, type, rttMs + extra);
    }
    if (t.kind === 'ns' && server === EMBEDDED_DNS_IP && t.ns === from && from.embeddedDns && depth < 2) {
      const d = from.embeddedDns;
      const own = d.lookup(name, type);
      if (own === 'refused') return { kind: 'refused', rttMs };
      if (own !== 'forward') return own.length > 0 ? { kind: 'answer', names: own, rttMs } : { kind: 'nxdomain', rttMs };
      for (const up of d.upstreams) {
        const r = this.dns(d.upstreamNs, up, name, type, depth + 1);
        if (r.kind === 'answer' || r.kind === 'nxdomain') return { ...r, rttMs: r.rttMs + rttMs };
      }
      return { kind: 'timeout' };
    }
    if (t.kind === 'ns' && server === '127.0.0.53' && t.ns.resolvedUpstreams.length > 0 && depth < 2) {
      // systemd-resolved's stub: it asks its upstreams from the host's own namespace.
      for (const up of t.ns.resolvedUpstreams) {
        const r = this.dns(t.ns, up, name, type, depth + 1);
        if (r.kind === 'answer' || r.kind === 'nxdomain') return { ...r, rttMs: r.rttMs + rttMs };
      }
      return { kind: 'timeout' };
    }
    return { kind: 'refused', rttMs };
  }

  private answer(name: string, type: DnsType, rttMs: number): DnsOutcome {
    if (type === 'PTR') {
      const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/i.exec(name);
      const ptr = m ? lookupPtr(`${m[4]}.${m[3]}.${m[2]}.${m[1]}`) : undefined;
      return ptr ? { kind: 'answer', names: [`${ptr}.`], rttMs } : { kind: 'nxdomain', rttMs };
    }
    const a = lookupA(name);
    return a.length > 0 ? { kind: 'answer', names: a, rttMs } : { kind: 'nxdomain', rttMs };
  }

  /** The client end of a connection to a public host's port, its service answering after the round trip. */
  internetSocket(host: InternetHost, port: number, rttMs: number): SocketEnd {
    const service = host.tcp[port];
    let buf = '';
    let closed = false;
    const { client, toClient } = serviceSocket(this.sched, this.ino, {
      tryWrite: (d) => {
        if (closed) return 'epipe';
        if (service === 'http') {
          buf += typeof d === 'string' ? d : latin1(d);
          for (let req = takeRequest(buf); req; req = takeRequest(buf)) {
            buf = buf.slice(req.length);
            const reply = this.httpReply(host, req);
            this.clock.setTimer(this.clock.now() + rttMs, () => {
              if (!closed) writer.tryWrite(reply);
            });
          }
        }
        return 'ok';
      },
      release: () => {
        closed = true;
        writer.release();
      },
    });
    const writer = toClient.writeEnd();
    return client;
  }

  private httpReply(host: InternetHost, req: { method: string; host: string; path: string }): string {
    const a = httpAnswer(host.ip, req.host || host.ip, req.method, req.path, this.clock.epochMs());
    const head = `HTTP/1.1 ${a.status} ${a.reason}\r\n${a.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    return req.method === 'HEAD' ? head : head + a.body;
  }
}

/** One complete HTTP/1.1 request at the start of `buf` (head and Content-Length body), if there is one. */
function takeRequest(buf: string): { length: number; method: string; host: string; path: string } | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = buf.slice(0, end);
  const len = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
  if (buf.length < end + 4 + len) return undefined;
  return {
    length: end + 4 + len,
    method: head.slice(0, head.indexOf(' ')),
    path: head.split(' ')[1] ?? '/',
    host: /\r\nhost:\s*([^\r]*)/i.exec(head)?.[1] ?? '',
  };
}
