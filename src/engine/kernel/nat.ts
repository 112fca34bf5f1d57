/**
 * The nat table's DNAT rules as dockerd's bridge driver writes them for published ports (Docker 28,
 * libnetwork/drivers/bridge/internal/iptabler/port.go), and where the kernel meets them: PREROUTING for a
 * connection that arrives from another namespace, OUTPUT for one the host makes itself. Both jump to DOCKER
 * only for a destination that is one of the namespace's own addresses (`-m addrtype --dst-type LOCAL`), and
 * OUTPUT never for 127.0.0.0/8: a loopback connection reaches the userland proxy's socket instead. With the
 * userland proxy on (Docker's default, so no hairpin NAT) each rule carries `! -i <bridge>` and DOCKER begins
 * with `-i <bridge> -j RETURN`: a container on the same bridge reaches the proxy too.
 */

export interface DnatRule {
  readonly proto: 'tcp' | 'udp' | 'sctp';
  /** `0.0.0.0` for any local address (`-d 0/0`), else the one address (`-d 127.0.0.1/32`). */
  readonly hostIp: string;
  readonly hostPort: number;
  readonly toIp: string;
  readonly toPort: number;
  /** The bridge the container is on (`! -i docker0`). */
  readonly bridge: string;
}

/** A namespace's DNAT rules in chain order, and the bridges whose traffic DOCKER returns at once. */
export class NatTable {
  readonly rules: DnatRule[] = [];

  add(rule: DnatRule): void {
    this.rules.push(rule);
  }

  remove(rule: DnatRule): void {
    const i = this.rules.indexOf(rule);
    if (i >= 0) this.rules.splice(i, 1);
  }

  /**
   * The rule a TCP connection to `dst`:`port` meets, if any. `inIface` is the interface it arrived on, or
   * undefined for one the namespace makes itself (OUTPUT).
   */
  match(dst: string, port: number, inIface: string | undefined): DnatRule | undefined {
    if (this.rules.length === 0) return undefined;
    if (inIface === undefined && dst.startsWith('127.')) return undefined;
    for (const r of this.rules) {
      if (r.proto !== 'tcp' || r.hostPort !== port) continue;
      if (r.hostIp !== '0.0.0.0' && r.hostIp !== dst) continue;
      // `-A DOCKER -i docker0 -j RETURN` comes first; `! -i docker0` on the rule says the same.
      if (inIface === r.bridge) continue;
      return r;
    }
    return undefined;
  }
}
