/** Reading a descriptor to its end as bytes, as tar, gzip and od take their input. */
import type { Sys } from '../../engine/kernel/sys.js';
import { INPUT_HOLD_LIMIT } from '../coreutils/common.js';

/** Everything `fd` gives until end of file, held (and charged) as it arrives, up to `limit` bytes. */
export async function readBytes(sys: Sys, fd: number, limit = INPUT_HOLD_LIMIT): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let held = 0;
  for (let b = await sys.readBytes(fd); b !== null; b = await sys.readBytes(fd)) {
    held += b.length;
    if (held > limit) throw new Error('memory exhausted');
    sys.hold(held);
    parts.push(b);
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(held);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
