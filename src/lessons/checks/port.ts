import { int, str } from './fields.js';
import { say } from './said.js';
import { defineCheck, type PortCheck } from './types.js';

type Bindings = Record<string, ReadonlyArray<{ readonly HostIp: string; readonly HostPort: string }> | null>;

/**
 * The container's port is published on the host (NetworkSettings.Ports, what `docker port NAME 80` lists),
 * on `host` when given. A stopped container publishes nothing, as in `docker port`.
 */
export const portCheck = defineCheck<PortCheck>({
  kind: 'port',
  schema: {
    fields: { container: str, port: str, host: int(1) },
    required: ['container', 'port'],
    refine: (v) =>
      typeof v.port === 'string' && !/^\d+(\/(tcp|udp|sctp))?$/.test(v.port)
        ? `port.port: expected PORT or PORT/PROTO (80, 53/udp), got ${JSON.stringify(v.port)}`
        : undefined,
  },
  evaluate(k, { machine }) {
    const c = machine.query.findContainer(k.container);
    if (!c) return { holds: false, found: say('noContainer', { name: k.container }) };
    const json = machine.query.inspect(c.ID) as { NetworkSettings?: { Ports?: Bindings } } | undefined;
    const ports = json?.NetworkSettings?.Ports ?? {};
    const want = k.port.includes('/') ? k.port : `${k.port}/tcp`;
    const shown: string[] = [];
    for (const [p, list] of Object.entries(ports)) {
      for (const b of list ?? []) shown.push(`${b.HostIp.includes(':') ? `[${b.HostIp}]` : b.HostIp}:${b.HostPort}->${p}`);
    }
    const mine = ports[want] ?? [];
    const holds = mine.some((b) => k.host === undefined || Number(b.HostPort) === k.host);
    const name = k.container;
    return { holds, found: shown.length > 0 ? say('published', { name, ports: shown }) : say('publishesNothing', { name }) };
  },
});
