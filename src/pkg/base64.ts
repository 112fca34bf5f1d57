/** Go's encoding/base64: StdEncoding (padded) and URLEncoding, over bytes; decoding accepts either alphabet, padding optional. */
const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: Uint8Array, url = false): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += STD[(n >> 18) & 63] + STD[(n >> 12) & 63];
    out += i + 1 < bytes.length ? STD[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? STD[n & 63] : '=';
  }
  return url ? out.replace(/\+/g, '-').replace(/\//g, '_') : out;
}

/** Throws on a character outside both alphabets. */
export function base64Decode(text: string): Uint8Array {
  const s = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of s) {
    const v = STD.indexOf(c);
    if (v < 0) throw new Error(`illegal base64 data at input byte ${out.length}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
