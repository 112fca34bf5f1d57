/**
 * A running container's published ports as links for the web preview, read from `docker inspect`'s
 * `NetworkSettings.Ports` (`{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"32768"},{"HostIp":"::","HostPort":"32768"}]}`),
 * the shape `docker port` prints from. One link per host address and port: Docker's IPv4 and IPv6 rows for
 * the same port are one place to a browser.
 */
import type { DaemonQuery } from '../../../engine/daemon/query.js';

export interface PortLink {
  /** The container's side, `80/tcp`. */
  readonly containerPort: string;
  /** Where on the host the preview connects: 127.0.0.1 for a port on every address or on loopback. */
  readonly address: string;
  readonly hostPort: number;
}

export const NO_PORTS: readonly PortLink[] = [];

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function portLinks(inspect: Record<string, unknown> | undefined): readonly PortLink[] {
  const ns = inspect?.NetworkSettings as Record<string, unknown> | undefined;
  const ports = ns?.Ports as Record<string, unknown> | null | undefined;
  if (!ports || typeof ports !== 'object') return NO_PORTS;
  const out: PortLink[] = [];
  for (const [containerPort, bindings] of Object.entries(ports)) {
    if (!containerPort.endsWith('/tcp') || !Array.isArray(bindings)) continue;
    for (const b of bindings as unknown[]) {
      const r = b as { HostIp?: unknown; HostPort?: unknown } | null;
      const hostPort = Number(r?.HostPort);
      if (!Number.isInteger(hostPort) || hostPort < 1 || hostPort > 65535) continue;
      const ip = typeof r?.HostIp === 'string' ? r.HostIp : '';
      // No IPv6 in the simulated kernel: a port published on one IPv6 address only cannot be reached.
      const address = ip === '' || ip === '0.0.0.0' || ip === '::' ? '127.0.0.1' : IPV4.test(ip) ? ip : undefined;
      if (address === undefined) continue;
      if (out.some((l) => l.address === address && l.hostPort === hostPort)) continue;
      out.push({ containerPort, address, hostPort });
    }
  }
  return out.length === 0 ? NO_PORTS : out;
}

/** The ports of a running container (a stopped one has none bound), through the read model. */
export function runningPortLinks(query: DaemonQuery, id: string): readonly PortLink[] {
  const c = query.container(id);
  if (!c || c.State.stateString() !== 'running') return NO_PORTS;
  return portLinks(query.inspect(id));
}

export function samePortLinks(a: readonly PortLink[], b: readonly PortLink[]): boolean {
  return a.length === b.length && a.every((l, i) => l.containerPort === b[i].containerPort && l.address === b[i].address && l.hostPort === b[i].hostPort);
}

/** `localhost:8080`, as the preview's address bar writes it. */
export function portHost(l: PortLink): string {
  return `${l.address === '127.0.0.1' ? 'localhost' : l.address}:${l.hostPort}`;
}
