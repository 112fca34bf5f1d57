/** coreutils od: -A -t (a c d o u x with sizes, z) -N -j -v -w and the traditional -b -c -d -i -l -o -s -x. */
import { isSysError } from '../../engine/kernel/errno.js';
import { readBytes } from '../lib/binio.js';
import { errorText } from '../lib/output.js';
import { tool } from './common.js';

interface Spec {
  kind: 'a' | 'c' | 'd' | 'o' | 'u' | 'x';
  size: number;
  z: boolean;
}

const NAMED = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'nl', 'vt', 'ff', 'cr', 'so', 'si', 'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us', 'sp'];
const C_ESC: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** Characters one value takes at most (without the separating space). */
function digits(s: Spec): number {
  if (s.kind === 'a' || s.kind === 'c') return 3;
  const bits = s.size * 8;
  if (s.kind === 'x') return s.size * 2;
  if (s.kind === 'o') return Math.ceil(bits / 3);
  const max = s.kind === 'u' ? 2n ** BigInt(bits) - 1n : -(2n ** BigInt(bits - 1));
  return max.toString().length;
}

function parseType(t: string): Spec[] | string {
  const out: Spec[] = [];
  let i = 0;
  while (i < t.length) {
    const c = t[i++];
    if (c === 'a' || c === 'c') {
      const z = t[i] === 'z';
      if (z) i++;
      out.push({ kind: c, size: 1, z });
      continue;
    }
    if (c === 'f') return 'f';
    if (!'doux'.includes(c)) return `invalid character '${c}' in type string`;
    let size = c === 'o' || c === 'u' || c === 'x' || c === 'd' ? 4 : 4;
    const m = /^(\d+|[CSIL])/.exec(t.slice(i));
    if (m) {
      i += m[0].length;
      size = ({ C: 1, S: 2, I: 4, L: 8 } as Record<string, number>)[m[0]] ?? Number(m[0]);
      if (![1, 2, 4, 8].includes(size)) return `invalid type string '${t}';\nthis system doesn't provide a ${size}-byte integral type`;
    }
    const z = t[i] === 'z';
    if (z) i++;
    out.push({ kind: c as Spec['kind'], size, z });
  }
  return out;
}

function value(s: Spec, b: Uint8Array, at: number): string {
  if (s.kind === 'c') {
    const v = b[at];
    if (C_ESC[v]) return C_ESC[v];
    if (v >= 32 && v < 127) return String.fromCharCode(v);
    return v.toString(8).padStart(3, '0');
  }
  if (s.kind === 'a') {
    const v = b[at] & 0x7f;
    if (v < 33) return NAMED[v];
    return v === 127 ? 'del' : String.fromCharCode(v);
  }
  let n = 0n;
  for (let k = s.size - 1; k >= 0; k--) n = (n << 8n) | BigInt(b[at + k] ?? 0);
  if (s.kind === 'd' && n >= 2n ** BigInt(s.size * 8 - 1)) n -= 2n ** BigInt(s.size * 8);
  if (s.kind === 'x') return n.toString(16).padStart(s.size * 2, '0');
  if (s.kind === 'o') return n.toString(8).padStart(digits(s), '0');
  return n.toString();
}

function parseBytes(v: string): number | null {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|\d+)(b|KB|K|KiB|MB|M|MiB|GB|G|GiB)?$/.exec(v);
  if (!m) return null;
  const base = /^0[xX]/.test(m[1]) ? parseInt(m[1], 16) : /^0\d/.test(m[1]) ? parseInt(m[1], 8) : Number(m[1]);
  const mult: Record<string, number> = { b: 512, KB: 1000, K: 1024, KiB: 1024, MB: 1e6, M: 1024 ** 2, MiB: 1024 ** 2, GB: 1e9, G: 1024 ** 3, GiB: 1024 ** 3 };
  return base * (m[2] ? mult[m[2]] : 1);
}

