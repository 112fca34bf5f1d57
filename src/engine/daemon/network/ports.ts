/**
 * Published ports as Docker 28's bridge driver sets them up when a container joins its network
 * (libnetwork/drivers/bridge/port_mapping_linux.go): each `PortBindings` entry (and with `PublishAllPorts` each
 * EXPOSEd port without one) becomes an IPv4 binding and, when no host address is given, an IPv6 one on `::`
 * with the same host port; dockerd binds the host socket itself (so a port a host process holds fails here),
 * adds the DNAT rule, and hands the socket to a `docker-proxy` process (`-use-listen-fd`), which carries
 * loopback and same-bridge connections the rule does not see, and all of IPv6 (the container has no IPv6
 * address, so `::` goes to its IPv4 one). Everything is released when the container's endpoint goes.
 */
import { DaemonError, invalidParameter } from '../../../pkg/errdefs.js';
import { installFd } from '../../kernel/fdtable.js';
import type { Kernel } from '../../kernel/kernel.js';
import type { DnatRule } from '../../kernel/nat.js';
import type { Process } from '../../kernel/process.js';
import { Listener } from '../../kernel/socket.js';
import type { Program } from '../../kernel/sys.js';
import type { Container } from '../container.js';
import type { DaemonStore } from '../store.js';
import { PortAllocator } from './portallocator.js';
import { published, type PortBinding } from './published.js';

export { bindingsOf, portList, portMap, type PortBinding } from './published.js';

export const PROXY_PATH = '/usr/bin/docker-proxy';
/** maxAllocatePortAttempts: an ephemeral port that turns out bound on the host is given up for the next. */
const MAX_ATTEMPTS = 10;

/**
 * libnetwork's portallocator is a singleton of the dockerd process: a daemon started again begins the
 * ephemeral range afresh (a restored `-p 80` container gets 32768 again) and knows nothing of what the last one
 * handed out. Without a dockerd process (the engine driven directly) one allocator serves the kernel.
 */
const allocators = new WeakMap<object, PortAllocator>();

function allocator(k: Kernel): PortAllocator {
  const owner = runningDockerd(k) ?? k;
  let a = allocators.get(owner);
  if (!a) allocators.set(owner, (a = new PortAllocator()));
  return a;
}

const isV6 = (ip: string): boolean => ip.includes(':');
const PROTO_ORDER = { tcp: 0, udp: 1, sctp: 2 } as const;

interface Request {
  readonly proto: PortBinding['proto'];
  readonly port: number;
  readonly hostIp: string;
  readonly start: number;
  readonly end: number;
}

/** `8080`, `8000-8010` or '' (any): the host port range a binding asks for. */
function hostRange(s: string): [number, number] {
  if (s === '') return [0, 0];
  const [a, b] = s.split('-');
  const start = Number(a);
  return [start, b === undefined ? start : Number(b)];
}

const ANY_PORT: ReadonlyArray<{ HostIp: string; HostPort: string }> = [{ HostIp: '', HostPort: '' }];

/** The bindings HostConfig asks for, one per address family, in sortAndNormPBs' order. */
function requests(c: Container): Request[] {
  // buildPortsRelatedCreateEndpointOptions: the exposed ports are walked; a binding for any other is dropped.
  const out: Request[] = [];
  const bindings = c.HostConfig.PortBindings;
  for (const key of Object.keys(c.Config.ExposedPorts ?? {})) {
    let list: ReadonlyArray<{ HostIp: string; HostPort: string }> = bindings?.[key] ?? [];
    if (list.length === 0) {
      if (!c.HostConfig.PublishAllPorts) continue;
      list = ANY_PORT;
    }
    const slash = key.indexOf('/');
    const port = Number(slash < 0 ? key : key.slice(0, slash));
    const rest = slash < 0 ? '' : key.slice(slash + 1);
    const proto = (slash < 0 ? 'tcp' : rest.split('/')[0]) as Request['proto'];
    for (const b of list) {
      const [start, end] = hostRange(b.HostPort ?? '');
      if (b.HostIp === '' || b.HostIp === undefined) {
        out.push({ proto, port, start, end, hostIp: '0.0.0.0' }, { proto, port, start, end, hostIp: '::' });
      } else out.push({ proto, port, start, end, hostIp: b.HostIp });
    }
  }
  // An insertion sort (stable, as sort is): the list is a couple of entries, and sort's work copy of them was
  // most of what a `-p 80` start allocated here.
  for (let i = 1; i < out.length; i++) {
    const r = out[i];
    let j = i;
    for (; j > 0 && compareRequests(out[j - 1], r) > 0; j--) out[j] = out[j - 1];
    out[j] = r;
  }
  return out;
}

const isRange = (r: Request): boolean => r.start === 0 || r.start !== r.end;

