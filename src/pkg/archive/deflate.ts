/**
 * DEFLATE (RFC 1951), the compression inside gzip and zip: a complete inflater (stored, fixed and dynamic
 * Huffman blocks) and a compressor that writes LZ77 matches with dynamic Huffman codes, so files made by the
 * real gzip read here and files made here read with the real gzip. Sizes are close to gzip -6, not equal.
 */

export class DeflateError extends Error {}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

// ---------------------------------------------------------------- inflate

/** A decoding table indexed by the next `bits` input bits (LSB first): symbol << 4 | code length. */
interface Huffman {
  table: Int32Array;
  bits: number;
}

function huffman(lengths: ArrayLike<number>, n: number): Huffman {
  let max = 1;
  for (let i = 0; i < n; i++) if (lengths[i] > max) max = lengths[i];
  const count = new Uint16Array(16);
  for (let i = 0; i < n; i++) count[lengths[i]]++;
  count[0] = 0;
  const next = new Uint16Array(16);
  let code = 0;
  for (let b = 1; b < 16; b++) {
    code = (code + count[b - 1]) << 1;
    next[b] = code;
  }
  const table = new Int32Array(1 << max).fill(-1);
  for (let sym = 0; sym < n; sym++) {
    const len = lengths[sym];
    if (!len) continue;
    const c = next[len]++;
    let rev = 0;
    for (let i = 0; i < len; i++) rev |= ((c >> i) & 1) << (len - 1 - i);
    for (let k = rev; k < table.length; k += 1 << len) table[k] = (sym << 4) | len;
  }
  return { table, bits: max };
}

class BitReader {
  pos = 0;
  private bit = 0;
  private bits = 0;
  constructor(readonly data: Uint8Array) {}

  need(n: number): number {
    while (this.bits < n) {
      if (this.pos >= this.data.length) throw new DeflateError('unexpected end of file');
      this.bit |= this.data[this.pos++] << this.bits;
      this.bits += 8;
    }
    const v = this.bit & ((1 << n) - 1);
    this.bit >>>= n;
    this.bits -= n;
    return v;
  }

  /** To a byte boundary, giving back whole bytes read ahead. */
  align(): void {
    this.pos -= this.bits >> 3;
    this.bit = 0;
    this.bits = 0;
  }

  decode(h: Huffman): number {
    // Peek up to h.bits bits; past the end of the data the missing bits read as zeros.
    while (this.bits < h.bits && this.pos < this.data.length) {
      this.bit |= this.data[this.pos++] << this.bits;
      this.bits += 8;
    }
    const e = h.table[this.bit & ((1 << h.bits) - 1)];
    if (e < 0) throw new DeflateError('invalid compressed data--format violated');
    const len = e & 15;
    if (len > this.bits) throw new DeflateError('unexpected end of file');
    this.bit >>>= len;
    this.bits -= len;
    return e >> 4;
  }
}

let FIXED: [Huffman, Huffman] | null = null;
function fixedTables(): [Huffman, Huffman] {
  if (!FIXED) {
    const l = new Uint8Array(288);
    l.fill(8, 0, 144);
    l.fill(9, 144, 256);
    l.fill(7, 256, 280);
    l.fill(8, 280, 288);
    FIXED = [huffman(l, 288), huffman(new Uint8Array(30).fill(5), 30)];
  }
  return FIXED;
}

