import { describe, expect, it } from 'vitest';
import { loopbackInterface, type NetInterface } from '../../../src/engine/kernel/net.js';
import { host, run } from './harness.js';

const eth0: NetInterface & { gateway: string } = {
  index: 2, name: 'eth0', mac: '52:54:00:12:34:56', mtu: 1500, up: true, loopback: false,
  ipv4: ['10.0.2.15/24'], ipv6: ['fe80::5054:ff:fe12:3456/64'], qdisc: 'fq_codel', gateway: '10.0.2.2',
};
const docker0: NetInterface = {
  index: 3, name: 'docker0', mac: '02:42:5e:1a:2b:3c', mtu: 1500, up: true, loopback: false,
  ipv4: ['172.17.0.1/16'], ipv4Broadcast: '172.17.255.255', ipv6: [], qdisc: 'noqueue',
};
const veth: NetInterface = {
  index: 5, name: 'veth1a2b3c4', peerIndex: 4, mac: '8a:10:22:33:44:55', mtu: 1500, up: true, loopback: false,
  ipv4: [], ipv6: ['fe80::8810:22ff:fe33:4455/64'], qdisc: 'noqueue', master: 'docker0',
};

const LO = [
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '    inet 127.0.0.1/8 scope host lo',
  '       valid_lft forever preferred_lft forever',
  '    inet6 ::1/128 scope host ',
  '       valid_lft forever preferred_lft forever',
];

describe('ip', () => {
  it('addr: loopback, a NIC, and docker0 without containers (NO-CARRIER, DOWN)', async () => {
    const r = await run(host({}, [loopbackInterface(), eth0, docker0]), ['ip', 'addr']);
    expect(r.out).toBe([
      ...LO,
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000',
      '    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff',
      '    inet 10.0.2.15/24 brd 10.0.2.255 scope global eth0',
      '       valid_lft forever preferred_lft forever',
      '    inet6 fe80::5054:ff:fe12:3456/64 scope link ',
      '       valid_lft forever preferred_lft forever',
      '3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default ',
      '    link/ether 02:42:5e:1a:2b:3c brd ff:ff:ff:ff:ff:ff',
      '    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0',
      '       valid_lft forever preferred_lft forever',
      '',
    ].join('\n'));
  });

  it('a veth enslaved to docker0 brings the bridge up and shows @ifN and link-netnsid', async () => {
    const h = host({}, [loopbackInterface(), docker0, veth]);
    const r = await run(h, ['ip', 'a', 'show', 'veth1a2b3c4']);
    expect(r.out).toBe([
      '5: veth1a2b3c4@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP group default ',
      '    link/ether 8a:10:22:33:44:55 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
      '    inet6 fe80::8810:22ff:fe33:4455/64 scope link ',
      '       valid_lft forever preferred_lft forever',
      '',
    ].join('\n'));
    expect((await run(h, ['ip', 'link', 'show', 'docker0'])).out).toBe(
      '3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \n' +
        '    link/ether 02:42:5e:1a:2b:3c brd ff:ff:ff:ff:ff:ff\n',
    );
  });

  it('-4, -6 and -br', async () => {
    const h = host({}, [loopbackInterface(), eth0]);
    expect((await run(h, ['ip', '-4', 'a'])).out).toBe([
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000',
      '    inet 10.0.2.15/24 brd 10.0.2.255 scope global eth0',
      '       valid_lft forever preferred_lft forever',
      '',
    ].join('\n'));
    expect((await run(h, ['ip', '-6', 'addr', 'show', 'lo'])).out).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN qlen 1000\n    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n',
    );
    expect((await run(h, ['ip', '-br', 'a'])).out).toBe(
      'lo               UNKNOWN        127.0.0.1/8 ::1/128 \neth0             UP             10.0.2.15/24 fe80::5054:ff:fe12:3456/64 \n',
    );
  });

  it('route: default via the gateway, then a kernel route per subnet (linkdown without carrier)', async () => {
    const r = await run(host({}, [loopbackInterface(), eth0, docker0]), ['ip', 'route']);
    expect(r.out).toBe(
      'default via 10.0.2.2 dev eth0 \n' +
        '10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 \n' +
        '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n',
    );
  });

  it('errors: unknown device and object; changes need root', async () => {
    const h = host({}, [loopbackInterface()]);
    expect(await run(h, ['ip', 'addr', 'show', 'eth9'])).toEqual({ out: 'Device "eth9" does not exist.\n', status: 1 });
    expect(await run(h, ['ip', 'foo'])).toEqual({ out: 'Object "foo" is unknown, try "ip help".\n', status: 1 });
    expect(await run(h, ['ip', 'link', 'set', 'lo', 'down'])).toEqual({ out: 'RTNETLINK answers: Operation not permitted\n', status: 2 });
  });
});

describe('busybox ip', () => {
  it('prints the older layout: no group/mode, M-DOWN on a container veth, no proto kernel', async () => {
    const { makeIp } = await import('../../../src/programs/system/ip.js');
    const eth0c: NetInterface & { gateway: string } = {
      index: 4, name: 'eth0', peerIndex: 5, mac: '02:42:ac:11:00:02', mtu: 1500, up: true, loopback: false,
      ipv4: ['172.17.0.2/16'], ipv6: [], qdisc: 'noqueue', gateway: '172.17.0.1',
    };
    const h = host({}, [loopbackInterface(), eth0c]);
    (h.k.programs as Map<string, unknown>).set('ip', makeIp(true));
    expect((await run(h, ['ip', 'addr'])).out).toBe([
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
      '    inet6 ::1/128 scope host ',
      '       valid_lft forever preferred_lft forever',
      '4: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP ',
      '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff',
      '    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0',
      '       valid_lft forever preferred_lft forever',
      '',
    ].join('\n'));
    expect((await run(h, ['ip', 'route'])).out).toBe('default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n');
    expect((await run(h, ['ip', 'a', 'show', 'eth1'])).out).toBe("ip: can't find device 'eth1'\n");
  });
});
