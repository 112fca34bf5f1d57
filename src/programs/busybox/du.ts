/**
 * busybox du (coreutils/du.c): 1K blocks by default, `-h` as make_human_readable_str prints it (`120.1M`, where
 * GNU rounds up to `121M`), `-m` rounded up, directories in readdir order, and a file or directory with more
 * than one link counted once (as a second operand naming the same directory prints nothing).
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Stat } from '../../engine/kernel/fsTypes.js';
import type { Program } from '../../engine/kernel/sys.js';
import { blocksOf } from '../coreutils/human.js';
import { Output } from '../lib/output.js';
import { bbGetopt, humanReadable } from './common.js';

export const du: Program = async (sys) => {
  const got = await bbGetopt(sys, 'du', { short: 'aHkLsxd:lcbhm' });
  if (typeof got === 'number') return got;
  let unit = sys.env.POSIXLY_CORRECT !== undefined ? 512 : 1024;
  let maxDepth = Infinity;
  let linkDepth = 0;
  const set = new Set<string>();
  // The complementary "h-km:k-hm:m-hk:H-L:L-H:s-d:d-s": of each group, the last given wins.
  for (const o of got.opts) {
    set.add(o.key);
    if (o.key === 'd') {
      if (!/^\d+$/.test(o.value!)) {
        await sys.write(2, `du: invalid number '${o.value}'\n`);
        return 1;
      }
      maxDepth = Number(o.value);
      set.delete('s');
    } else if (o.key === 's') maxDepth = 0;
    else if (o.key === 'H') linkDepth = 1;
    else if (o.key === 'L') linkDepth = Infinity;
  }
  const sizes = got.opts.filter((o) => 'hkmb'.includes(o.key)).map((o) => o.key);
  if (set.has('b')) unit = 1;
  const last = sizes.filter((k) => k !== 'b').pop();
  if (last === 'h') unit = 0;
  else if (last === 'm') unit = 1024 * 1024;
  else if (last === 'k') unit = 1024;
  const bytes = set.has('b');

  const out = new Output(sys, 1);
  let status = 0;
  const seen = new Set<string>();
  let depth = 0;
  let rootDev = 0;
  const print = async (size: number, name: string): Promise<void> => {
    // coreutils rounds a fixed unit up (1025K is 2M): du.c adds most of a unit before rounding to nearest.
    const s = unit ? size + Math.floor((unit - 1) / 1024) : size;
    await out.write(`${humanReadable(s, bytes ? 1 : 512, unit)}\t${name}\n`);
  };
  const fail = async (msg: string): Promise<void> => {
    await out.flush();
    await sys.write(2, `du: ${msg}\n`);
    status = 1;
  };
  const amount = (st: Stat): number => (bytes ? st.size : blocksOf(st.size, st.type) * 2);

  const walk = async (path: string): Promise<number> => {
    let st: Stat;
    try {
      st = sys.fs.lstat(path);
      if (set.has('x')) {
        if (depth === 0) rootDev = st.dev;
        else if (st.dev !== rootDev) return 0;
      }
      if (st.type === 'symlink' && linkDepth > depth) {
        st = sys.fs.stat(path);
        if (linkDepth === 1) linkDepth = Infinity;
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await fail(`${path}: ${e.message}`);
      return 0;
    }
    sys.cpu(1);
    let sum = amount(st);
    if (!set.has('l') && st.nlink > 1) {
      const id = `${st.dev}:${st.ino}`;
      if (seen.has(id)) return 0;
      seen.add(id);
    }
    if (st.type === 'dir') {
      let names: string[];
      try {
        names = sys.fs.readdir(path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await fail(`can't open '${path}': ${e.message}`);
        return sum;
      }
      for (const n of names) {
        depth++;
        sum += await walk(path.endsWith('/') ? `${path}${n}` : `${path}/${n}`);
        depth--;
      }
    } else if (!set.has('a') && depth !== 0) return sum;
    if (depth <= maxDepth) await print(sum, path);
    return sum;
  };

  const operands = got.operands.length > 0 ? got.operands : ['.'];
  // -H follows only the links named as operands; with none given there are none to follow.
  if (got.operands.length === 0 && linkDepth === 1) linkDepth = 0;
  const saved = linkDepth;
  let total = 0;
  for (const f of operands) {
    total += await walk(f);
    linkDepth = saved;
  }
  if (set.has('c')) await print(total, 'total');
  await out.flush();
  return status;
};