function compareRequests(a: Request, b: Request): number {
  return Number(isRange(a)) - Number(isRange(b)) || a.port - b.port || PROTO_ORDER[a.proto] - PROTO_ORDER[b.proto] ||
    a.start - b.start || a.end - b.end || compareIp(a.hostIp, b.hostIp);
}

/** netip.Addr.Compare on what matters here: IPv4 before IPv6, then by value. */
function compareIp(a: string, b: string): number {
  if (isV6(a) !== isV6(b)) return isV6(a) ? 1 : -1;
  if (!isV6(a)) {
    const n = (s: string): number => s.split('.').reduce((x, o) => x * 256 + Number(o), 0);
    return n(a) - n(b);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** types.PortBinding.String: `0.0.0.0:8080:172.17.0.2:80/tcp`. */
function describe(hostIp: string, hostPort: string, ip: string, port: number, proto: string): string {
  const h = isV6(hostIp) ? `[${hostIp}]` : hostIp;
  return `${h}:${hostPort}:${ip}:${port}/${proto}`;
}

/** The listener table key of a host socket; IPv6 ones are kept apart, as an IPV6_V6ONLY socket is. */
function listenKey(hostIp: string, port: number): string {
  return isV6(hostIp) ? `[${hostIp}]:${port}` : `${hostIp}:${port}`;
}

/** Whether bind(2) on the host would fail with EADDRINUSE. */
function hostBusy(k: Kernel, hostIp: string, port: number): boolean {
  const table = k.network.listeners(k.hostNet);
  if (isV6(hostIp)) return table.has(listenKey(hostIp, port)) || table.has(`[::]:${port}`);
  if (hostIp === '0.0.0.0') return table.hasPort(port);
  return table.has(`${hostIp}:${port}`) || table.has(`0.0.0.0:${port}`);
}

/**
 * addPortMappings for the container's endpoint at `ip` on bridge `bridge`. Throws the driver's error (the
 * caller wraps it as libnetwork does); nothing stays allocated then.
 */
export function publishPorts(engine: DaemonStore, c: Container, ip: string, bridge: string): void {
  const k = engine.kernel;
  const alloc = allocator(k);
  const reqs = requests(c);
  if (reqs.length === 0) return;
  const done: PortBinding[] = [];
  const undo = (): void => {
    for (const b of done) alloc.release(b.hostIp, b.proto, b.hostPort);
  };
  try {
    for (let i = 0; i < reqs.length; ) {
      let j = i + 1;
      const r = reqs[i];
      while (j < reqs.length && reqs[j].port === r.port && reqs[j].proto === r.proto && reqs[j].start === r.start && reqs[j].end === r.end) j++;
      const group = reqs.slice(i, j);
      done.push(...bindGroup(k, alloc, group, ip));
      i = j;
    }
  } catch (e) {
    undo();
    throw e;
  }
  // Each list kept for the container's life is copied to its size (slice): an array grown by push keeps room
  // for 17 entries.
  const rules: DnatRule[] = [];
  const listeners: Listener[] = [];
  for (const b of done) {
    if (b.proto !== 'tcp') continue;
    if (!isV6(b.hostIp)) {
      const rule: DnatRule = { proto: b.proto, hostIp: b.hostIp, hostPort: b.hostPort, toIp: b.ip, toPort: b.port, bridge };
      k.hostNet.nat.add(rule);
      rules.push(rule);
    }
    listeners.push(hostListener(k, b));
  }
  published.set(c, { bindings: done.slice(), rules: rules.slice(), listeners: listeners.slice(), proxies: [], allocator: alloc });
}

/**
 * The host socket dockerd binds for `b`, in the host's listener table until it closes. A function of its own: a
 * closure made in publishPorts would keep that call's whole scope (the allocator, the list of bindings) for as
 * long as the socket lives.
 */
function hostListener(k: Kernel, b: PortBinding): Listener {
  const table = k.network.listeners(k.hostNet);
  const key = listenKey(b.hostIp, b.hostPort);
  const l = new Listener(`tcp://${key}`, k.sched, () => {
    if (table.get(key) === l) table.delete(key);
  });
  l.bound = { address: b.hostIp, port: b.hostPort };
  l.proxyTo = { address: b.ip, port: b.port };
  table.set(key, l);
  return l;
}

function bindGroup(k: Kernel, alloc: PortAllocator, group: readonly Request[], ip: string): PortBinding[] {
  const r = group[0];
  const ips = group.map((g) => g.hostIp);
  let last: DaemonError | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const port = alloc.request(ips, r.proto, r.start, r.end);
    const busy = r.proto === 'tcp' ? group.find((g) => hostBusy(k, g.hostIp, port)) : undefined;
    if (!busy) return group.map((g) => ({ proto: g.proto, ip, port: g.port, hostIp: g.hostIp, hostPort: port }));
    for (const a of ips) alloc.release(a, r.proto, port);
    const exact = r.start !== 0 && r.start === r.end;
    const asked = r.start === 0 ? '' : exact ? String(r.start) : `${r.start}-${r.end}`;
    const what = describe(busy.hostIp, asked, ip, r.port, r.proto);
    last = new DaemonError('System', r.start === r.end
      ? `failed to bind host port for ${what}: address already in use`
      : `failed to bind host port ${port} for ${what}: address already in use`);
    if (exact) break;
  }
  throw last!;
}

/** The container's endpoint goes: rules, sockets, proxies and ports are given back. */
export function unpublishPorts(engine: DaemonStore, c: Container): void {
  const state = published.get(c);
  if (!state) return;
  published.delete(c);
  const k = engine.kernel;
  for (const r of state.rules) k.hostNet.nat.remove(r);
  for (const p of state.proxies) if (p.state === 'running') k.kill(p, 'SIGINT', null);
  for (const l of state.listeners) {
    const table = k.network.listeners(k.hostNet);
    const key = l.bound ? listenKey(l.bound.address.replace(/^\[|\]$/g, ''), l.bound.port) : '';
    if (table.get(key) === l) table.delete(key);
  }
  // Given back to the allocator that handed them out: a later dockerd's own has not got them.
  for (const b of state.bindings) state.allocator.release(b.hostIp, b.proto, b.hostPort);
}

/**
 * docker-proxy: holds the socket dockerd bound (fd 4) until it is told to stop. A chain of reactions rather
 * than an async loop: two of these idle per published port, and a suspended frame is twice a reaction.
 */
const dockerProxy: Program = (sys) => {
  const idle = (): Promise<number> => sys.pause().then(idle);
  return idle();
};

const dockerds = new WeakMap<Kernel, Process>();

const isDockerd = (p: Process): boolean => p.comm === 'dockerd' && p.state === 'running' && p.tgid === p.hostPid;

/**
 * The dockerd process the proxies are children of: the first running one in the process table, remembered while
 * it runs (its pidfile keeps a second from starting), so that a thousand starts are not a thousand scans of
 * every process on the host.
 */
function runningDockerd(k: Kernel): Process | undefined {
  const known = dockerds.get(k);
  if (known && isDockerd(known)) return known;
  for (const p of k.procs.values()) {
    if (isDockerd(p)) {
      dockerds.set(k, p);
      return p;
    }
  }
  return undefined;
}

/**
 * startProxy for each TCP binding: `/usr/bin/docker-proxy -proto tcp -host-ip … -use-listen-fd`, a child of
 * dockerd holding the bound socket as fd 4.
 */
export function startProxies(engine: DaemonStore, c: Container): void {
  const state = published.get(c);
  if (!state || state.proxies.length > 0) return;
  const k = engine.kernel;
  const dockerd = runningDockerd(k);
  if (!dockerd) return;
  const proxies: Process[] = [];
  let li = 0;
  for (const b of state.bindings) {
    if (b.proto !== 'tcp') continue;
    const l = state.listeners[li++];
    const argv = [
      PROXY_PATH, '-proto', b.proto, '-host-ip', b.hostIp, '-host-port', String(b.hostPort),
      '-container-ip', b.ip, '-container-port', String(b.port), '-use-listen-fd',
    ];
    const p = k.spawn(dockerd, { program: dockerProxy, argv, fds: {}, cwd: '/', env: {} });
    p.exe = PROXY_PATH;
    p.comm = 'docker-proxy';
    const f = l.openFile();
    l.file = f;
    installFd(p, 4, f);
    proxies.push(p);
  }
  state.proxies = proxies.slice();
}

/** `0`–`65535` without sign or spaces (strconv.ParseUint(s, 10, 16)). */
const isUint16 = (s: string): boolean => /^[0-9]+$/.test(s) && Number(s) <= 65535;

/**
 * moby's validatePortBindings at create: each key's port a number, each HostPort empty, a number or a range.
 * The docker CLI never sends anything else; an API client might.
 */
export function validatePortBindings(bindings: unknown): void {
  if (bindings === null || typeof bindings !== 'object') return;
  for (const [key, list] of Object.entries(bindings as Record<string, unknown>)) {
    const slash = key.indexOf('/');
    const port = slash < 0 ? key : key.slice(0, slash);
    if (port !== '' && !isUint16(port)) throw invalidParameter(`invalid port specification: ${JSON.stringify(port)}`);
    for (const b of Array.isArray(list) ? list : []) {
      const hp = String((b as { HostPort?: unknown } | null)?.HostPort ?? '');
      const range = hp.split('/')[0];
      const [a, z, ...more] = range.split('-');
      const ok = range === '' || (more.length === 0 && isUint16(a) && (z === undefined || (isUint16(z) && Number(z) >= Number(a))));
      if (!ok) throw invalidParameter(`invalid port specification: ${JSON.stringify(hp)}`);
    }
  }
}
