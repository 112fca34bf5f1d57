/**
 * GET /containers/json (moby daemon/list.go): newest first; without `all` only running containers (paused
 * ones are running); `limit` > 0 takes the newest N of all. Every filter moby accepts is applied to the model
 * as it is: `health` is the health monitor's status (`none` without a health check); no container is a swarm
 * task, so `is-task=false` matches all; `volume` matches a mount's volume name, bind source or destination;
 * `network` matches the networks a container is on.
 */
import type { Container } from './container.js';
import { mountsVolume } from './volume/mounts.js';
import type { DaemonContext } from './context.js';
import { invalidParameter, isDaemonError, notFound, systemError } from '../../pkg/errdefs.js';
import { FilterArgs } from './filters.js';
import { toListJSON } from './inspect.js';
import { containerSize } from './size.js';
import { CONTAINER_STATUSES, type ContainerStatus } from './state.js';

export interface ListOptions {
  readonly all?: boolean;
  readonly limit?: number;
  /** Add SizeRw and SizeRootFs (`docker ps -s`). */
  readonly size?: boolean;
  readonly filters?: Readonly<Record<string, readonly string[]>>;
}

/** acceptedPsFilterTags. */
export const PS_FILTERS: ReadonlySet<string> = new Set([
  'ancestor', 'before', 'exited', 'id', 'isolation', 'label', 'name', 'status', 'health', 'since', 'volume',
  'network', 'is-task', 'publish', 'expose',
]);

const HEALTHS = ['none', 'starting', 'healthy', 'unhealthy'];

/** The parsed filters (moby's listContext). */
interface ListContext {
  readonly f: FilterArgs;
  readonly all: boolean;
  readonly limit: number;
  readonly exited: readonly number[];
  before: Container | null;
  readonly since: Container | null;
  /** Image IDs an `ancestor` resolved to; null without that filter. */
  readonly images: ReadonlySet<string> | null;
  readonly isTask: boolean | null;
  readonly publish: ReadonlySet<string>;
  readonly expose: ReadonlySet<string>;
}

export function containerList(d: DaemonContext, opts: ListOptions = {}): Record<string, unknown>[] {
  const f = new FilterArgs(opts.filters);
  f.validate(PS_FILTERS);
  const ctx = foldFilter(d, f, opts);
  const out: Record<string, unknown>[] = [];
  const now = d.store.nowNs();
  for (const c of byNameIdMatches(d, f)) {
    const verdict = include(c, ctx, out.length);
    if (verdict === 'stop') break;
    if (verdict === 'exclude') continue;
    const json = toListJSON(c, [c.Name], now);
    if (!portsMatch(json.Ports as readonly PortJSON[], ctx)) continue;
    out.push(opts.size ? { ...json, ...containerSize(d.store, c) } : json);
  }
  return out;
}

function foldFilter(d: DaemonContext, f: FilterArgs, opts: ListOptions): ListContext {
  const exited = f.get('exited').map((v) => {
    if (!/^[+-]?\d+$/.test(v)) throw invalidParameter(`invalid filter 'exited=${v}': strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`);
    return Number(v);
  });
  let all = opts.all ?? false;
  for (const s of f.get('status')) {
    if (!CONTAINER_STATUSES.includes(s as ContainerStatus)) {
      throw invalidParameter(`invalid filter 'status=${s}': invalid value for state (${s}): must be one of ${CONTAINER_STATUSES.join(', ')}`);
    }
    all = true;
  }
  const isTask = f.contains('is-task') ? f.getBoolOrDefault('is-task', false) : null;
  for (const h of f.get('health')) {
    if (!HEALTHS.includes(h)) throw invalidParameter(`invalid filter 'health=${h}': invalid value for health (${h}): must be one of ${HEALTHS.join(', ')}`);
  }
  let before: Container | null = null;
  for (const v of f.get('before')) before = idOrName(d, v);
  let since: Container | null = null;
  for (const v of f.get('since')) since = idOrName(d, v);
  let images: Set<string> | null = null;
  if (f.contains('ancestor')) {
    images = new Set();
    // No image here has children (nothing builds or commits), so an ancestor is the image itself. One that
    // does not resolve is skipped, as moby only logs it.
    for (const a of f.get('ancestor')) {
      try {
        images.add(d.store.images.resolve(a).id);
      } catch {
        /* moby: "Error while looking up for image" (a warning in the daemon's log) */
      }
    }
  }
  return {
    f, all, limit: opts.limit ?? 0, exited, before, since, images, isTask,
    publish: portSet('publish', f.get('publish')), expose: portSet('expose', f.get('expose')),
  };
}

/**
 * filterByNameIDMatches: with `id` or `name` filters only the containers they pick are walked (so a `before`
 * container they leave out is never reached); an ID value picks the one container it is a unique prefix of.
 */
