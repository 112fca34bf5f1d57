/**
 * The network endpoints of the Engine API (moby daemon/network.go and the network router): list, inspect,
 * create, connect, disconnect, remove and prune, with libnetwork's and the daemon's error texts. JSON keys are
 * in network.Inspect's order; Go maps (Containers, Options, Labels) serialise with sorted keys.
 */
import { formatRFC3339Nano } from '../../../pkg/timetypes.js';
import { DaemonError, invalidParameter } from '../../../pkg/errdefs.js';
import type { Container, NetworkEndpoint } from '../container.js';
import { FilterArgs, type FilterMap } from '../filters.js';
import { shortID } from '../ids.js';
import { DEFAULT_BRIDGE } from '../ipam.js';
import { matchLabels, pruneUntil } from '../prune.js';
import { provideNetworkStore, type DaemonStore } from '../store.js';
import { resolvConfUpstream, rewriteNetworkFiles } from '../runtime/rootfs.js';
import { endpointDnsNames } from './endpoints.js';
import { NetworkStore, PREDEFINED, type CreateNetworkRequest, type UserNetwork } from './network.js';

provideNetworkStore((kernel, bridge) => new NetworkStore(kernel, bridge));

type Json = Record<string, unknown>;
type Which = { predefined: (typeof PREDEFINED)[number] } | { net: UserNetwork };

const sortedMap = <T>(m: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));

const DEFAULT_BRIDGE_OPTIONS = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

function nameOf(w: Which): string {
  return 'net' in w ? w.net.name : w.predefined;
}

function idOf(engine: DaemonStore, w: Which): string {
  return 'net' in w ? w.net.id : engine.networks.predefinedId(w.predefined);
}

function driverOf(w: Which): string {
  if ('net' in w) return 'bridge';
  return w.predefined === 'none' ? 'null' : w.predefined;
}

/** buildContainerAttachments: the running containers with an endpoint on the network, by container ID. */
function containersOn(engine: DaemonStore, name: string): Json {
  const out: Record<string, Json> = {};
  for (const c of engine.containers.values()) {
    const e = c.Networks.get(name);
    if (!e || !e.EndpointID) continue;
    out[c.ID] = {
      Name: c.Name.slice(1), EndpointID: e.EndpointID, MacAddress: e.MacAddress,
      IPv4Address: e.IPAddress ? `${e.IPAddress}/${e.IPPrefixLen}` : '', IPv6Address: '',
    };
  }
  return sortedMap(out);
}

/** network.Inspect. `detailed`: with the Containers map (GET /networks/{id}); the list leaves it empty. */
export function networkJSON(engine: DaemonStore, w: Which, detailed: boolean): Json {
  const name = nameOf(w);
  const n = 'net' in w ? w.net : undefined;
  const created = n ? n.createdNs : engine.bridge.createdNs || engine.nowNs();
  let ipam: Json;
  if (n) ipam = { Driver: 'default', Options: n.ipamOptions, Config: n.ipamConfig };
  else if (name === 'bridge') ipam = { Driver: 'default', Options: null, Config: [{ Subnet: DEFAULT_BRIDGE.subnet, Gateway: DEFAULT_BRIDGE.gateway }] };
  else ipam = { Driver: 'default', Options: null, Config: null };
  return {
    Name: name, Id: idOf(engine, w), Created: formatRFC3339Nano(created), Scope: 'local', Driver: driverOf(w),
    EnableIPv4: true, EnableIPv6: false, IPAM: ipam, Internal: n?.internal ?? false, Attachable: false, Ingress: false,
    ConfigFrom: { Network: '' }, ConfigOnly: false, Containers: detailed ? containersOn(engine, name) : {},
    Options: n ? sortedMap(n.options) : name === 'bridge' ? DEFAULT_BRIDGE_OPTIONS : {},
    Labels: n ? sortedMap(n.labels) : {},
  };
}

function all(engine: DaemonStore): Which[] {
  return [...PREDEFINED.map((p) => ({ predefined: p })), ...[...engine.networks.user.values()].map((net) => ({ net }))];
}

const LIST_FILTERS: ReadonlySet<string> = new Set(['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type']);

/**
 * GET /networks (network.FilterNetworks). The filters run on the list as built without attachments, so
 * `dangling=true` (no containers) holds for every user-defined network, as on Docker 28.
 */
