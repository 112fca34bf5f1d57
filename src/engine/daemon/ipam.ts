/**
 * Address management for the default bridge (`docker0`): 172.17.0.0/16, gateway 172.17.0.1, container
 * addresses handed out lowest-free first from 172.17.0.2 (a released address is the next one reused), assigned
 * at start and released at stop.
 */
import { HEX_BYTE, type Prng } from '../kernel/prng.js';
import { systemError } from '../../pkg/errdefs.js';
import { sha256Hex } from '../fs/sha256.js';
import { utf8Encode } from '../kernel/utf8.js';

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

/**
 * netutils.GenerateRandomMAC: six random bytes, locally administered, unicast. Docker 28's bridge driver gives
 * every endpoint and bridge one (moby bc130f367d, v28.0.0); Docker 27 and older built `02:42:` plus the IPv4
 * address for endpoints.
 */
export function randomMac(prng: Pick<Prng, 'bytes'>): string {
  return macOf(prng.bytes(6));
}

/**
 * A random MAC drawn from an identifier the seeded PRNG has already given (the endpoint's ID, the bridge's
 * draw), hashed: a fresh draw would move every ID after it in every recorded session.
 */
export function macFromSeed(seed: string): string {
  const h = sha256Hex(utf8Encode(`mac:${seed}`));
  return macOf(Uint8Array.from({ length: 6 }, (_, i) => parseInt(h.slice(2 * i, 2 * i + 2), 16)));
}

function macOf(b: Uint8Array): string {
  const first = (b[0] | 0x02) & 0xfe;
  return [HEX_BYTE[first], HEX_BYTE[b[1]], HEX_BYTE[b[2]], HEX_BYTE[b[3]], HEX_BYTE[b[4]], HEX_BYTE[b[5]]].join(':');
}
