/**
 * libnetwork's default IPAM for user-defined networks: the subnets a new network takes from Docker's default
 * address pools (lowest free first, as the predefined-pool allocator walks them), and the addresses inside
 * one network (lowest free first in the subnet or its `--ip-range`; a static `--ip` reserved as asked).
 */
import { inSubnet, intToIp, ipToInt } from '../../kernel/net.js';

/** ipamutils' local defaults: a base block and the size of the subnets cut from it. */
const DEFAULT_POOLS: ReadonlyArray<readonly [string, number]> = [
  ['172.17.0.0/16', 16], ['172.18.0.0/16', 16], ['172.19.0.0/16', 16], ['172.20.0.0/14', 16],
  ['172.24.0.0/14', 16], ['172.28.0.0/14', 16], ['192.168.0.0/16', 20],
];

export interface Cidr {
  readonly base: number;
  readonly bits: number;
}

export function parseCidr(s: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s);
  if (!m || m.slice(1, 5).some((x) => Number(x) > 255) || Number(m[5]) > 32) return undefined;
  return { base: ipToInt(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`), bits: Number(m[5]) };
}

function size(c: Cidr): number {
  return 2 ** (32 - c.bits);
}

/** The block's network address: `172.18.5.0/16` → 172.18.0.0. */
export function canonical(c: Cidr): Cidr {
  const n = size(c);
  return { base: Math.floor(c.base / n) * n, bits: c.bits };
}

export function cidrString(c: Cidr): string {
  return `${intToIp(c.base)}/${c.bits}`;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const ca = canonical(a);
  const cb = canonical(b);
  return ca.base < cb.base + size(cb) && cb.base < ca.base + size(ca);
}

/** The first subnet of the default pools that overlaps none of `taken`. */
export function nextDefaultSubnet(taken: readonly Cidr[]): Cidr | undefined {
  for (const [base, bits] of DEFAULT_POOLS) {
    const block = parseCidr(base)!;
    const n = 2 ** (32 - bits);
    for (let s = block.base; s < block.base + size(block); s += n) {
      const sub = { base: s, bits };
      if (!taken.some((t) => overlaps(t, sub))) return sub;
    }
  }
  return undefined;
}

/** Addresses of one network: network and broadcast addresses and the gateway are never handed out. */
export class AddressPool {
  private readonly used = new Set<number>();
  private readonly first: number;
  private readonly last: number;
  private lowestFree: number;

  constructor(readonly subnet: Cidr, readonly gateway: string, range?: Cidr) {
    const net = canonical(subnet);
    const r = range ? canonical(range) : net;
    this.first = Math.max(r.base, net.base + 1);
    this.last = Math.min(r.base + size(r) - 1, net.base + size(net) - 2);
    this.lowestFree = this.first;
    this.used.add(ipToInt(gateway));
  }

  allocate(): string | undefined {
    for (let a = this.lowestFree; a <= this.last; a++) {
      if (!this.used.has(a)) {
        this.used.add(a);
        this.lowestFree = a + 1;
        return intToIp(a);
      }
    }
    return undefined;
  }

  /** Reserves a static address; false when it is taken. */
  reserve(ip: string): boolean {
    const a = ipToInt(ip);
    if (this.used.has(a)) return false;
    this.used.add(a);
    return true;
  }

  release(ip: string): void {
    const a = ipToInt(ip);
    if (ip === this.gateway || !this.used.delete(a)) return;
    if (a >= this.first && a < this.lowestFree) this.lowestFree = a;
  }

  contains(ip: string): boolean {
    return inSubnet(ip, cidrString(this.subnet));
  }
}
