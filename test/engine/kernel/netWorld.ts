/** The network the kernel's network tests stand on. */
import { loopbackInterface, NetNamespace, Segment, type NetInterface } from '../../../src/engine/kernel/net.js';

/** A host on QEMU's uplink with docker0, and two containers on docker0 (what dockerd's bridge builds). */
export function world() {
  const uplink = new Segment('uplink');
  uplink.addStation({ ip: '10.0.2.2', mac: '52:55:0a:00:02:02', roles: ['router'], subnet: '10.0.2.0/24' });
  uplink.addStation({ ip: '10.0.2.3', mac: '52:55:0a:00:02:03', roles: ['dns'], subnet: '10.0.2.0/24' });
  const bridge = new Segment('docker0');
  const nic = (name: string, cidr: string, seg: Segment, extra: Partial<NetInterface> = {}): NetInterface => ({
    index: 2, name, mac: `02:42:00:00:00:${cidr.split('/')[0].split('.')[3].padStart(2, '0')}`, mtu: 1500, up: true,
    loopback: false, ipv4: [cidr], ipv6: [], qdisc: 'noqueue', segment: seg, ...extra,
  });
  const host = new NetNamespace([
    loopbackInterface(),
    nic('eth0', '10.0.2.15/24', uplink, { gateway: '10.0.2.2' }),
    nic('docker0', '172.17.0.1/16', bridge),
  ]);
  host.forwarding = true;
  host.masquerade.push({ source: '172.17.0.0/16', notOut: 'docker0' });
  host.resolvedUpstreams = ['10.0.2.3'];
  const c1 = new NetNamespace([loopbackInterface(), nic('eth0', '172.17.0.2/16', bridge, { gateway: '172.17.0.1' })]);
  const c2 = new NetNamespace([loopbackInterface(), nic('eth0', '172.17.0.3/16', bridge, { gateway: '172.17.0.1' })]);
  const none = new NetNamespace([loopbackInterface()]);
  return { host, c1, c2, none, bridge, uplink };
}
