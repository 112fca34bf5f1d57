/**
 * The daemon view's networks and volumes, from a real machine: a user-defined network with its members and DNS
 * names, a named volume and a bind mount with the containers that mount them; reading them changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectPanel, type PanelFeed } from '../../../../src/ui/store/feed.js';
import { createPanelStore } from '../../../../src/ui/store/panelStore.js';
import { storageView } from '../../../../src/ui/store/snapshot/networks.js';
import { bootTyped } from '../machine.js';

const SCRIPT = [
  'sudo docker network create app',
  'sudo docker run -d --network app --name db --network-alias cache redis',
  'sudo docker volume create data',
  'mkdir site',
  'sudo docker run -d --name web -v data:/data -v /home/learner/site:/usr/share/nginx/html:ro nginx',
  'sudo docker run -d --name idle --network none busybox sleep 1000',
];

describe('networks and volumes in the daemon view', () => {
  it('shows the bridge, the user network with members and DNS names, none with its member, volumes and binds', async () => {
    const m = bootTyped();
    await m.type(...SCRIPT);
    const v = storageView(m.machine.query);
    expect(v.networks.map((n) => n.name)).toEqual(['bridge', 'none', 'app']);
    const app = v.networks.find((n) => n.name === 'app')!;
    expect(app).toMatchObject({ driver: 'bridge', subnet: '172.18.0.0/16', gateway: '172.18.0.1', internal: false, userDefined: true });
    expect(app.members).toEqual([expect.objectContaining({ name: 'db', ip: '172.18.0.2', dnsNames: expect.arrayContaining(['db', 'cache']) as unknown })]);
    const bridge = v.networks[0]!;
    expect(bridge).toMatchObject({ subnet: '172.17.0.0/16', gateway: '172.17.0.1' });
    expect(bridge.members.map((e) => [e.name, e.ip, e.dnsNames])).toEqual([['web', '172.17.0.2', []]]);
    expect(v.networks[1]!.members.map((e) => [e.name, e.ip])).toEqual([['idle', '']]);
    // db's redis image declares VOLUME /data: an anonymous volume beside the named one.
    expect(v.volumes.map((x) => [x.anonymous, x.usedBy.map((u) => `${u.containerName}:${u.destination}`)])).toEqual([
      [true, ['db:/data']],
      [false, ['web:/data']],
    ]);
    expect(v.volumes.filter((x) => x.name === 'data')).toEqual([
      {
        name: 'data', driver: 'local', mountpoint: '/var/lib/docker/volumes/data/_data', anonymous: false,
        usedBy: [expect.objectContaining({ containerName: 'web', destination: '/data', rw: true })],
      },
    ]);
    expect(v.binds).toEqual([expect.objectContaining({ containerName: 'web', source: '/home/learner/site', destination: '/usr/share/nginx/html', rw: false })]);
  });

  it('lists an image’s VOLUME as an anonymous volume', async () => {
    const m = bootTyped();
    await m.type('sudo docker run -d --name kv redis');
    const vols = m.machine.query.volumes();
    expect(vols.map((x) => [x.anonymous, x.usedBy.map((u) => u.destination)])).toEqual([[true, ['/data']]]);
  });

  it('reads without changing the machine: the same transcript with and without reading', async () => {
    const run = async (read: boolean): Promise<string> => {
      const m = bootTyped(7);
      let out = '';
      for (const line of [...SCRIPT, 'sudo docker network inspect app', 'sudo docker run --rm busybox cat /proc/sys/kernel/random/uuid', 'sudo docker ps -a --no-trunc', 'sudo docker network ls --no-trunc', 'sudo docker inspect db web']) {
        if (read) storageView(m.machine.query);
        out += await m.type(line);
      }
      return out;
    };
    expect(await run(true)).toBe(await run(false));
  });
});

let feed: PanelFeed | undefined;
afterEach(() => feed?.dispose());

describe('the panel store', () => {
  it('picks up a network, a volume and a new member on their events, keeping the view while nothing changed', async () => {
    const m = bootTyped();
    const store = createPanelStore();
    feed = connectPanel(store, m.machine.query, { timers: { every: () => ({ dispose() {} }), after: () => ({ dispose() {} }) } });
    const names = () => store.getState().storage.networks.map((n) => `${n.name}:${n.members.map((x) => x.name).join(',')}`);
    expect(names()).toEqual(['bridge:']);
    await m.type('sudo docker network create --internal back', 'sudo docker volume create data');
    feed.flush();
    expect(names()).toEqual(['bridge:', 'back:']);
    expect(store.getState().storage.networks[1]!.internal).toBe(true);
    expect(store.getState().storage.volumes.map((v) => v.name)).toEqual(['data']);
    await m.type('sudo docker run -d --name app --network back -v data:/srv busybox sleep 1000');
    feed.flush();
    expect(names()).toEqual(['bridge:', 'back:app']);
    expect(store.getState().storage.volumes[0]!.usedBy.map((u) => u.containerName)).toEqual(['app']);
    const before = store.getState().storage;
    feed.tick(true);
    expect(store.getState().storage).toBe(before);
  });
});
