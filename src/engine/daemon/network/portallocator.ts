/**
 * libnetwork's portallocator: host ports per (host address, protocol). An explicit port is taken if free; a
 * range (the ephemeral range when none is given) hands out the port after the last one it handed out, wrapping
 * round, so a released port is not given again at once: a container restarted with `-p 80` gets a new port.
 * Several addresses asking together (0.0.0.0 and ::) get one port free on all of them.
 */
import { DaemonError } from '../../../pkg/errdefs.js';

/** Linux's net.ipv4.ip_local_port_range, which the allocator reads at dockerd's start. */
export const EPHEMERAL: readonly [number, number] = [32768, 60999];

interface Range {
  readonly begin: number;
  readonly end: number;
  last: number;
}

class PortMap {
  readonly taken = new Set<number>();
  private readonly ranges = new Map<string, Range>();

  range(begin: number, end: number): Range {
    const key = `${begin}-${end}`;
    let r = this.ranges.get(key);
    if (!r) this.ranges.set(key, (r = { begin, end, last: end }));
    return r;
  }
}

export class PortAllocator {
  private readonly maps = new Map<string, PortMap>();

  constructor(private readonly begin = EPHEMERAL[0], private readonly end = EPHEMERAL[1]) {}

  private map(ip: string, proto: string): PortMap {
    const key = `${ip}/${proto}`;
    let m = this.maps.get(key);
    if (!m) this.maps.set(key, (m = new PortMap()));
    return m;
  }

  /** RequestPortsInRange: `start` = `end` = 0 for any port of the ephemeral range. */
  request(ips: readonly string[], proto: string, start: number, end: number): number {
    if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') throw new DaemonError('System', 'unknown protocol');
    if ((start !== 0 || end !== 0) && (start === 0 || end === 0 || end < start)) {
      throw new DaemonError('System', `invalid port range: ${start}-${end}`);
    }
    const maps = ips.map((ip) => this.map(ip, proto));
    if (start > 0 && start === end) {
      const i = maps.findIndex((m) => m.taken.has(start));
      if (i >= 0) throw new DaemonError('System', `Bind for ${ips[i]}:${start} failed: port is already allocated`);
      for (const m of maps) m.taken.add(start);
      return start;
    }
    const [b, e] = start === 0 ? [this.begin, this.end] : [start, end];
    const ranges = maps.map((m) => m.range(b, e));
    let port = ranges[0].last;
    for (let i = b; i <= e; i++) {
      port = port + 1 > e ? b : port + 1;
      if (maps.some((m) => m.taken.has(port))) continue;
      maps.forEach((m, j) => {
        m.taken.add(port);
        ranges[j].last = port;
      });
      return port;
    }
    throw new DaemonError('System', 'all ports are allocated');
  }

  release(ip: string, proto: string, port: number): void {
    this.maps.get(`${ip}/${proto}`)?.taken.delete(port);
  }
}