export function networkList(engine: DaemonStore, raw: FilterMap = {}): Json[] {
  const f = new FilterArgs(raw);
  f.validate(LIST_FILTERS);
  let list = all(engine).filter((w) => {
    if (f.contains('driver') && !f.exactMatch('driver', driverOf(w))) return false;
    if (f.contains('name') && !f.match('name', nameOf(w))) return false;
    if (f.contains('id') && !f.match('id', idOf(engine, w))) return false;
    if (f.contains('label') && !f.matchKVList('label', 'net' in w ? w.net.labels : {})) return false;
    if (f.contains('scope') && !f.exactMatch('scope', 'local')) return false;
    return true;
  });
  const dangling = f.get('dangling');
  if (dangling.length > 1) throw invalidParameter('got more than one value for filter key "dangling"');
  if (dangling.length === 1) {
    if (!['0', 'false', '1', 'true'].includes(dangling[0])) {
      throw invalidParameter('invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")');
    }
    const only = dangling[0] === '1' || dangling[0] === 'true';
    list = list.filter((w) => ('net' in w) === only);
  }
  if (f.contains('type')) {
    const typed: Which[] = [];
    for (const t of f.get('type')) {
      if (t !== 'builtin' && t !== 'custom') throw new DaemonError('System', `invalid filter: 'type'='${t}'`);
      typed.push(...list.filter((w) => ('net' in w) === (t === 'custom')));
    }
    list = typed;
  }
  return list.map((w) => networkJSON(engine, w, false));
}

/** GET /networks/{id} */
export function networkInspect(engine: DaemonStore, term: string): Json {
  return networkJSON(engine, engine.networks.find(term), true);
}

/** POST /networks/create */
export function networkCreate(engine: DaemonStore, req: CreateNetworkRequest): { Id: string; Warning: string } {
  if (!req.Name) throw invalidParameter('network name is required');
  const n = engine.networks.create(req, engine.nowNs());
  engine.events.log('network', 'create', { ID: n.id, Attributes: { name: n.name, type: 'bridge' } });
  return { Id: n.id, Warning: '' };
}

/** DELETE /networks/{id} */
export function networkRemove(engine: DaemonStore, term: string): void {
  const w = engine.networks.find(term);
  if (!('net' in w)) throw new DaemonError('Forbidden', `${w.predefined} is a pre-defined network and cannot be removed`);
  const n = w.net;
  const active = [...engine.containers.values()].filter((c) => !!c.Networks.get(n.name)?.EndpointID);
  if (active.length > 0) {
    const eps = active.map((c) => `name:"${c.Name.slice(1)}" id:"${shortID(c.Networks.get(n.name)!.EndpointID)}"`);
    throw new DaemonError('Forbidden', `error while removing network: network ${n.name} has active endpoints (${eps.join(', ')})`);
  }
  engine.networks.remove(n);
  engine.events.log('network', 'destroy', { ID: n.id, Attributes: { name: n.name, type: 'bridge' } });
}

const PRUNE_FILTERS: ReadonlySet<string> = new Set(['label', 'label!', 'until']);

/** POST /networks/prune: user-defined networks no container is configured on. */
export function networksPrune(engine: DaemonStore, raw: FilterMap = {}): { NetworksDeleted: string[] | null } {
  const f = new FilterArgs(raw);
  f.validate(PRUNE_FILTERS);
  const until = pruneUntil(f, engine.nowNs());
  const deleted: string[] = [];
  for (const n of [...engine.networks.user.values()]) {
    if (until !== null && n.createdNs >= until) continue;
    if (!matchLabels(f, n.labels)) continue;
    if ([...engine.containers.values()].some((c) => !!c.Networks.get(n.name)?.EndpointID)) continue;
    engine.networks.remove(n);
    engine.events.log('network', 'destroy', { ID: n.id, Attributes: { name: n.name, type: 'bridge' } });
    deleted.push(n.name);
  }
  engine.events.log('network', 'prune', { ID: '', Attributes: { reclaimed: '0' } });
  return { NetworksDeleted: deleted.length > 0 ? deleted : null };
}

/** What `--network-alias`, `--ip`, `--link` put in an endpoint (the rest is the daemon's). */
export function endpointConfig(raw: Json | null | undefined): NetworkEndpoint {
  const r = raw ?? {};
  const ipam = r.IPAMConfig as NetworkEndpoint['IPAMConfig'];
  const clean = ipam ? Object.fromEntries(Object.entries(ipam).filter(([, v]) => v !== '' && v !== undefined && v !== null)) : null;
  return {
    IPAMConfig: clean && Object.keys(clean).length > 0 ? clean : null,
    Links: Array.isArray(r.Links) && r.Links.length > 0 ? (r.Links as string[]) : null,
    Aliases: Array.isArray(r.Aliases) && r.Aliases.length > 0 ? (r.Aliases as string[]) : null,
    NetworkID: '', EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '',
  };
}

/** validateEndpointSettings for one network at create or connect. */
export function validateEndpoint(engine: DaemonStore, name: string, ep: NetworkEndpoint): string | null {
  const found = engine.networks.tryLookup(name);
  const userDefined = !['default', 'bridge', 'host', 'none'].includes(name) && !name.startsWith('container:');
  const ip = ep.IPAMConfig?.IPv4Address ?? '';
  const errs: string[] = [];
  if (!userDefined) {
    if (ip || ep.IPAMConfig?.IPv6Address) errs.push('user specified IP address is supported on user defined networks only');
    if ((ep.Aliases?.length ?? 0) > 0) errs.push('network-scoped alias is supported only for containers in user defined networks');
  }
  if (ip && !/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) errs.push(`invalid IPv4 address: ${ip}`);
  else if (ip && found && 'net' in found) {
    if (!found.net.staticSubnet) errs.push('user specified IP address is supported only when connecting to networks with user configured subnets');
    else if (!found.net.pool.contains(ip)) errs.push(`no configured subnet or ip-range contain the IP address ${ip}`);
  }
  if (errs.length === 0) return null;
  return `invalid endpoint settings:\n${errs.length === 1 ? errs[0] : `* ${errs.join('\n* ')}`}`;
}

