/** The snapshot builders on a real booted machine: what they return after the learner typed docker commands. */
import { beforeAll, describe, expect, it } from 'vitest';
import { containerOrder, containerView, containerViewById } from '../../../src/ui/store/snapshot/containers.js';
import {
  containerDiff,
  containerInspect,
  imageInspect,
  logTail,
  plainLogText,
  processTree,
} from '../../../src/ui/store/snapshot/detail.js';
import { findImage, imagesView } from '../../../src/ui/store/snapshot/images.js';
import { storageView } from '../../../src/ui/store/snapshot/networks.js';
import { Layer } from '../../../src/engine/fs/layer.js';
import { bootTyped, type TypedMachine } from './machine.js';

const WEB_ID = 'eb46b8c2a352a3329c169cc0da997ee66350637adf166859869d43f5c1145880';
let m: TypedMachine;

beforeAll(async () => {
  m = bootTyped();
  await m.type(
    `sudo docker run -d --name web busybox sh -c 'echo "<img src=x onerror=alert(1)>"; while true; do echo tick; sleep 1; done'`,
    'sudo docker exec web touch /tmp/x',
    'sudo docker run --name done busybox sh -c "exit 3"',
  );
  await m.advance(2500);
});

describe('container views', () => {
  it('shows a running container as docker ps does, with its address', () => {
    const engine = m.machine.daemonStore;
    expect(containerViewById(m.machine.query, WEB_ID)).toEqual({
      id: WEB_ID,
      name: 'web',
      image: 'busybox',
      imageId: engine.containers.get(WEB_ID)!.ImageID,
      command: `sh -c 'echo "<img src=x onerror=alert(1)>"; while true; do echo tick; sleep 1; done'`,
      state: 'running',
      status: 'Up 2 seconds',
      health: '',
      exitCode: 0,
      ip: '172.17.0.2',
      mac: 'f6:3a:fe:c7:62:71',
      createdMs: Number(engine.containers.get(WEB_ID)!.Created / 1_000_000n),
      rwLayerId: engine.containers.get(WEB_ID)!.rwLayerId,
      ports: [],
    });
  });

  it('shows an exited container with its exit code and no address', () => {
    const engine = m.machine.daemonStore;
    const c = engine.getContainer('done');
    const v = containerView(c, engine.nowNs());
    expect([v.state, v.status, v.exitCode, v.ip, v.mac]).toEqual(['exited', 'Exited (3) 2 seconds ago', 3, '', '']);
  });

  it('orders newest first', () => {
    const engine = m.machine.daemonStore;
    const views = Object.fromEntries([...engine.containers.values()].map((c) => [c.ID, containerView(c, engine.nowNs())]));
    expect(containerOrder(views).map((id) => views[id].name)).toEqual(['done', 'web']);
  });

  it('puts containers on the bridge, the running one with its address, the exited one without', () => {
    const [bridge, ...others] = storageView(m.machine.query).networks;
    expect(others).toEqual([]);
    expect(bridge).toMatchObject({ name: 'bridge', driver: 'bridge', subnet: '172.17.0.0/16', gateway: '172.17.0.1', userDefined: false });
    expect(bridge!.members.map((e) => [e.id === WEB_ID, e.name, e.ip, e.mac, e.dnsNames])).toEqual([
      [true, 'web', '172.17.0.2', 'f6:3a:fe:c7:62:71', []],
      [false, 'done', '', '', []],
    ]);
  });
});

