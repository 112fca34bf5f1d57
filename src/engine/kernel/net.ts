/**
 * Network namespaces as far as the host's tools see them: interfaces with addresses. Routing between
 * namespaces (the docker0 bridge) is built on top by the daemon.
 */
export interface NetInterface {
  readonly index: number;
  readonly name: string;
  /** `eth0@if7`-style peer suffix as `ip addr` prints it, if a veth. */
  readonly peerIndex?: number;
  readonly mac: string;
  readonly mtu: number;
  readonly up: boolean;
  readonly loopback: boolean;
  /** `inet` addresses in CIDR form, e.g. 172.17.0.2/16. */
  readonly ipv4: readonly string[];
  readonly ipv4Broadcast?: string;
  /** `inet6` addresses in CIDR form. */
  readonly ipv6: readonly string[];
  /** Linux qdisc name, as `ip addr` prints it. */
  readonly qdisc: string;
  /** The default route's next hop through this interface, if it has one (`ip route`: default via …). */
  readonly gateway?: string;
  /** The master bridge (e.g. docker0) a veth is enslaved to. */
  readonly master?: string;
}

export class NetNamespace {
  private readonly ifaces: NetInterface[] = [];

  constructor(initial: readonly NetInterface[] = []) {
    this.ifaces.push(...initial);
  }

  interfaces(): readonly NetInterface[] {
    return this.ifaces;
  }

  add(iface: NetInterface): void {
    this.ifaces.push(iface);
  }

  remove(name: string): void {
    const i = this.ifaces.findIndex((x) => x.name === name);
    if (i >= 0) this.ifaces.splice(i, 1);
  }

  replace(iface: NetInterface): void {
    const i = this.ifaces.findIndex((x) => x.name === iface.name);
    if (i >= 0) this.ifaces[i] = iface;
    else this.ifaces.push(iface);
  }
}

export function loopbackInterface(): NetInterface {
  return {
    index: 1,
    name: 'lo',
    mac: '00:00:00:00:00:00',
    mtu: 65536,
    up: true,
    loopback: true,
    ipv4: ['127.0.0.1/8'],
    ipv6: ['::1/128'],
    qdisc: 'noqueue',
  };
}
