import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/engine/kernel/kernel.js';
import { loopbackInterface, NetNamespace, Segment } from '../../../src/engine/kernel/net.js';
import type { Program } from '../../../src/engine/kernel/sys.js';
import { getaddrinfo, getnameinfo, type ResolveResult } from '../../../src/programs/lib/resolver.js';
import { FakeMounts } from '../../engine/kernel/fake-fs.js';

/** getaddrinfo in a namespace with (or without) the uplink, timing it in virtual ms. */
async function lookup(name: string, opts: { network: boolean; resolv?: string }): Promise<{ r: ResolveResult; ms: number }> {
  const fs = new FakeMounts();
  fs.addFile('/etc/hosts', '127.0.0.1 localhost\n172.17.0.2 web\n', 0o644);
  fs.addFile('/etc/resolv.conf', opts.resolv ?? 'nameserver 10.0.2.3\n', 0o644);
  const uplink = new Segment('uplink');
  uplink.addStation({ ip: '10.0.2.3', mac: '52:55:0a:00:02:03', roles: ['dns'], subnet: '10.0.2.0/24' });
  const net = new NetNamespace(opts.network
    ? [loopbackInterface(), { index: 2, name: 'eth0', mac: '52:54:00:12:34:56', mtu: 1500, up: true, loopback: false, ipv4: ['10.0.2.15/24'], ipv6: [], qdisc: 'fq_codel', gateway: '10.0.2.2', segment: uplink }]
    : [loopbackInterface()]);
  let out: { r: ResolveResult; ms: number } | undefined;
  const init: Program = async (sys) => {
    const t0 = sys.uptime();
    const r = await getaddrinfo(sys, name);
    out = { r, ms: Math.round(sys.uptime() - t0) };
    return 0;
  };
  const k = new Kernel({ seed: 1, bootEpochMs: 0, hostname: 't', rootMnt: fs, net, programs: new Map() });
  k.startInit(init, ['/sbin/init']);
  await k.run();
  expect(k.faults).toEqual([]);
  return out!;
}

describe('getaddrinfo over the simulated network', () => {
  it('numbers are themselves and /etc/hosts answers first, with no network needed', async () => {
    expect((await lookup('10.1.2.3', { network: false })).r).toEqual({ ok: true, addresses: ['10.1.2.3'] });
    expect((await lookup('web', { network: false })).r).toEqual({ ok: true, addresses: ['172.17.0.2'] });
  });

  it('the nameserver answers from the Internet zone; an unknown name is EAI_NONAME', async () => {
    expect((await lookup('archive.ubuntu.com', { network: true })).r).toEqual({ ok: true, addresses: ['91.189.91.82', '185.125.190.83', '91.189.91.83'] });
    expect((await lookup('ngin.example', { network: true })).r).toEqual({ ok: false, error: 'EAI_NONAME' });
  });

  it('no route to the nameserver (--network none) is EAI_AGAIN at once', async () => {
    expect(await lookup('archive.ubuntu.com', { network: false })).toEqual({ r: { ok: false, error: 'EAI_AGAIN' }, ms: 0 });
  });

  it('a nameserver that never answers costs glibc\'s 5 s timeout twice, then EAI_AGAIN', async () => {
    expect(await lookup('example.com', { network: true, resolv: 'nameserver 10.0.2.99\n' })).toEqual({ r: { ok: false, error: 'EAI_AGAIN' }, ms: 10000 });
  });
});

describe('getnameinfo', () => {
  it('names an address from /etc/hosts', async () => {
    const fs = new FakeMounts();
    fs.addFile('/etc/hosts', '127.0.0.1 localhost\n', 0o644);
    let name: string | undefined = '';
    const k = new Kernel({ seed: 1, bootEpochMs: 0, hostname: 't', rootMnt: fs, programs: new Map() });
    k.startInit(async (sys) => ((name = await getnameinfo(sys, '127.0.0.1')), 0), ['/sbin/init']);
    await k.run();
    expect(name).toBe('localhost');
  });
});
