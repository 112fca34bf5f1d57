import { describe, expect, it } from 'vitest';
import { isSysError } from '../../../src/engine/kernel/errno.js';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import { NatTable, type DnatRule } from '../../../src/engine/kernel/nat.js';
import { Listener } from '../../../src/engine/kernel/socket.js';
import type { Program, Sys } from '../../../src/engine/kernel/sys.js';
import { FakeMounts } from './fake-fs.js';
import { world } from './netWorld.js';


/** A kernel whose init runs `body` in the host namespace; returns what it recorded. */
async function inKernel(body: (sys: Sys, w: ReturnType<typeof world>, k: Kernel) => Promise<void>): Promise<Kernel> {
  const w = world();
  const k = new Kernel({ seed: 1, bootEpochMs: Date.UTC(2026, 10, 28), hostname: 't', rootMnt: new FakeMounts(), net: w.host, programs: new Map() });
  k.startInit(async (sys) => (await body(sys, w, k), 0), ['/sbin/init']);
  await k.run();
  expect(k.faults).toEqual([]);
  return k;
}

const errno = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return isSysError(e) ? e.code : String(e);
  }
};


/** docker-proxy's listening socket for RULE's port, carrying connections on to the container. */
function proxyFor(k: Kernel, w: ReturnType<typeof world>): void {
  const table = k.network.listeners(w.host);
  const proxy = new Listener('tcp://0.0.0.0:8080', k.sched, () => table.delete('0.0.0.0:8080'));
  proxy.bound = { address: '0.0.0.0', port: 8080 };
  proxy.proxyTo = { address: '172.17.0.2', port: 80 };
  table.set('0.0.0.0:8080', proxy);
}

const RULE: DnatRule = { proto: 'tcp', hostIp: '0.0.0.0', hostPort: 8080, toIp: '172.17.0.2', toPort: 80, bridge: 'docker0' };

describe('NatTable (the DOCKER chain of -t nat)', () => {
  it('OUTPUT: the host\'s own connections to its addresses, never to 127.0.0.0/8', () => {
    const t = new NatTable();
    t.add(RULE);
    expect(t.match('10.0.2.15', 8080, undefined)).toBe(RULE);
    expect(t.match('127.0.0.1', 8080, undefined)).toBeUndefined();
    expect(t.match('10.0.2.15', 8081, undefined)).toBeUndefined();
  });

  it('PREROUTING: from anywhere but the container\'s own bridge (-i docker0 -j RETURN)', () => {
    const t = new NatTable();
    t.add(RULE);
    expect(t.match('10.0.2.15', 8080, 'eth0')).toBe(RULE);
    expect(t.match('172.17.0.1', 8080, 'docker0')).toBeUndefined();
    expect(t.match('10.0.2.15', 8080, 'br-1234')).toBe(RULE);
  });

  it('a rule for one host address (-d 127.0.0.1/32) matches only it; removed rules match nothing', () => {
    const t = new NatTable();
    const lo = { ...RULE, hostIp: '127.0.0.1' };
    t.add(lo);
    expect(t.match('10.0.2.15', 8080, 'eth0')).toBeUndefined();
    expect(t.match('127.0.0.1', 8080, 'lo')).toBe(lo);
    t.remove(lo);
    expect(t.match('127.0.0.1', 8080, 'lo')).toBeUndefined();
  });
});

/** A server in c1 on :80 that records who it sees and where, for `n` connections. */
function recorder(seen: string[], n: number): Program {
  return async (s) => {
    const l = s.listen('tcp://0.0.0.0:80');
    for (let i = 0; i < n; i++) {
      const fd = await s.accept(l);
      const local = s.getsockname(fd);
      seen.push(`${s.getpeername(fd).address} -> ${local.address}:${local.port}`);
      s.close(fd);
    }
    return 0;
  };
}

describe('published ports through the kernel', () => {
  it('the host reaches a container through DNAT on its own address; loopback and same-bridge clients need the proxy', async () => {
    const seen: string[] = [];
    const codes: string[] = [];
    await inKernel(async (sys, w) => {
      w.host.nat.add(RULE);
      const pid = sys.spawn({ argv: ['srv'], program: recorder(seen, 1), unshare: { net: w.c1 } });
      await sys.sleep(1);
      codes.push(errno(() => sys.connect('tcp://127.0.0.1:8080')));
      codes.push(errno(() => sys.connect('tcp://10.0.2.15:8080')));
      await sys.wait(pid);
      const c2: Program = async (s) => {
        codes.push(errno(() => s.connect('tcp://10.0.2.15:8080')));
        return 0;
      };
      await sys.wait(sys.spawn({ argv: ['c2'], program: c2, unshare: { net: w.c2 } }));
    });
    expect(codes).toEqual(['ECONNREFUSED', 'ok', 'ECONNREFUSED']);
    // OUTPUT DNAT: the source is chosen after the rewrite, on the bridge.
    expect(seen).toEqual(['172.17.0.1 -> 172.17.0.2:80']);
  });

  it('docker-proxy\'s socket carries loopback and hairpin connections on from the host', async () => {
    const seen: string[] = [];
    await inKernel(async (sys, w, k) => {
      w.host.nat.add(RULE);
      proxyFor(k, w);
      const pid = sys.spawn({ argv: ['srv'], program: recorder(seen, 3), unshare: { net: w.c1 } });
      await sys.sleep(1);
      sys.connect('tcp://127.0.0.1:8080');
      sys.connect('tcp://10.0.2.15:8080');
      const c2: Program = async (s) => (s.connect('tcp://10.0.2.15:8080'), 0);
      await sys.wait(sys.spawn({ argv: ['c2'], program: c2, unshare: { net: w.c2 } }));
      await sys.wait(pid);
    });
    expect(seen).toEqual(['172.17.0.1 -> 172.17.0.2:80', '172.17.0.1 -> 172.17.0.2:80', '172.17.0.1 -> 172.17.0.2:80']);
  });

  it('nothing listening behind docker-proxy: the connection is accepted, then reset (curl: (56))', async () => {
    const codes: string[] = [];
    await inKernel(async (sys, w, k) => {
      w.host.nat.add(RULE);
      proxyFor(k, w);
      // Loopback goes to the proxy: connect succeeds, the request is sent, the answer is a reset.
      const fd = sys.connect('tcp://127.0.0.1:8080');
      await sys.write(fd, 'GET / HTTP/1.1\r\n\r\n');
      codes.push(await sys.read(fd).then(() => 'ok', (e: unknown) => (isSysError(e) ? e.code : String(e))));
      sys.close(fd);
      // The host's own address goes through DNAT to the container, whose kernel refuses.
      codes.push(errno(() => sys.connect('tcp://10.0.2.15:8080')));
    });
    expect(codes).toEqual(['ECONNRESET', 'ECONNREFUSED']);
  });

  it('nothing listening behind the rule: ECONNREFUSED from the container', async () => {
    const codes: string[] = [];
    await inKernel(async (sys, w) => {
      w.host.nat.add(RULE);
      codes.push(errno(() => sys.connect('tcp://10.0.2.15:8080')));
    });
    expect(codes).toEqual(['ECONNREFUSED']);
  });
});
