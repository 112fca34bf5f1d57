/**
 * The ports a running container's endpoint has published (`ports.ts` binds them, starts the proxies and writes
 * the DNAT rules): the read side alone, NetworkSettings.Ports and the list's Ports, which inspect and the daemon
 * view need, kept apart so that the page's first chunk does not carry the allocator and the proxies.
 */
import type { DnatRule } from '../../kernel/nat.js';
import type { Process } from '../../kernel/process.js';
import type { Listener } from '../../kernel/socket.js';
import type { Container } from '../container.js';

export interface PortBinding {
  readonly proto: 'tcp' | 'udp' | 'sctp';
  /** The container's address and port. */
  readonly ip: string;
  readonly port: number;
  /** `0.0.0.0`, `::` or the address asked for. */
  readonly hostIp: string;
  readonly hostPort: number;
}

export interface Published {
  readonly bindings: PortBinding[];
  readonly rules: DnatRule[];
  readonly listeners: Listener[];
  /** Set once the proxies run (startProxies). */
  proxies: readonly Process[];
  /** The port allocator the host ports came from (network/portallocator.ts), to give them back to. */
  readonly allocator: { release(ip: string, proto: string, port: number): void };
}

/** What each container's endpoint published; `ports.ts` fills it. */
export const published = new WeakMap<Container, Published>();

/** NetworkSettings.Ports while the endpoint exists: each exposed or published port, null when unbound. */
export function portMap(c: Container, exposed: readonly string[]): Record<string, Array<{ HostIp: string; HostPort: string }> | null> {
  const state = published.get(c);
  const out: Record<string, Array<{ HostIp: string; HostPort: string }> | null> = {};
  const keys = new Set(exposed);
  for (const b of state?.bindings ?? []) keys.add(`${b.port}/${b.proto}`);
  // A Go map: encoding/json writes its keys in byte order ("443/tcp" before "80/tcp").
  for (const key of [...keys].sort()) {
    const list = (state?.bindings ?? []).filter((b) => `${b.port}/${b.proto}` === key);
    out[key] = list.length === 0 ? null : list.map((b) => ({ HostIp: b.hostIp, HostPort: String(b.hostPort) }));
  }
  return out;
}

/** GET /containers/json's Ports: one entry per binding, and the bare port for an exposed one. */
export function portList(c: Container, exposed: readonly string[]): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const map = portMap(c, exposed);
  for (const key of Object.keys(map).sort(comparePortKeys)) {
    const list = map[key];
    const [p, t] = key.split('/');
    if (!list) out.push({ PrivatePort: Number(p), Type: t });
    else for (const b of list) out.push({ IP: b.HostIp, PrivatePort: Number(p), PublicPort: Number(b.HostPort), Type: t });
  }
  return out;
}

function comparePortKeys(a: string, b: string): number {
  const [pa, ta] = a.split('/');
  const [pb, tb] = b.split('/');
  return Number(pa) - Number(pb) || (ta < tb ? -1 : ta > tb ? 1 : 0);
}

/** The published bindings (for iptables' listing). */
export function bindingsOf(c: Container): readonly PortBinding[] {
  return published.get(c)?.bindings ?? [];
}

