import { describe, expect, it } from 'vitest';
import { ListenerTable } from '../../../src/engine/kernel/netstack.js';
import { NetNamespace, loopbackInterface } from '../../../src/engine/kernel/net.js';
import type { Listener } from '../../../src/engine/kernel/socket.js';

const l = {} as Listener;

describe('the listener table', () => {
  it('knows which ports any IPv4 or IPv6 address holds, through replacing, deleting and clearing', () => {
    const t = new ListenerTable();
    t.set('127.0.0.1:8080', l);
    t.set('127.0.0.1:8080', l);
    t.set('[::]:80', l);
    expect([t.hasPort(8080), t.hasPort(80), t.hasPort(80, true), t.hasPort(8080, true), t.hasPort(808)]).toEqual([true, false, true, false, false]);
    t.set('0.0.0.0:8080', l);
    t.delete('127.0.0.1:8080');
    expect(t.hasPort(8080)).toBe(true);
    t.delete('0.0.0.0:8080');
    t.delete('0.0.0.0:8080');
    expect(t.hasPort(8080)).toBe(false);
    t.clear();
    expect(t.hasPort(80, true)).toBe(false);
    expect([...t.keys()]).toEqual([]);
  });
});

describe('a namespace’s interfaces by name', () => {
  it('follow adds, removes and replacements made before and after the first question', () => {
    const ns = new NetNamespace([loopbackInterface()]);
    const veth = { ...loopbackInterface(), index: 5, name: 'veth1', loopback: false };
    ns.add(veth);
    expect([ns.has('lo'), ns.has('veth1'), ns.has('eth0')]).toEqual([true, true, false]);
    ns.add({ ...veth, index: 6, name: 'veth2' });
    ns.remove('veth1');
    ns.replace({ ...veth, name: 'eth0' });
    expect([ns.has('veth1'), ns.has('veth2'), ns.has('eth0')]).toEqual([false, true, true]);
  });
});