/** POST /networks/{id}/connect (ConnectToNetwork). */
export function networkConnect(engine: DaemonStore, term: string, containerRef: string, raw: Json | null | undefined): void {
  const c = engine.getContainer(containerRef);
  const w = engine.networks.find(term);
  const name = nameOf(w);
  if (c.HostConfig.NetworkMode.startsWith('container:') || c.HostConfig.NetworkMode === 'host') {
    throw invalidParameter('container sharing network namespace with another container or host cannot be connected to any other network');
  }
  if (!('net' in w)) {
    if (w.predefined === 'host') throw invalidParameter('container cannot be disconnected from host network or connected to host network');
    if (w.predefined === 'none' || c.Networks.has('none')) {
      throw invalidParameter('container cannot be connected to multiple networks with one of the networks in private (none) mode');
    }
  } else if (c.Networks.has('none')) {
    throw invalidParameter('container cannot be connected to multiple networks with one of the networks in private (none) mode');
  }
  const ep = endpointConfig(raw);
  const bad = validateEndpoint(engine, name, ep);
  if (bad) throw invalidParameter(bad);
  const running = c.State.Running;
  if (c.Networks.has(name)) {
    if (!running) return; // updateNetworkSettings: a duplicate config is no change
    throw new DaemonError('Forbidden', `endpoint with name ${c.Name.slice(1)} already exists in network ${name}`);
  }
  if (!('net' in w)) {
    throw new DaemonError('NotImplemented', 'dockersim: connecting a container to the default bridge after it was created is not simulated');
  }
  ep.DNSNames = null;
  c.Networks.set(name, ep);
  if (running) {
    const rt = engine.runtime(c);
    engine.networks.endpoints.attach(c, rt, w.net, ep, resolvConfUpstream(engine, c));
    rewriteNetworkFiles(engine, c, rt);
  } else {
    // updateNetworkConfig: a user-defined network's DNS names are set at connect, running or not.
    c.Networks.set(name, { ...ep, DNSNames: endpointDnsNames(c, ep.Aliases ?? []) });
  }
  engine.events.log('network', 'connect', { ID: w.net.id, Attributes: { container: c.ID, name, type: 'bridge' } });
}

/** POST /networks/{id}/disconnect (DisconnectFromNetwork). */
export function networkDisconnect(engine: DaemonStore, term: string, containerRef: string, force: boolean): void {
  const c = engine.getContainer(containerRef);
  let w: Which | undefined;
  try {
    w = engine.networks.find(term);
  } catch (e) {
    if (!force) throw e;
  }
  const name = w ? nameOf(w) : term;
  if (!c.State.Running || !w) {
    if (!c.Networks.has(name)) throw new DaemonError('System', `container ${c.ID} is not connected to the network ${name}`);
    c.Networks.delete(name);
    return;
  }
  if (c.HostConfig.NetworkMode === 'host' && name === 'host') {
    throw invalidParameter('container cannot be disconnected from host network or connected to host network');
  }
  if (!c.Networks.has(name)) throw new DaemonError('System', `container ${c.ID} is not connected to network ${name}`);
  if (!('net' in w)) {
    throw new DaemonError('NotImplemented', `dockersim: disconnecting a running container from the ${name} network is not simulated`);
  }
  const rt = engine.runtime(c);
  engine.networks.endpoints.detach(c, rt, w.net);
  c.Networks.delete(name);
  rewriteNetworkFiles(engine, c, rt);
  engine.events.log('network', 'disconnect', { ID: w.net.id, Attributes: { container: c.ID, name, type: 'bridge' } });
}

/** registerLinks at create: each `--link name:alias` names an existing container not on the host's network. */
export function registerLinks(engine: DaemonStore, mode: string, links: readonly string[] | null | undefined): void {
  if (!links || !['bridge', 'default', ''].includes(mode)) return;
  for (const l of links) {
    const [name] = parseLink(l);
    let child: Container;
    try {
      child = engine.getContainer(name);
    } catch (e) {
      if (e instanceof DaemonError && e.kind === 'NotFound') throw invalidParameter(`could not get container for ${name}: ${e.message}`);
      throw e;
    }
    if (child.HostConfig.NetworkMode === 'host') {
      throw invalidParameter("conflicting options: host type networking can't be used with links. This would result in undefined behavior");
    }
  }
}

/** opts.ParseLink: `name:alias`, or `name` as its own alias. */
export function parseLink(l: string): [string, string] {
  const parts = l.split(':');
  if (parts.length > 2 || parts[0] === '') throw invalidParameter(`bad format for links: ${l}`);
  return [parts[0].replace(/^\//, ''), (parts[1] ?? parts[0]).replace(/^\//, '')];
}