function byNameIdMatches(d: DaemonContext, f: FilterArgs): Container[] {
  let list = [...d.store.containers.values()];
  const ids = f.get('id');
  if (ids.length > 0) {
    const picked = new Set<Container>();
    for (const id of ids) {
      if (id === '') continue;
      const hits = list.filter((c) => c.ID.startsWith(id));
      if (hits.length === 1) picked.add(hits[0]);
    }
    list = list.filter((c) => picked.has(c));
  } else if (f.contains('name')) {
    list = list.filter((c) => f.match('name', c.Name) || f.match('name', c.Name.slice(1)));
  }
  return list.sort((a, b) => (a.Created === b.Created ? 0 : a.Created > b.Created ? -1 : 1));
}

/** idOrNameFilter: a full ID, else a name; anything else is `No such container`. */
function idOrName(d: DaemonContext, value: string): Container {
  const byId = d.store.containers.get(value);
  if (byId) return byId;
  const name = value.replace(/^\//, '');
  const found = [...d.store.containers.values()].filter((c) => c.Name.replace(/^\//, '') === name);
  if (found.length === 1) return found[0];
  throw notFound(`No such container: ${value}`);
}

type Verdict = 'include' | 'exclude' | 'stop';

/** includeContainerInList, in moby's order (it matters for `before`, `since` and `limit`). */
function include(c: Container, x: ListContext, included: number): Verdict {
  if (x.before) {
    if (c.ID === x.before.ID) x.before = null;
    return 'exclude';
  }
  if (x.since && c.ID === x.since.ID) return 'stop';
  if (!c.State.Running && !x.all && x.limit <= 0) return 'exclude';
  const f = x.f;
  if (!f.match('name', c.Name) && !f.match('name', c.Name.slice(1))) return 'exclude';
  if (!f.match('id', c.ID)) return 'exclude';
  if (x.isTask === true) return 'exclude';
  if (!f.matchKVList('label', c.Config.Labels)) return 'exclude';
  if (x.limit > 0 && included === x.limit) return 'stop';
  if (x.exited.length > 0) {
    const st = c.State;
    if (st.Running || st.StartedAt === null || !x.exited.includes(st.ExitCode)) return 'exclude';
  }
  if (!f.match('status', c.State.stateString())) return 'exclude';
  if (!f.exactMatch('health', c.State.Health?.Status ?? 'none')) return 'exclude';
  if (f.contains('volume') && !mountsVolume(c, f.get('volume'))) return 'exclude';
  if (x.images && !x.images.has(c.ImageID)) return 'exclude';
  if (f.contains('network')) {
    const on = f.get('network').some((v) => c.Networks.has(v) || [...c.Networks.values()].some((e) => e.NetworkID.startsWith(v)));
    if (!on) return 'exclude';
  }
  return 'include';
}

interface PortJSON {
  readonly PrivatePort: number;
  readonly PublicPort?: number;
  readonly Type: string;
}

function portsMatch(ports: readonly PortJSON[], x: ListContext): boolean {
  if (x.publish.size === 0 && x.expose.size === 0) return true;
  return ports.some((p) => x.publish.has(`${p.PublicPort ?? 0}/${p.Type}`) || x.expose.has(`${p.PrivatePort}/${p.Type}`));
}

/** portOp: `80`, `80/udp`, `8000-8010/tcp`; its errors are unclassified (a 500), as moby's are. */
function portSet(key: string, values: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const value of values) {
    if (value.includes(':')) throw systemError(`filter for '${key}' should not contain ':': ${value}`);
    const [proto, port] = splitProtoPort(value);
    let range: [number, number];
    try {
      range = parsePortRange(port);
    } catch (e) {
      if (!isDaemonError(e)) throw e;
      throw systemError(`error while looking up for ${key} ${value}: ${e.message}`);
    }
    for (let i = range[0]; i <= range[1]; i++) out.add(`${i}/${proto}`);
  }
  return out;
}

/** nat.SplitProtoPort. */
function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  if (raw === '' || parts[0] === '') return ['', ''];
  if (parts.length === 1) return ['tcp', raw];
  if (parts[1] === '') return ['tcp', parts[0]];
  return [parts[1], parts[0]];
}

/** nat.ParsePortRange, with strconv.ParseUint's error texts. */
function parsePortRange(ports: string): [number, number] {
  if (ports === '') throw systemError('empty string specified for ports');
  if (!ports.includes('-')) {
    const n = parseUint16(ports);
    return [n, n];
  }
  const parts = ports.split('-');
  const start = parseUint16(parts[0]);
  const end = parseUint16(parts[1]);
  if (end < start) throw systemError(`invalid range specified for port: ${ports}`);
  return [start, end];
}

function parseUint16(s: string): number {
  if (!/^\d+$/.test(s)) throw systemError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw systemError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}