describe('images', () => {
  it('lists each image with its layers, keyed by content', () => {
    const engine = m.machine.daemonStore;
    const v = imagesView(m.machine.query);
    const img = engine.images.resolve('busybox');
    expect(v.images).toEqual([
      { id: img.id, tags: ['busybox:latest'], size: img.size, layers: [...img.diffIds], ancestors: [], dangling: false, intermediate: false, children: [] },
    ]);
    // One layer holding the whole image: the layer is as big as `docker images` says the image is (78.1MB for
    // ubuntu, 4.27MB here), and its files add up to that too (engine/rootfs/sizes.ts).
    expect(v.layers[img.diffIds[0]]).toEqual({ diffId: img.diffIds[0], size: img.size, usedBy: 1 });
    expect(img.size).toBe(4_270_000);
    expect(img.layers[0].size).toBe(img.size);
    expect(findImage(v, 'busybox')?.id).toBe(img.id);
    expect(findImage(v, img.id.slice(7, 19))?.id).toBe(img.id);
    expect(findImage(v, 'alpine')).toBeUndefined();
  });

  it('shows a layer two images hold once, used by both', async () => {
    await m.type('sudo docker pull busybox:1.37', 'sudo docker pull alpine');
    const engine = m.machine.daemonStore;
    const busybox = engine.images.resolve('busybox');
    // What `docker commit` makes: the busybox layer, shared, under a new one.
    const extra = Layer.fromTree({ '/': { type: 'dir', mode: 0o755, mtimeMs: 0 }, '/note': { type: 'file', content: 'hi', mode: 0o644, mtimeMs: 0 } });
    engine.images.add({
      ...busybox,
      id: `sha256:${'c'.repeat(64)}`,
      layers: [...busybox.layers, extra],
      diffIds: [...busybox.diffIds, extra.digest],
      layerSizes: [...busybox.layerSizes, 2],
    });
    const v = imagesView(m.machine.query);
    expect(v.images.map((i) => i.tags)).toEqual([['alpine:latest'], ['busybox:1.37', 'busybox:latest'], []]);
    expect(v.images[2].layers).toEqual([busybox.diffIds[0], extra.digest]);
    expect(v.layers[busybox.diffIds[0]].usedBy).toBe(2);
    expect(v.layers[extra.digest]).toEqual({ diffId: extra.digest, size: 2, usedBy: 1 });
    expect(Object.keys(v.layers)).toHaveLength(3);
    engine.images.delete(`sha256:${'c'.repeat(64)}`);
  });
});

describe('a container in detail', () => {
  it('has its process tree with host PIDs beside namespace PIDs', () => {
    const engine = m.machine.daemonStore;
    const tree = processTree(m.machine.query, engine.getContainer('web'));
    expect(tree.omitted).toBe(0);
    expect(tree.items.map((p) => [p.nsPid, p.nsPpid, p.depth, p.command])).toEqual([
      [1, 0, 0, `sh -c echo "<img src=x onerror=alert(1)>"; while true; do echo tick; sleep 1; done`],
      [expect.any(Number), 1, 1, 'sleep 1'],
    ]);
    expect(tree.items[0].hostPid).toBe(engine.getContainer('web').State.Pid);
    expect(tree.items[1].hostPid).toBeGreaterThan(tree.items[0].hostPid);
    expect(processTree(m.machine.query, engine.getContainer('done')).items).toEqual([]);
  });

  it('has its docker diff', () => {
    const engine = m.machine.daemonStore;
    expect(containerDiff(m.machine.query, engine.getContainer('web'))).toEqual({
      items: [
        { kind: 'C', path: '/tmp' },
        { kind: 'A', path: '/tmp/x' },
      ],
      omitted: 0,
    });
  });

  it('tails the log as plain text, keys stable as the tail moves', async () => {
    const engine = m.machine.daemonStore;
    const c = engine.getContainer('web');
    const all = logTail(m.machine.query, c, 1000);
    expect(all.items[0]).toMatchObject({ stream: 'stdout', text: '<img src=x onerror=alert(1)>' });
    expect(all.items.slice(1).every((l) => l.text === 'tick')).toBe(true);
    const last2 = logTail(m.machine.query, c, 2);
    expect(last2.omitted).toBe(all.items.length - 2);
    await m.advance(1000);
    const moved = logTail(m.machine.query, c, 2);
    expect(moved.items[0].key).toBe(last2.items[1].key);
  });

  it('strips escapes and control characters from log text', () => {
    expect(plainLogText('\x1b[31mred\x1b[0m\x07 bell\r\n')).toBe('red bell');
    expect(plainLogText('x'.repeat(600)).length).toBe(501);
  });

  it('has docker inspect as plain JSON, detached from the engine', () => {
    const engine = m.machine.daemonStore;
    const c = engine.getContainer('web');
    const json = containerInspect(m.machine.query, c) as Record<string, unknown>;
    expect(json.Name).toBe('/web');
    expect((json.State as Record<string, unknown>).Status).toBe('running');
    expect((json.NetworkSettings as Record<string, unknown>).IPAddress).toBe('172.17.0.2');
    expect(json.Config).not.toBe(c.Config);
    const img = imageInspect(m.machine.query, c.ImageID) as Record<string, unknown>;
    expect(img.RepoTags).toEqual(['busybox:1.37', 'busybox:latest']);
    expect(imageInspect(m.machine.query, 'sha256:nope')).toBeUndefined();
  });
});
