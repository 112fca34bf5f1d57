/**
 * busybox cp's checks of each source (libbb/copy_file.c) in front of GNU cp, whose copying and -v output
 * (`'a' -> 'b'`) are the same: `cp: can't stat 'SRC': …` (GNU: `cannot stat`) and `cp: omitting directory
 * 'D'` (GNU: `-r not specified; omitting directory`). The sources that pass go to GNU cp; with none left
 * nothing is copied and the status is 1. Known difference: these messages come before GNU's own errors
 * rather than in source order.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program } from '../../engine/kernel/sys.js';
import { bbGetopt, withArgv } from './common.js';
import { FRONT_DOORS } from './gnuServed.js';
import { showUsage } from './usage.js';

export function busyboxCp(gnuCp: Program): Program {
  return async (sys) => {
    const door = FRONT_DOORS.cp;
    const got = await bbGetopt(sys, 'cp', { short: door.short!, long: door.long });
    if (typeof got === 'number') return got;
    const keys = got.opts.map((o) => o.key);
    const has = (...k: string[]): boolean => keys.some((x) => k.includes(x));
    const targetDir = got.opts.filter((o) => o.key === 't').pop()?.value;
    const ops = got.operands;
    if (targetDir === undefined && ops.length < 2) return showUsage(sys, 'cp');
    const recursive = has('R', 'r', 'a');
    // cp dereferences by default; -R, -d and -P do not, unless -L says so.
    const follow = has('L') || !has('R', 'r', 'a', 'd', 'P');
    const sources = targetDir === undefined ? ops.slice(0, -1) : ops;
    const kept: string[] = [];
    let status = 0;
    for (const src of sources) {
      try {
        const st = follow ? sys.fs.stat(src) : sys.fs.lstat(src);
        if (st.type === 'dir' && !recursive) {
          await sys.write(2, `cp: omitting directory '${src}'\n`);
          status = 1;
          continue;
        }
        kept.push(src);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await sys.write(2, `cp: can't stat '${src}': ${e.message}\n`);
        status = 1;
      }
    }
    if (kept.length === 0) return status;
    const opts = got.opts.filter((o) => o.key !== 't')
      .flatMap((o) => [o.key.length === 1 ? `-${o.key}` : `--${o.key}${o.value === undefined ? '' : `=${o.value}`}`, ...(o.key.length === 1 && o.value !== undefined ? [o.value] : [])]);
    // Several sources (or -t) go into a directory: a trailing slash keeps it one when a single source is left.
    const dest = targetDir ?? ops[ops.length - 1];
    const into = ['--', ...kept, targetDir !== undefined || sources.length > 1 ? dest.replace(/\/*$/, '/') : dest];
    const copied = await gnuCp(withArgv(sys, [sys.argv[0], ...opts, ...into]));
    return copied !== 0 ? copied : status;
  };
}