class Out {
  buf = new Uint8Array(1 << 16);
  len = 0;
  push(b: number): void {
    if (this.len === this.buf.length) this.grow(1);
    this.buf[this.len++] = b;
  }
  grow(n: number): void {
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** Inflates a raw DEFLATE stream; returns the data and where the stream ended in `data`. */
export function inflateRaw(data: Uint8Array, start = 0): { data: Uint8Array; end: number } {
  const br = new BitReader(data);
  br.pos = start;
  const out = new Out();
  for (;;) {
    const final = br.need(1);
    const type = br.need(2);
    if (type === 0) {
      br.align();
      if (br.pos + 4 > data.length) throw new DeflateError('unexpected end of file');
      const len = data[br.pos] | (data[br.pos + 1] << 8);
      const nlen = data[br.pos + 2] | (data[br.pos + 3] << 8);
      if ((len ^ 0xffff) !== nlen) throw new DeflateError('invalid compressed data--format violated');
      br.pos += 4;
      if (br.pos + len > data.length) throw new DeflateError('unexpected end of file');
      if (out.len + len > out.buf.length) out.grow(len);
      out.buf.set(data.subarray(br.pos, br.pos + len), out.len);
      out.len += len;
      br.pos += len;
    } else if (type === 1 || type === 2) {
      let lit: Huffman;
      let dist: Huffman;
      if (type === 1) [lit, dist] = fixedTables();
      else {
        const hlit = br.need(5) + 257;
        const hdist = br.need(5) + 1;
        const hclen = br.need(4) + 4;
        const cl = new Uint8Array(19);
        for (let i = 0; i < hclen; i++) cl[CL_ORDER[i]] = br.need(3);
        const clh = huffman(cl, 19);
        const lengths = new Uint8Array(hlit + hdist);
        for (let i = 0; i < hlit + hdist; ) {
          const sym = br.decode(clh);
          if (sym < 16) lengths[i++] = sym;
          else {
            let rep: number;
            let val = 0;
            if (sym === 16) {
              if (i === 0) throw new DeflateError('invalid compressed data--format violated');
              val = lengths[i - 1];
              rep = 3 + br.need(2);
            } else if (sym === 17) rep = 3 + br.need(3);
            else rep = 11 + br.need(7);
            if (i + rep > hlit + hdist) throw new DeflateError('invalid compressed data--format violated');
            lengths.fill(val, i, i + rep);
            i += rep;
          }
        }
        lit = huffman(lengths.subarray(0, hlit), hlit);
        dist = huffman(lengths.subarray(hlit), hdist);
      }
      for (;;) {
        const sym = br.decode(lit);
        if (sym < 256) out.push(sym);
        else if (sym === 256) break;
        else {
          const li = sym - 257;
          if (li >= 29) throw new DeflateError('invalid compressed data--format violated');
          const len = LEN_BASE[li] + br.need(LEN_EXTRA[li]);
          const di = br.decode(dist);
          if (di >= 30) throw new DeflateError('invalid compressed data--format violated');
          const d = DIST_BASE[di] + br.need(DIST_EXTRA[di]);
          if (d > out.len) throw new DeflateError('invalid compressed data--format violated');
          if (out.len + len > out.buf.length) out.grow(len);
          const b = out.buf;
          for (let k = 0; k < len; k++, out.len++) b[out.len] = b[out.len - d];
        }
      }
    } else throw new DeflateError('invalid compressed data--format violated');
    if (final) break;
  }
  br.align();
  return { data: out.result(), end: br.pos };
}

// ---------------------------------------------------------------- deflate

class BitWriter {
  private out = new Out();
  private bit = 0;
  private bits = 0;
  put(v: number, n: number): void {
    this.bit |= v << this.bits;
    this.bits += n;
    while (this.bits >= 8) {
      this.out.push(this.bit & 0xff);
      this.bit >>>= 8;
      this.bits -= 8;
    }
  }
  /** A Huffman code, already bit-reversed (see `canonical`). */
  code(rev: number, len: number): void {
    this.put(rev, len);
  }
  finish(): Uint8Array {
    if (this.bits > 0) this.out.push(this.bit & 0xff);
    return this.out.result();
  }
}

/** Code lengths limited to `max` bits for the given symbol frequencies (package-merge-free heuristic). */
function codeLengths(freq: Uint32Array, max: number): Uint8Array {
  const n = freq.length;
  const lengths = new Uint8Array(n);
  const used: number[] = [];
  for (let i = 0; i < n; i++) if (freq[i] > 0) used.push(i);
  if (used.length === 0) return lengths;
  if (used.length === 1) {
    lengths[used[0]] = 1;
    return lengths;
  }
  // Huffman's algorithm on a simple sorted list (alphabets here are at most 286 symbols).
  interface Node { w: number; sym: number; l?: Node; r?: Node }
  let nodes: Node[] = used.map((s) => ({ w: freq[s], sym: s }));
  nodes.sort((a, b) => a.w - b.w || a.sym - b.sym);
  while (nodes.length > 1) {
    const a = nodes.shift()!;
    const b = nodes.shift()!;
    const m: Node = { w: a.w + b.w, sym: -1, l: a, r: b };
    let i = 0;
    while (i < nodes.length && nodes[i].w <= m.w) i++;
    nodes.splice(i, 0, m);
  }
  const walk = (nd: Node, d: number): void => {
    if (nd.sym >= 0) lengths[nd.sym] = Math.max(1, d);
    else {
      walk(nd.l!, d + 1);
      walk(nd.r!, d + 1);
    }
  };
  walk(nodes[0], 0);
  // Too deep: flatten by the usual trick (move overlong codes up, lengthen short ones) until Kraft holds.
  let over = false;
  for (const s of used) if (lengths[s] > max) over = true;
  if (over) {
    for (const s of used) if (lengths[s] > max) lengths[s] = max;
    const kraft = (): number => used.reduce((a, s) => a + 2 ** (max - lengths[s]), 0);
    const limit = 2 ** max;
    const bySize = [...used].sort((a, b) => freq[a] - freq[b]);
    while (kraft() > limit) {
      for (const s of bySize) {
        if (lengths[s] < max) {
          lengths[s]++;
          if (kraft() <= limit) break;
        }
      }
    }
  }
  return lengths;
}

function canonical(lengths: Uint8Array): Uint16Array {
  const codes = new Uint16Array(lengths.length);
  const count = new Uint16Array(16);
  for (const l of lengths) count[l]++;
  count[0] = 0;
  const next = new Uint16Array(16);
  let code = 0;
  for (let b = 1; b < 16; b++) {
    code = (code + count[b - 1]) << 1;
    next[b] = code;
  }
  // Stored bit-reversed: the writer puts bits least significant first, Huffman codes go most significant first.
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i];
    if (!len) continue;
    const c = next[len]++;
    let rev = 0;
    for (let k = 0; k < len; k++) rev |= ((c >> k) & 1) << (len - 1 - k);
    codes[i] = rev;
  }
  return codes;
}

