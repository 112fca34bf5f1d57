import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inSubnet, ipToInt } from '../../../src/engine/kernel/net.js';

// What ipToInt and inSubnet computed before they parsed without allocating: the reference they must match.
const reference = (ip: string): number => {
  const p = ip.split('.');
  return ((Number(p[0]) << 24) | (Number(p[1]) << 16) | (Number(p[2]) << 8) | Number(p[3])) >>> 0;
};
const referenceInSubnet = (ip: string, cidr: string): boolean => {
  const [base, bits] = cidr.split('/');
  const len = Number(bits ?? 32);
  if (len === 0) return true;
  const mask = len === 32 ? 0xffffffff : (~((1 << (32 - len)) - 1)) >>> 0;
  return ((reference(ip) & mask) >>> 0) === ((reference(base) & mask) >>> 0);
};

const octet = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom('', '256', '999', '007', '1000', 'x', '-1', ' 1'));
const address = fc.oneof(
  fc.tuple(octet, octet, octet, octet).map((p) => p.join('.')),
  fc.array(octet, { maxLength: 6 }).map((p) => p.join('.')),
  fc.string({ maxLength: 12 }),
);

describe('IPv4 parsing on the connect path', () => {
  it('ipToInt reads every string as the split-based parser did', () => {
    expect(ipToInt('172.17.0.2')).toBe(0xac110002);
    expect(ipToInt('255.255.255.255')).toBe(0xffffffff);
    fc.assert(fc.property(address, (ip) => Object.is(ipToInt(ip), reference(ip))), { numRuns: 2000 });
  });

  it('inSubnet agrees with the split-based test', () => {
    expect(inSubnet('172.17.0.5', '172.17.0.0/16')).toBe(true);
    expect(inSubnet('172.18.0.5', '172.17.0.0/16')).toBe(false);
    expect(inSubnet('10.0.0.1', '0.0.0.0/0')).toBe(true);
    const cidr = fc.oneof(
      fc.tuple(address, fc.oneof(fc.integer({ min: 0, max: 32 }).map(String), fc.constantFrom('', 'x', '33', '8/9'))).map(([a, l]) => `${a}/${l}`),
      address,
    );
    fc.assert(fc.property(address, cidr, (ip, c) => inSubnet(ip, c) === referenceInSubnet(ip, c)), { numRuns: 2000 });
  });
});
