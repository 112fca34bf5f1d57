/**
 * df and du. There is no statfs(2) in the simulation, so df measures a mount's usage by walking it and
 * reports a fixed disk size: the numbers are consistent with what du sees, not with a real disk.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { errorText, quoteAlways as q } from '../lib/output.js';
import { joinPath, tool } from './common.js';
import { blocksOf, humanSize } from './human.js';

/** A 60 GB cloud disk, and half of 4 GB of RAM for tmpfs mounts, in 1K blocks. */
const DISK_BLOCKS = 61202244;
const TMPFS_BLOCKS = 2005012;
export const PSEUDO = new Set(['proc', 'sysfs', 'cgroup', 'cgroup2', 'devpts', 'mqueue', 'securityfs', 'debugfs', 'pstore', 'bpf', 'tracefs', 'fusectl', 'configfs', 'hugetlbfs', 'autofs', 'binfmt_misc']);

/** Usage in 1K blocks under `path`, staying within the mount (stops at `stopAt` mount points). */
async function usage(sys: Sys, path: string, stopAt: ReadonlySet<string>, budget = { left: 50000 }): Promise<number> {
  const fs = sys.fs;
  let st;
  try {
    st = fs.lstat(path);
  } catch {
    return 0;
  }
  let total = blocksOf(st.size, st.type);
  if (st.type !== 'dir' || budget.left-- <= 0) return total;
  let names: string[] = [];
  try {
    names = fs.readdir(path);
  } catch {
    return total;
  }
  if (budget.left % 500 === 0) await sys.yield();
  for (const n of names) {
    const child = joinPath(path, n);
    if (!stopAt.has(child)) total += await usage(sys, child, stopAt, budget);
  }
  return total;
}

export interface Mount {
  readonly source: string;
  readonly target: string;
  readonly type: string;
}

/** The mounts with a size (not proc, sysfs…), as /proc/mounts lists them. */
export function mounts(sys: Sys): Mount[] {
  try {
    const text = sys.fs.readText('/proc/mounts');
    return text
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' '))
      .map(([source, target, type]) => ({ source, target, type }))
      .filter((m) => !PSEUDO.has(m.type));
  } catch {
    const container = sys.fs.exists('/.dockerenv');
    return [{ source: container ? 'overlay' : '/dev/sda1', target: '/', type: container ? 'overlay' : 'ext4' }];
  }
}

/** A mount's size, used and available space in 1K blocks (what statfs would report; `targets` are all mount points). */
export async function mountSpace(sys: Sys, m: Mount, targets: ReadonlySet<string>): Promise<{ size: number; used: number; avail: number }> {
  const size = m.type === 'tmpfs' || m.type === 'devtmpfs' || m.type === 'shm' ? (m.target === '/dev' ? 65536 : TMPFS_BLOCKS) : DISK_BLOCKS;
  const stopAt = new Set([...targets].filter((x) => x !== m.target));
  const used = Math.min(size, await usage(sys, m.target, stopAt));
  const reserve = size === DISK_BLOCKS ? Math.floor(size * 0.05) : 0;
  return { size, used, avail: Math.max(0, size - used - reserve) };
}

