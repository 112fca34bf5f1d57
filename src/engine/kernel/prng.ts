/**
 * A seeded PRNG (sfc32 seeded through splitmix32): every "random" thing in the simulation — container IDs,
 * names, MAC addresses, $RANDOM — comes from here, so a seed reproduces a session byte for byte.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.u32() & 0xff;
    return out;
  }

  /**
   * Built with one join, not `+=`: appended pieces make a rope of ~30 nodes that IDs (kept for a container's
   * life) would carry, ~0.5 KB each where the flat 64 characters take 80 bytes.
   */
  hex(nBytes: number): string {
    // One scratch array for every call, and no byte buffer between: a container's start makes half a dozen
    // IDs, and their 32-slot arrays and buffers were garbage the moment the string was joined.
    const parts = HEX_PARTS;
    parts.length = nBytes;
    for (let i = 0; i < nBytes; i++) parts[i] = HEX_BYTE[this.u32() & 0xff];
    return parts.join('');
  }

  /** The generator's state, so a saved session resumes the same sequence. */
  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  restore([a, b, c, d]: readonly number[]): void {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
  }
}

const HEX_PARTS: string[] = [];

/** '00'…'ff': IDs are hex by the thousand. */
export const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