export const od = tool(
  {
    name: 'od',
    short: 'A:j:N:t:vw::abcdilosx',
    long: [
      { name: 'address-radix', key: 'A', arg: 'required' }, { name: 'skip-bytes', key: 'j', arg: 'required' },
      { name: 'read-bytes', key: 'N', arg: 'required' }, { name: 'format', key: 't', arg: 'required' },
      { name: 'output-duplicates', key: 'v' }, { name: 'width', key: 'w', arg: 'optional' },
    ],
    authors: 'Written by Jim Meyering.',
  },
  async (t, opts, operands) => {
    let radix = 'o';
    let skip = 0;
    let limit = Infinity;
    let width = 16;
    let dupes = false;
    const specs: Spec[] = [];
    const trad: Record<string, string> = { a: 'a', b: 'o1', c: 'c', d: 'u2', i: 'dI', l: 'dL', o: 'o2', s: 'd2', x: 'x2' };
    for (const o of opts) {
      if (o.key === 'A') {
        if (!/^[doxn]$/.test(o.value!)) {
          await t.error(`invalid output address radix '${o.value![0] ?? ''}'; it must be one character from [doxn]`);
          return 1;
        }
        radix = o.value!;
      } else if (o.key === 'j' || o.key === 'N') {
        const n = parseBytes(o.value!);
        if (n === null) {
          await t.error(`invalid ${o.key === 'j' ? 'skip-bytes' : 'read-bytes'} argument ${t.lq(o.value!)}`);
          return 1;
        }
        if (o.key === 'j') skip = n;
        else limit = n;
      } else if (o.key === 'v') dupes = true;
      else if (o.key === 'w') width = o.value === undefined ? 32 : Number(o.value);
      else {
        const type = o.key === 't' ? o.value! : trad[o.key];
        const parsed = parseType(type);
        if (parsed === 'f') {
          await t.error('floating-point formats (-t f) are not simulated in dockersim');
          return 1;
        }
        if (typeof parsed === 'string') {
          await t.error(`${parsed} ${t.lq(type)}`);
          return 1;
        }
        specs.push(...parsed);
      }
    }
    if (specs.length === 0) specs.push({ kind: 'o', size: 2, z: false });
    let status = 0;
    const parts: Uint8Array[] = [];
    for (const f of operands.length > 0 ? operands : ['-']) {
      try {
        parts.push(f === '-' ? await readBytes(t.sys, 0) : t.sys.fs.readFile(f));
      } catch (err) {
        if (!isSysError(err)) throw err;
        await t.error(`${f}: ${errorText(err)}`);
        status = 1;
      }
    }
    // Nothing could be opened: od prints no offsets at all.
    if (parts.length === 0) return status;
    const all = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    let off = 0;
    for (const p of parts) {
      all.set(p, off);
      off += p.length;
    }
    if (skip > all.length) {
      await t.error('cannot skip past end of combined input');
      return 1;
    }
    const data = all.subarray(skip, Math.min(all.length, skip + limit));
    t.sys.hold(data.length);
    const addr = (n: number): string =>
      radix === 'n' ? '' : radix === 'd' ? String(n).padStart(7, '0') : radix === 'x' ? n.toString(16).padStart(6, '0') : n.toString(8).padStart(7, '0');
    // Every type's column is as wide per byte as the widest type needs, so columns line up across rows.
    const perByte = Math.max(...specs.map((s) => (digits(s) + 1) / s.size));
    let prev: string | null = null;
    let starred = false;
    for (let pos = 0; pos < data.length; pos += width) {
      if (pos % (width * 64) === 0) await t.sys.yield();
      const row = data.subarray(pos, pos + width);
      const key = Array.from(row).join(',');
      if (!dupes && key === prev && row.length === width) {
        if (!starred) await t.out.write('*\n');
        starred = true;
        continue;
      }
      prev = key;
      starred = false;
      let first = true;
      for (const s of specs) {
        let line = first ? addr(skip + pos) : ' '.repeat(addr(0).length);
        first = false;
        const fw = Math.round(perByte * s.size);
        for (let k = 0; k < row.length; k += s.size) line += value(s, row, k).padStart(fw);
        if (s.z) {
          const full = Math.ceil(width / s.size) * fw;
          const used = Math.ceil(row.length / s.size) * fw;
          line += `${' '.repeat(full - used)}  >${Array.from(row, (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('')}<`;
        }
        await t.out.write(`${line}\n`);
      }
    }
    if (radix !== 'n') await t.out.write(`${addr(skip + data.length)}\n`);
    return status;
  },
);