const LEN_INDEX = new Uint8Array(259);
for (let i = 0, l = 3; l <= 258; l++) {
  while (i < 28 && LEN_BASE[i + 1] <= l) i++;
  LEN_INDEX[l] = i;
}

function lenIndex(len: number): number {
  return LEN_INDEX[len];
}

function distIndex(d: number): number {
  let lo = 0;
  let hi = 29;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (DIST_BASE[mid] <= d) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const WINDOW = 32768;
const HASH = 1 << 15;
/** zlib's level 6: follow up to 128 candidates, stop at a match of 128 bytes. */
const CHAIN = 128;
const NICE = 128;

/** Compresses `data` as a raw DEFLATE stream. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  const w = new BitWriter();
  const BLOCK = 1 << 16;
  const head = new Int32Array(HASH).fill(-1);
  const prev = new Int32Array(WINDOW);
  const hash = (i: number): number => ((data[i] << 10) ^ (data[i + 1] << 5) ^ data[i + 2]) & (HASH - 1);
  let pos = 0;
  if (data.length === 0) {
    // One final fixed block holding only end-of-block (what gzip writes for empty input).
    w.put(1, 1);
    w.put(1, 2);
    w.code(0, 7);
    return w.finish();
  }
  while (pos < data.length) {
    const end = Math.min(data.length, pos + BLOCK);
    // LZ77 into symbols: literal (<256) or [length, distance].
    const syms: number[] = [];
    const litFreq = new Uint32Array(286);
    const distFreq = new Uint32Array(30);
    let i = pos;
    const insert = (k: number): void => {
      if (k + 2 < data.length) {
        const h = hash(k);
        prev[k & (WINDOW - 1)] = head[h];
        head[h] = k;
      }
    };
    while (i < end) {
      let bestLen = 0;
      let bestDist = 0;
      if (i + 2 < data.length) {
        let cand = head[hash(i)];
        let chain = CHAIN;
        const maxLen = Math.min(258, data.length - i);
        while (cand >= 0 && i - cand <= WINDOW - 262 && chain-- > 0) {
          if (data[cand + bestLen] === data[i + bestLen]) {
            let l = 0;
            while (l < maxLen && data[cand + l] === data[i + l]) l++;
            if (l > bestLen) {
              bestLen = l;
              bestDist = i - cand;
              if (l >= NICE || l === maxLen) break;
            }
          }
          const nextCand = prev[cand & (WINDOW - 1)];
          if (nextCand >= cand) break;
          cand = nextCand;
        }
      }
      if (bestLen >= 3) {
        syms.push(256 + bestLen, bestDist);
        litFreq[257 + lenIndex(bestLen)]++;
        distFreq[distIndex(bestDist)]++;
        for (let k = 0; k < bestLen; k++) insert(i + k);
        i += bestLen;
      } else {
        syms.push(data[i]);
        litFreq[data[i]]++;
        insert(i);
        i++;
      }
    }
    litFreq[256]++;
    const final = i >= data.length ? 1 : 0;
    writeDynamic(w, syms, litFreq, distFreq, final);
    pos = i;
  }
  return w.finish();
}

let FIXED_LENGTHS: [Uint8Array, Uint8Array] | null = null;
function fixedLengths(): [Uint8Array, Uint8Array] {
  if (!FIXED_LENGTHS) {
    const l = new Uint8Array(288);
    l.fill(8, 0, 144);
    l.fill(9, 144, 256);
    l.fill(7, 256, 280);
    l.fill(8, 280, 288);
    // All 288 lengths: the canonical codes of 0-285 depend on 286 and 287 being there.
    FIXED_LENGTHS = [l, new Uint8Array(32).fill(5)];
  }
  return FIXED_LENGTHS;
}

/** Bits the block's symbols take with these code lengths (extra bits are the same either way). */
function cost(litFreq: Uint32Array, distFreq: Uint32Array, litLen: Uint8Array, distLen: Uint8Array): number {
  let bits = 0;
  for (let i = 0; i < 286; i++) bits += litFreq[i] * litLen[i];
  for (let i = 0; i < 30; i++) bits += distFreq[i] * distLen[i];
  return bits;
}

function writeDynamic(w: BitWriter, syms: number[], litFreq: Uint32Array, distFreq: Uint32Array, final: number): void {
  if (distFreq.every((f) => f === 0)) distFreq[0] = 1;
  let litLen = codeLengths(litFreq, 15);
  let distLen = codeLengths(distFreq, 15);
  // Small blocks do better with the fixed codes, whose tables cost nothing to send (as gzip chooses).
  const [fl, fd] = fixedLengths();
  const fixed = cost(litFreq, distFreq, fl, fd) <= cost(litFreq, distFreq, litLen, distLen) + 14 + 3 * 19 + 5 * 40;
  if (fixed) {
    litLen = fl;
    distLen = fd;
  }
  const litCodes = canonical(litLen);
  const distCodes = canonical(distLen);
  let hlit = 286;
  while (hlit > 257 && litLen[hlit - 1] === 0) hlit--;
  let hdist = 30;
  while (hdist > 1 && distLen[hdist - 1] === 0) hdist--;
  const all = [...litLen.subarray(0, hlit), ...distLen.subarray(0, hdist)];
  // Run-length code the lengths (16: repeat previous, 17/18: zeros).
  const rle: [number, number, number][] = [];
  for (let i = 0; i < all.length; ) {
    const v = all[i];
    let run = 1;
    while (i + run < all.length && all[i + run] === v) run++;
    let left = run;
    if (v === 0) {
      while (left >= 11) {
        const r = Math.min(138, left);
        rle.push([18, r - 11, 7]);
        left -= r;
      }
      if (left >= 3) {
        rle.push([17, left - 3, 3]);
        left = 0;
      }
    } else {
      rle.push([v, 0, 0]);
      left--;
      while (left >= 3) {
        const r = Math.min(6, left);
        rle.push([16, r - 3, 2]);
        left -= r;
      }
    }
    for (; left > 0; left--) rle.push([v, 0, 0]);
    i += run;
  }
  const clFreq = new Uint32Array(19);
  for (const [s] of rle) clFreq[s]++;
  const clLen = codeLengths(clFreq, 7);
  const clCodes = canonical(clLen);
  let hclen = 19;
  while (hclen > 4 && clLen[CL_ORDER[hclen - 1]] === 0) hclen--;
  w.put(final, 1);
  if (fixed) w.put(1, 2);
  else {
    w.put(2, 2);
    w.put(hlit - 257, 5);
    w.put(hdist - 1, 5);
    w.put(hclen - 4, 4);
    for (let i = 0; i < hclen; i++) w.put(clLen[CL_ORDER[i]], 3);
    for (const [s, extra, bits] of rle) {
      w.code(clCodes[s], clLen[s]);
      if (bits) w.put(extra, bits);
    }
  }
  for (let k = 0; k < syms.length; k++) {
    const s = syms[k];
    if (s < 256) w.code(litCodes[s], litLen[s]);
    else {
      const len = s - 256;
      const li = lenIndex(len);
      w.code(litCodes[257 + li], litLen[257 + li]);
      if (LEN_EXTRA[li]) w.put(len - LEN_BASE[li], LEN_EXTRA[li]);
      const d = syms[++k];
      const di = distIndex(d);
      w.code(distCodes[di], distLen[di]);
      if (DIST_EXTRA[di]) w.put(d - DIST_BASE[di], DIST_EXTRA[di]);
    }
  }
  w.code(litCodes[256], litLen[256]);
}

let CRC_TABLE: Uint32Array | null = null;

export function crc32(data: Uint8Array, crc = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
