/**
 * Container rows: one container's view, built in O(1) so an event about one container costs one rebuild, and
 * the list order, sorted only when containers come or go.
 */
import type { ContainerRecord, DaemonQuery } from '../../../engine/daemon/query.js';
import { NO_PORTS, runningPortLinks, samePortLinks, type PortLink } from './ports.js';
import type { ContainerView } from './types.js';

/** `ports`: the container's published ports (ports.ts); they change only with its events, never with time. */
export function containerView(c: ContainerRecord, nowNs: bigint, ports: readonly PortLink[] = NO_PORTS): ContainerView {
  const ep = c.Networks.get('bridge');
  return {
    id: c.ID,
    name: c.Name.replace(/^\/+/, ''),
    image: c.Config.Image,
    imageId: c.ImageID,
    command: c.command,
    state: c.State.stateString(),
    status: c.State.statusString(nowNs),
    // Where `docker ps` shows it: running, not paused or restarting (a stopped one keeps its verdict in inspect).
    health: c.State.Running && !c.State.Paused && !c.State.Restarting && c.State.Health ? c.State.Health.Status : '',
    exitCode: c.State.ExitCode,
    ip: ep?.IPAddress ?? '',
    mac: ep?.MacAddress ?? '',
    createdMs: Number(c.Created / 1_000_000n),
    rwLayerId: c.rwLayerId,
    ports,
  };
}

/** Field-by-field equality of two views (strings and numbers, and the ports' list). */
export function sameContainerView(a: ContainerView, b: ContainerView): boolean {
  for (const k of Object.keys(a) as (keyof ContainerView)[]) {
    if (k === 'ports' ? !samePortLinks(a.ports, b.ports) : a[k] !== b[k]) return false;
  }
  return true;
}

/** The current view of the container with this ID, or undefined once it is gone. */
export function containerViewById(query: DaemonQuery, id: string): ContainerView | undefined {
  const c = query.container(id);
  return c ? containerView(c, query.nowNs(), runningPortLinks(query, id)) : undefined;
}

/** Newest first, as `docker ps -a` lists them (ties by ID, so the order is stable). */
export function containerOrder(views: Readonly<Record<string, ContainerView>>): string[] {
  return Object.values(views)
    .sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? -1 : 1))
    .map((v) => v.id);
}
