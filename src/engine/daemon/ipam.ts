/**
 * Address management for the default bridge (`docker0`): 172.17.0.0/16, gateway 172.17.0.1, container
 * addresses handed out lowest-free first from 172.17.0.2 (a released address is the next one reused), assigned
 * at start and released at stop.
 */
import { HEX_BYTE, type Prng } from '../kernel/prng.js';
import { systemError } from '../../pkg/errdefs.js';

export const DEFAULT_BRIDGE = {
  name: 'bridge',
  iface: 'docker0',
  subnet: '172.17.0.0/16',
  gateway: '172.17.0.1',
  prefixLen: 16,
} as const;

export function ipToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

export function intToIp(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export class BridgeIpam {
  private readonly base: number;
  private readonly size: number;
  private readonly used = new Set<number>();
  /** Every offset below this one is taken: lowest-free stays O(1) amortised with thousands of containers. */
  private lowestFree = 1;

  constructor(subnet: string = DEFAULT_BRIDGE.subnet, readonly gateway: string = DEFAULT_BRIDGE.gateway) {
    const [addr, bits] = subnet.split('/');
    this.size = 2 ** (32 - Number(bits));
    this.base = (ipToInt(addr) & ~(this.size - 1)) >>> 0;
    this.used.add(ipToInt(gateway) - this.base);
  }

  /** The lowest free host address (network, gateway and broadcast excluded). */
  allocate(): string {
    for (let off = this.lowestFree; off < this.size - 1; off++) {
      if (!this.used.has(off)) {
        this.used.add(off);
        this.lowestFree = off + 1;
        return intToIp((this.base + off) >>> 0);
      }
    }
    this.lowestFree = this.size - 1;
    throw systemError('no available IPv4 addresses on this network\'s address pools: bridge');
  }

  release(ip: string): void {
    const off = ipToInt(ip) - this.base;
    if (ip === this.gateway || !this.used.delete(off)) return;
    if (off < this.lowestFree) this.lowestFree = off;
  }

  isAllocated(ip: string): boolean {
    return this.used.has(ipToInt(ip) - this.base);
  }
}

/** netutils.GenerateMACFromIP: `02:42` then the four IPv4 bytes (172.17.0.2 → 02:42:ac:11:00:02). */
export function macFromIp(ip: string): string {
  const o = ip.split('.');
  return ['02', '42', HEX_BYTE[Number(o[0])], HEX_BYTE[Number(o[1])], HEX_BYTE[Number(o[2])], HEX_BYTE[Number(o[3])]].join(':');
}

/**
 * netutils.GenerateRandomMAC of newer engines: six random bytes, locally administered, unicast. (Which of the
 * two Docker 28's bridge driver uses is the daemon's choice; see the report.)
 */
export function randomMac(prng: Pick<Prng, 'bytes'>): string {
  const b = prng.bytes(6);
  b[0] = (b[0] | 0x02) & 0xfe;
  return [HEX_BYTE[b[0]], HEX_BYTE[b[1]], HEX_BYTE[b[2]], HEX_BYTE[b[3]], HEX_BYTE[b[4]], HEX_BYTE[b[5]]].join(':');
}
