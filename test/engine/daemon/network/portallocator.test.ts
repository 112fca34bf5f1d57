import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PortAllocator } from '../../../../src/engine/daemon/network/portallocator.js';

describe('PortAllocator (libnetwork portallocator)', () => {
  it('hands out the ephemeral range from its start, and never the last port again at once', () => {
    const a = new PortAllocator();
    expect(a.request(['0.0.0.0', '::'], 'tcp', 0, 0)).toBe(32768);
    expect(a.request(['0.0.0.0', '::'], 'tcp', 0, 0)).toBe(32769);
    a.release('0.0.0.0', 'tcp', 32768);
    a.release('::', 'tcp', 32768);
    // A restarted container gets the next port, not the one it gave back.
    expect(a.request(['0.0.0.0', '::'], 'tcp', 0, 0)).toBe(32770);
  });

  it('keeps protocols and addresses apart', () => {
    const a = new PortAllocator();
    expect(a.request(['0.0.0.0'], 'tcp', 8080, 8080)).toBe(8080);
    expect(a.request(['0.0.0.0'], 'udp', 8080, 8080)).toBe(8080);
    expect(a.request(['127.0.0.1'], 'tcp', 8080, 8080)).toBe(8080);
    expect(() => a.request(['0.0.0.0', '::'], 'tcp', 8080, 8080)).toThrow('Bind for 0.0.0.0:8080 failed: port is already allocated');
    expect(a.request(['::'], 'tcp', 8080, 8080)).toBe(8080);
    expect(() => a.request(['0.0.0.0'], 'icmp', 1, 1)).toThrow('unknown protocol');
  });

  it('a host range allocates within it and says when it is full', () => {
    const a = new PortAllocator();
    expect(a.request(['0.0.0.0'], 'tcp', 8000, 8001)).toBe(8000);
    expect(a.request(['0.0.0.0'], 'tcp', 8000, 8001)).toBe(8001);
    expect(() => a.request(['0.0.0.0'], 'tcp', 8000, 8001)).toThrow('all ports are allocated');
    expect(() => a.request(['0.0.0.0'], 'tcp', 9000, 8000)).toThrow('invalid port range: 9000-8000');
  });

  it('a port is never handed out twice while held (property)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constant(-1), fc.nat(20)), { maxLength: 60 }), (ops) => {
      const a = new PortAllocator(40000, 40015);
      const held: number[] = [];
      for (const op of ops) {
        if (op === -1 || held.length === 0) {
          let p: number;
          try {
            p = a.request(['0.0.0.0'], 'tcp', 0, 0);
          } catch {
            expect(held.length).toBe(16);
            continue;
          }
          expect(held).not.toContain(p);
          expect(p >= 40000 && p <= 40015).toBe(true);
          held.push(p);
        } else {
          const [p] = held.splice(op % held.length, 1);
          a.release('0.0.0.0', 'tcp', p);
        }
      }
    }));
  });
});
