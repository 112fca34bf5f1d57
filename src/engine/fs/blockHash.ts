/**
 * The frame SHA-1 and SHA-256 share (FIPS 180-4's Merkle–Damgård construction): input in 64-byte blocks, then
 * 0x80, zeros and the message length in bits, big-endian, in the last 8 bytes. Each hash brings its state and
 * its compression function.
 */

/** Folds the 64-byte block of `b` at `off` into the state `h`. */
export type Compress = (h: Int32Array, b: Uint8Array, off: number) => void;

/** Incremental hasher: `update` any number of times, then `hex()` once. */
export class BlockHash {
  private readonly block = new Uint8Array(64);
  private used = 0;
  private total = 0;

  // The compression is a module function passed in, not a method: as a method its optimized code was thrown
  // away whenever a hasher died ("weak objects"), and the hash ran unoptimized again.
  constructor(
    private readonly h: Int32Array,
    private readonly compress: Compress,
  ) {}

  update(data: Uint8Array): this {
    const len = data.length;
    let i = 0;
    this.total += len;
    if (this.used > 0) {
      const n = Math.min(64 - this.used, len);
      this.block.set(n === len ? data : data.subarray(0, n), this.used);
      this.used += n;
      i = n;
      if (this.used < 64) return this;
      this.compress(this.h, this.block, 0);
      this.used = 0;
    }
    // Whole blocks straight from the input: no copy into the block buffer.
    for (; i + 64 <= len; i += 64) this.compress(this.h, data, i);
    if (i < len) {
      this.block.set(data.subarray(i), 0);
      this.used = len - i;
    }
    return this;
  }

  hex(): string {
    const bits = this.total * 8;
    this.block[this.used++] = 0x80;
    if (this.used > 56) {
      this.block.fill(0, this.used);
      this.compress(this.h, this.block, 0);
      this.used = 0;
    }
    this.block.fill(0, this.used, 56);
    const hi = Math.floor(bits / 0x100000000);
    for (let i = 0; i < 4; i++) {
      this.block[56 + i] = (hi >>> (24 - 8 * i)) & 0xff;
      this.block[60 + i] = (bits >>> (24 - 8 * i)) & 0xff;
    }
    this.compress(this.h, this.block, 0);
    let out = '';
    for (const v of this.h) out += (v >>> 0).toString(16).padStart(8, '0');
    return out;
  }
}