export const df = tool(
  {
    name: 'df',
    short: 'ahHkTt:x:',
    long: [
      { name: 'all', key: 'a' },
      { name: 'human-readable', key: 'h' },
      { name: 'print-type', key: 'T' },
      { name: 'type', key: 't', arg: 'required' },
      { name: 'exclude-type', key: 'x', arg: 'required' },
    ],
    authors: 'Written by Torbjorn Granlund, David MacKenzie, and Paul Eggert.',
  },
  async (t, opts, files) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const human = has('h');
    let list = mounts(t.sys);
    const onlyType = opts.find((o) => o.key === 't')?.value;
    const exclude = opts.find((o) => o.key === 'x')?.value;
    if (onlyType) list = list.filter((m) => m.type === onlyType);
    if (exclude) list = list.filter((m) => m.type !== exclude);
    let status = 0;
    if (files.length) {
      const picked: Mount[] = [];
      for (const f of files) {
        try {
          const real = t.sys.fs.realpath(f);
          const m = list.filter((x) => real === x.target || real.startsWith(x.target === '/' ? '/' : `${x.target}/`)).pop();
          if (m) picked.push(m);
        } catch (err) {
          if (!isSysError(err)) throw err;
          await t.error(`${f}: ${errorText(err)}`);
          status = 1;
        }
      }
      list = picked;
    }
    const targets = new Set(mounts(t.sys).map((m) => m.target));
    const rows: string[][] = [];
    for (const m of list) {
      const { size, used, avail } = await mountSpace(t.sys, m, targets);
      const pct = used + avail === 0 ? '-' : `${Math.ceil((used * 100) / (used + avail))}%`;
      const n = (k: number): string => (human ? humanSize(k * 1024).replace(/^(\d+)$/, '$1') : String(k));
      rows.push([m.source, ...(has('T') ? [m.type] : []), n(size), n(used), n(avail), pct, m.target]);
    }
    const header = ['Filesystem', ...(has('T') ? ['Type'] : []), human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
    const all = [header, ...rows];
    // df.c's minimum column widths: Filesystem 14, Type 4, the sizes 5, Use% 4.
    const mins = [14, ...(has('T') ? [4] : []), 5, 5, 5, 4, 0];
    const widths = header.map((_h, i) => Math.max(mins[i], ...all.map((r) => r[i].length)));
    const last = header.length - 1;
    const text = all
      .map((r) =>
        r
          .map((c, i) => (i === 0 || i === last || (has('T') && i === 1) ? (i === last ? c : c.padEnd(widths[i])) : c.padStart(widths[i])))
          .join(' '),
      )
      .join('\n');
    await t.out.write(`${text}\n`);
    return status;
  },
);

export const du = tool(
  {
    name: 'du',
    short: 'achsd:',
    long: [
      { name: 'all', key: 'a' },
      { name: 'total', key: 'c' },
      { name: 'human-readable', key: 'h' },
      { name: 'summarize', key: 's' },
      { name: 'max-depth', key: 'd', arg: 'required' },
    ],
    authors: 'Written by Torbjorn Granlund, David MacKenzie, Paul Eggert,\nand Jim Meyering.',
  },
  async (t, opts, files) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const maxDepth = has('s') ? 0 : Number(opts.find((o) => o.key === 'd')?.value ?? Infinity);
    const fmt = (k: number): string => (has('h') ? (k === 0 ? '0' : humanSize(k * 1024)) : String(k));
    let status = 0;
    let grand = 0;
    const walk = async (path: string, depth: number): Promise<number> => {
      const fs = t.sys.fs;
      const st = fs.lstat(path);
      let total = blocksOf(st.size, st.type);
      t.sys.cpu(1);
      if (st.type === 'dir') {
        let names: string[] = [];
        try {
          names = fs.readdir(path).sort();
        } catch (err) {
          if (!isSysError(err)) throw err;
          await t.error(`cannot read directory ${q(path)}: ${errorText(err)}`);
          status = 1;
        }
        for (const n of names) total += await walk(joinPath(path, n), depth + 1);
        if (depth <= maxDepth) await t.out.write(`${fmt(total)}\t${path}\n`);
      } else if ((has('a') && depth <= maxDepth) || depth === 0) await t.out.write(`${fmt(total)}\t${path}\n`);
      return total;
    };
    for (const f of files.length ? files : ['.']) {
      try {
        grand += await walk(f, 0);
      } catch (err) {
        if (!isSysError(err)) throw err;
        await t.error(`cannot access ${q(f)}: ${errorText(err)}`);
        status = 1;
      }
    }
    if (has('c')) await t.out.write(`${fmt(grand)}\ttotal\n`);
    return status;
  },
);
