import { describe, expect, it } from 'vitest';
import { isSysError } from '../../../src/engine/kernel/errno.js';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import { findPath, lookupRoute } from '../../../src/engine/kernel/netroute.js';
import type { Program, Sys } from '../../../src/engine/kernel/sys.js';
import { FakeMounts } from './fake-fs.js';
import { world } from './netWorld.js';


describe('routing between namespaces', () => {
  it('the routes are the connected subnets, longest prefix first, then the default gateway', () => {
    const { host, c1 } = world();
    expect(lookupRoute(host, '172.17.0.2')).toMatchObject({ via: undefined, src: '172.17.0.1' });
    expect(lookupRoute(host, '93.184.215.14')).toMatchObject({ via: '10.0.2.2', src: '10.0.2.15' });
    expect(lookupRoute(c1, '10.0.2.15')).toMatchObject({ via: '172.17.0.1', src: '172.17.0.2' });
  });

  it('a container reaches another on the bridge directly, and the host through its gateway address', () => {
    const { c1, c2, host } = world();
    const p = findPath(c1, '172.17.0.3', 0);
    expect(p.ok && p.target.kind === 'ns' && p.target.ns === c2 && p.hops.length === 0).toBe(true);
    const h = findPath(c1, '10.0.2.15', 0);
    // The host owns the address: delivered there, no router crossed.
    expect(h.ok && h.target.kind === 'ns' && h.target.ns === host && h.hops.length === 0).toBe(true);
  });

  it('the Internet is reached through the host (masquerading) and the uplink router', () => {
    const { c1 } = world();
    const p = findPath(c1, '93.184.215.14', 0);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.target.kind).toBe('internet');
    expect(p.src).toBe('172.17.0.2');
    expect(p.seenSrc).toBe('10.0.2.15');
    expect(p.hops.map((h) => h.ip)).toEqual(['172.17.0.1', '10.0.2.2', '100.64.0.1', null, '203.0.113.9']);
  });

  it('without the masquerade rule the router has no way back and the packet is dropped', () => {
    const { c1, host } = world();
    host.masquerade.length = 0;
    expect(findPath(c1, '93.184.215.14', 0)).toMatchObject({ ok: false, errno: 'ETIMEDOUT' });
  });

  it('a host that does not forward drops what is not for it', () => {
    const { c1, host } = world();
    host.forwarding = false;
    expect(findPath(c1, '93.184.215.14', 0)).toMatchObject({ ok: false, errno: 'ETIMEDOUT' });
    expect(findPath(c1, '10.0.2.15', 0)).toMatchObject({ ok: true });
  });

  it('--network none has only lo: ENETUNREACH for anything but itself', () => {
    const { none } = world();
    expect(findPath(none, '10.0.2.3', 0)).toMatchObject({ ok: false, errno: 'ENETUNREACH', from: undefined });
    expect(findPath(none, '127.0.0.1', 0)).toMatchObject({ ok: true });
  });

  it('an address on the subnet that nobody has: EHOSTUNREACH from the sender, FAILED in its neighbour cache', () => {
    const { c1 } = world();
    expect(findPath(c1, '172.17.0.99', 5)).toMatchObject({ ok: false, errno: 'EHOSTUNREACH', from: '172.17.0.2', local: true });
    expect(c1.neighbours.get('172.17.0.99')).toEqual({ ip: '172.17.0.99', dev: 'eth0', mac: undefined, at: 5 });
  });

  it('a container that stops leaves the segment', () => {
    const { c2, bridge } = world();
    expect(bridge.members.has(c2)).toBe(true);
    c2.remove('eth0');
    expect(bridge.members.has(c2)).toBe(false);
  });
});

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

