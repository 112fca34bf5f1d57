/**
 * Published ports as the web preview's links: read from inspect's NetworkSettings.Ports (Docker's shape), one
 * link per host address and port, only while the container runs, carried into the daemon view's rows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DaemonQuery } from '../../../src/engine/daemon/query.js';
import { connectPanel, type PanelFeed } from '../../../src/ui/store/feed.js';
import { createPanelStore } from '../../../src/ui/store/panelStore.js';
import { portLinks } from '../../../src/ui/store/snapshot/ports.js';
import { bootTyped } from './machine.js';

const DOCKER_28 = {
  '80/tcp': [
    { HostIp: '0.0.0.0', HostPort: '32768' },
    { HostIp: '::', HostPort: '32768' },
  ],
  '443/tcp': null,
  '53/udp': [{ HostIp: '0.0.0.0', HostPort: '5353' }],
  '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }],
  '9000/tcp': [{ HostIp: '10.0.2.15', HostPort: '9000' }],
  '9001/tcp': [{ HostIp: '::1', HostPort: '9001' }],
};

describe('port links', () => {
  it('gives one link per reachable TCP host port, IPv4 and IPv6 rows of one port as one', () => {
    expect(portLinks({ NetworkSettings: { Ports: DOCKER_28 } })).toEqual([
      { containerPort: '80/tcp', address: '127.0.0.1', hostPort: 32768 },
      { containerPort: '8080/tcp', address: '127.0.0.1', hostPort: 8080 },
      { containerPort: '9000/tcp', address: '10.0.2.15', hostPort: 9000 },
    ]);
  });

  it('has none for exposed-only ports, a missing map or no inspect', () => {
    expect(portLinks({ NetworkSettings: { Ports: { '80/tcp': null } } })).toEqual([]);
    expect(portLinks({ NetworkSettings: { Ports: {} } })).toEqual([]);
    expect(portLinks({ NetworkSettings: {} })).toEqual([]);
    expect(portLinks(undefined)).toEqual([]);
  });
});

let feed: PanelFeed | undefined;
afterEach(() => feed?.dispose());

describe('port links in the daemon view', () => {
  it('shows a running container’s published ports from the query, and none once it stopped', async () => {
    const m = bootTyped();
    const real = m.machine.query;
    // Until the daemon publishes ports, a query that answers inspect as Docker does for `-p 8080:80`.
    const query: DaemonQuery = {
      ...real,
      inspect: (id) => {
        const json = real.inspect(id);
        if (!json) return json;
        const ns = json.NetworkSettings as Record<string, unknown>;
        return { ...json, NetworkSettings: { ...ns, Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }, { HostIp: '::', HostPort: '8080' }] } } };
      },
    };
    const store = createPanelStore();
    feed = connectPanel(store, query, { timers: { every: () => ({ dispose() {} }), after: () => ({ dispose() {} }) } });
    await m.type('sudo docker run -d --name web busybox sleep 1000');
    feed.flush();
    const row = (): { ports: unknown; state: string } => {
      const s = store.getState();
      return s.containers[s.order[0]];
    };
    expect(row().ports).toEqual([{ containerPort: '80/tcp', address: '127.0.0.1', hostPort: 8080 }]);
    // Time passing keeps the row's ports (a sweep does not ask inspect again).
    await m.advance(3000);
    feed.tick(true);
    expect(row().ports).toEqual([{ containerPort: '80/tcp', address: '127.0.0.1', hostPort: 8080 }]);
    await m.type('sudo docker stop -t 0 web');
    feed.flush();
    expect(row().state).toBe('exited');
    expect(row().ports).toEqual([]);
  });
});
