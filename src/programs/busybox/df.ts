/**
 * busybox df (coreutils/df.c): its own header (`Filesystem           1K-blocks      Used Available Use% Mounted on`),
 * the device in `%-20s`, sizes in `%9s` from make_human_readable_str (`58.4G` with -h), Use% rounded to nearest.
 * The numbers are those GNU df reads in the simulation (mountSpace), printed as busybox prints them.
 */
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { mountSpace, PSEUDO, type Mount } from '../coreutils/disk.js';
import { Output } from '../lib/output.js';
import { bbGetopt, humanReadable, keys, valueOf } from './common.js';

/** libbb's kmg_i_suffixes, as -B takes them. */
const SUFFIXES: Record<string, number> = {
  KiB: 1024, kiB: 1024, K: 1024, k: 1024,
  MiB: 1024 ** 2, miB: 1024 ** 2, M: 1024 ** 2, m: 1024 ** 2,
  GiB: 1024 ** 3, giB: 1024 ** 3, G: 1024 ** 3, g: 1024 ** 3,
  TiB: 1024 ** 4, tiB: 1024 ** 4, T: 1024 ** 4, t: 1024 ** 4,
};

function blockSizeArg(s: string): number | null {
  if (s in SUFFIXES) return SUFFIXES[s];
  const m = /^(\d+)([A-Za-z]*)$/.exec(s);
  if (!m || (m[2] !== '' && !(m[2] in SUFFIXES))) return null;
  const n = Number(m[1]) * (m[2] === '' ? 1 : SUFFIXES[m[2]]);
  return n >= 1 ? n : null;
}

/** Every line of /proc/mounts, pseudo filesystems included (they have no blocks). */
function mountTable(sys: Sys): Mount[] {
  return sys.fs
    .readText('/proc/mounts')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' '))
    .map(([source, target, type]) => ({ source, target, type }));
}

/** blocks_used*100/total rounded to nearest, in unsigned ints after halving both until total fits (df.c). */
function percent(used: number, avail: number): number {
  let total = used + avail;
  if (total === 0) return 0;
  while (total >= Math.floor(0x7fffffff / 101)) {
    total = Math.floor(total / 2);
    used = Math.floor(used / 2);
  }
  return Math.floor((used * 100 + Math.floor(total / 2)) / total);
}

export const df: Program = async (sys) => {
  const got = await bbGetopt(sys, 'df', { short: 'kPTt:aiB:hHm' });
  if (typeof got === 'number') return got;
  const o = keys(got.opts);
  if (o.has('i')) {
    await sys.write(2, 'df: -i (inodes) is not simulated in dockersim\n');
    return 1;
  }
  // getopt32's "k-mB:m-Bk:B-km": the last of -k, -m and -B given wins.
  let unit = sys.env.POSIXLY_CORRECT !== undefined ? 512 : 1024;
  for (const opt of got.opts) {
    if (opt.key === 'k') unit = 1024;
    else if (opt.key === 'm') unit = 1024 * 1024;
    else if (opt.key === 'B') {
      const n = blockSizeArg(opt.value!);
      if (n === null) {
        await sys.write(2, `df: invalid number '${opt.value}'\n`);
        return 1;
      }
      unit = n;
    }
  }
  const posix = o.has('P');
  let unitsHeader: string;
  if (o.has('h') || o.has('H')) {
    unit = 0;
    unitsHeader = '     Size';
  } else unitsHeader = `${humanReadable(unit, 0, posix ? 1 : 0)}-blocks`;
  const out = new Output(sys, 1);
  await out.write(`Filesystem           ${o.has('T') ? 'Type       ' : ''}${unitsHeader.padEnd(15)}Used Available ${posix ? 'Capacity' : 'Use%'} Mounted on\n`);

  const table = mountTable(sys);
  const targets = new Set(table.filter((m) => !PSEUDO.has(m.type)).map((m) => m.target));
  const onlyType = valueOf(got.opts, 't');
  let status = 0;
  const rows: Mount[] = [];
  if (got.operands.length === 0) rows.push(...table);
  for (const path of got.operands) {
    // find_mount_point: the last mount whose directory holds the path.
    let m: Mount | undefined;
    try {
      const real = sys.fs.realpath(path);
      m = table.filter((x) => real === x.target || real.startsWith(x.target === '/' ? '/' : `${x.target}/`)).pop();
    } catch {
      m = undefined;
    }
    if (m) rows.push(m);
    else {
      await out.flush();
      await sys.write(2, `df: ${path}: can't find mount point\n`);
      status = 1;
    }
  }
  for (const m of rows) {
    if (m.source === 'rootfs') continue;
    if (onlyType !== undefined && m.type !== onlyType) continue;
    const space = PSEUDO.has(m.type) ? { size: 0, used: 0, avail: 0 } : await mountSpace(sys, m, targets);
    if (space.size === 0 && got.operands.length === 0 && !o.has('a')) continue;
    // The kernel counts in 4K fragments; the model's 1K counts are whole fragments.
    const frag = space.size % 4 === 0 && space.used % 4 === 0 && space.avail % 4 === 0 ? 4 : 1;
    const n = (k: number): string => humanReadable(k / frag, frag * 1024, unit).padStart(9);
    let line = m.source.padEnd(20);
    if (m.source.length > 20 && !posix) line += `\n${''.padEnd(20)}`;
    if (o.has('T')) {
      line += ` ${m.type.padEnd(10)}`;
      if (m.type.length > 10 && !posix) line += `\n${''.padEnd(30)}`;
    }
    const pct = percent(space.used / frag, space.avail / frag);
    line += ` ${n(space.size)} ${n(space.used)} ${n(space.avail)} ${String(pct).padStart(3)}% ${m.target}\n`;
    await out.write(line);
  }
  await out.flush();
  return status;
};