describe('TCP across namespaces (Sys)', () => {
  it('a server in a container accepts the host, and each side sees the other address', async () => {
    const seen: string[] = [];
    await inKernel(async (sys, w) => {
      const server: Program = async (s) => {
        const l = s.listen('tcp://0.0.0.0:80');
        const fd = await s.accept(l);
        const peer = s.getpeername(fd);
        const local = s.getsockname(fd);
        seen.push(`server sees ${peer.address} on ${local.address}:${local.port}`);
        await s.write(fd, 'hi');
        s.close(fd);
        return 0;
      };
      const pid = sys.spawn({ argv: ['srv'], program: server, unshare: { net: w.c1 } });
      await sys.sleep(1);
      const fd = await sys.dial('tcp://172.17.0.2:80');
      const local = sys.getsockname(fd);
      seen.push(`client ${local.address} -> ${sys.getpeername(fd).address}:${sys.getpeername(fd).port}`);
      seen.push(`read ${await sys.read(fd)}`);
      await sys.wait(pid);
    });
    expect(seen).toEqual(['client 172.17.0.1 -> 172.17.0.2:80', 'server sees 172.17.0.1 on 172.17.0.2:80', 'read hi']);
  });

  it('bind errors: EADDRINUSE for a port taken (wildcard or not), EADDRNOTAVAIL for an address not ours', async () => {
    const codes: string[] = [];
    await inKernel(async (sys) => {
      sys.listen('tcp://127.0.0.1:8080');
      codes.push(errno(() => sys.listen('tcp://0.0.0.0:8080')));
      codes.push(errno(() => sys.listen('tcp://127.0.0.1:8080')));
      codes.push(errno(() => sys.listen('tcp://10.0.2.15:8080')));
      codes.push(errno(() => sys.listen('tcp://172.17.0.2:9000')));
    });
    expect(codes).toEqual(['EADDRINUSE', 'EADDRINUSE', 'ok', 'EADDRNOTAVAIL']);
  });

  it('a listener on 127.0.0.1 is not reachable on the other addresses; 0.0.0.0 is', async () => {
    const codes: string[] = [];
    await inKernel(async (sys) => {
      sys.listen('tcp://127.0.0.1:8080');
      sys.listen('tcp://0.0.0.0:9090');
      codes.push(errno(() => sys.connect('tcp://127.0.0.1:8080')));
      codes.push(errno(() => sys.connect('tcp://10.0.2.15:8080')));
      codes.push(errno(() => sys.connect('tcp://172.17.0.1:9090')));
    });
    expect(codes).toEqual(['ok', 'ECONNREFUSED', 'ok']);
  });

  it('connect errors are Linux\'s, and dial waits as long as they take', async () => {
    const seen: string[] = [];
    await inKernel(async (sys, w) => {
      const child: Program = async (s) => {
        for (const addr of ['tcp://172.17.0.3:80', 'tcp://172.17.0.99:80', 'tcp://10.9.9.9:80', 'tcp://93.184.215.14:81', 'tcp://93.184.215.14:80']) {
          const t0 = s.uptime();
          let r = 'ok';
          try {
            await s.dial(addr);
          } catch (e) {
            r = isSysError(e) ? e.code : String(e);
          }
          seen.push(`${addr} ${r} ${Math.round(s.uptime() - t0)}ms`);
        }
        return 0;
      };
      await sys.wait(sys.spawn({ argv: ['c'], program: child, unshare: { net: w.c1 } }));
      const none: Program = async (s) => (seen.push(`none ${errno(() => s.connect('tcp://10.0.2.15:22'))}`), 0);
      await sys.wait(sys.spawn({ argv: ['n'], program: none, unshare: { net: w.none } }));
    });
    expect(seen).toEqual([
      'tcp://172.17.0.3:80 ECONNREFUSED 0ms',
      'tcp://172.17.0.99:80 EHOSTUNREACH 3000ms',
      // Routed out to the router, which has nothing there: the SYN goes unanswered for tcp_syn_retries.
      'tcp://10.9.9.9:80 ETIMEDOUT 127000ms',
      'tcp://93.184.215.14:81 ECONNREFUSED 11ms',
      'tcp://93.184.215.14:80 ok 11ms',
      'none ENETUNREACH',
    ]);
  });

  it('example.com answers HTTP with its page after the round trip', async () => {
    let reply = '';
    await inKernel(async (sys) => {
      const fd = await sys.dial('tcp://93.184.215.14:80');
      await sys.write(fd, 'HEAD / HTTP/1.1\r\nHost: example.com\r\n\r\n');
      reply = (await sys.read(fd)) ?? '';
    });
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(reply).toContain('Content-Length: 1256\r\n');
  });

  it('ICMP and DNS: TTLs fall by the routers crossed; queries need a route to the server', async () => {
    const seen: unknown[] = [];
    await inKernel(async (sys, w) => {
      const c: Program = async (s) => {
        seen.push(s.icmpEcho('172.17.0.3').kind);
        const e = s.icmpEcho('93.184.215.14');
        seen.push(e.kind === 'reply' ? e.ttl : e.kind);
        seen.push(s.icmpEcho('93.184.215.14', { ttl: 1 }));
        seen.push(s.dnsQuery('10.0.2.3', 'example.com', 'A').kind);
        seen.push(s.dnsQuery('10.0.2.3', 'nosuch.example', 'A').kind);
        return 0;
      };
      await sys.wait(sys.spawn({ argv: ['c'], program: c, unshare: { net: w.c1 } }));
      const n: Program = async (s) => (seen.push(s.dnsQuery('10.0.2.3', 'example.com', 'A').kind), 0);
      await sys.wait(sys.spawn({ argv: ['n'], program: n, unshare: { net: w.none } }));
      seen.push(sys.dnsQuery('127.0.0.53', 'example.com', 'A').kind);
    });
    expect(seen[0]).toBe('reply');
    expect(seen[1]).toBe(59);
    expect(seen[2]).toMatchObject({ kind: 'ttl-exceeded', from: '172.17.0.1' });
    expect(seen.slice(3)).toEqual(['answer', 'nxdomain', 'no-route', 'answer']);
  });

  it('ss sees listeners and connections of its own namespace with their owners', async () => {
    let rows: string[] = [];
    await inKernel(async (sys) => {
      const l = sys.listen('tcp://0.0.0.0:80');
      const fd = sys.connect('tcp://127.0.0.1:80');
      const srv = await sys.accept(l);
      rows = sys.netSockets().map((s) => `${s.state} ${s.local.address}:${s.local.port} ${s.peer.address}:${s.peer.port} ${s.users.map((u) => `${u.comm}/${u.fd}`).join(',')}`);
      sys.close(fd);
      sys.close(srv);
      rows.push(String(sys.netSockets().length));
    });
    expect(rows[0]).toBe('LISTEN 0.0.0.0:80 0.0.0.0:0 init/0');
    expect(rows.slice(1, 3).map((r) => r.split(' ')[0])).toEqual(['ESTAB', 'ESTAB']);
    expect(rows[3]).toBe('1');
  });

  it('a v6only listener on [::] sits beside 0.0.0.0 on the same port; ::1 reaches it, 127.0.0.1 the IPv4 one', async () => {
    const seen: string[] = [];
    await inKernel(async (sys) => {
      const v4 = sys.listen('tcp://0.0.0.0:80');
      const v6 = sys.listen('tcp://[::]:80', { v6only: true });
      seen.push(errno(() => sys.listen('tcp://[::1]:80', { v6only: true })));
      seen.push(errno(() => sys.listen('tcp://[2001:db8::1]:81', { v6only: true })));
      // Without v6only, :: is still the IPv4 wildcard (dual stack as before), so it clashes with 0.0.0.0:80.
      seen.push(errno(() => sys.listen('tcp://[::]:80')));
      const a = sys.connect('tcp://[::1]:80');
      const got6 = await sys.accept(v6);
      seen.push(`${sys.getsockname(a).address} -> ${sys.getpeername(a).address}; server sees ${sys.getpeername(got6).address}`);
      const b = sys.connect('tcp://127.0.0.1:80');
      const got4 = await sys.accept(v4);
      seen.push(`${sys.getpeername(b).address}; server sees ${sys.getpeername(got4).address}`);
      seen.push(sys.netSockets().filter((x) => x.state === 'LISTEN').map((x) => `${x.local.address}:${x.local.port}`).join(' '));
    });
    expect(seen).toEqual(['EADDRINUSE', 'EADDRNOTAVAIL', 'EADDRINUSE', '::1 -> ::1; server sees ::1', '127.0.0.1; server sees 127.0.0.1', '0.0.0.0:80 :::80']);
  });
});
