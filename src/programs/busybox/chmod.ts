/**
 * busybox chmod (coreutils/chmod.c, libbb/parse_mode.c): `chmod: F: strerror` for a file it cannot reach (GNU:
 * `cannot access 'F'`), `invalid mode 'M'` when the first file is reached, -v/-c's
 * `mode of 'F' changed to 0644 (rw-r--r--)`, -R skipping symlinks below the top, -f quiet except for a
 * file that is not there (recursive_action reports that itself).
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Stat } from '../../engine/kernel/fsTypes.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { applyMode } from '../coreutils/mode.js';
import { Output } from '../lib/output.js';
import { bbGetopt, keys } from './common.js';
import { modeString } from './ls.js';
import { showUsage } from './usage.js';

/** bb_parse_mode: octal digits up to 07777 taken as they are, else a symbolic mode (umask-limited without a who). */
function parseMode(spec: string, st: Stat, umask: number): number | null {
  if (/^[0-7]/.test(spec)) {
    if (!/^[0-7]+$/.test(spec)) return null;
    const v = parseInt(spec, 8);
    return v > 0o7777 ? null : v;
  }
  return applyMode(spec, st.mode, st.type === 'dir', umask);
}

export const chmod: Program = async (sys) => {
  // A mode that looks like an option (`-w`, `-x`) is not one: chmod.c hides the first such word from getopt.
  const args = sys.argv.slice(1);
  let hidden = -1;
  for (const [i, a] of args.entries()) {
    if (!a.startsWith('-')) break;
    if (a.length > 1 && !'-Rvcf'.includes(a[1])) {
      hidden = i;
      break;
    }
  }
  const masked = hidden < 0 ? sys : (Object.create(sys, { argv: { value: [sys.argv[0], ...args.map((a, i) => (i === hidden ? `a${a.slice(1)}` : a))] } }) as Sys);
  const got = await bbGetopt(masked, 'chmod', { short: 'Rvcf' });
  if (typeof got === 'number') return got;
  const operands = got.operands.map((a) => (hidden >= 0 && a === `a${args[hidden].slice(1)}` ? args[hidden] : a));
  if (operands.length < 2) return showUsage(sys, 'chmod');
  const o = keys(got.opts);
  const [spec, ...files] = operands;
  const umask = sys.umask();
  const out = new Output(sys, 1);
  let status = 0;
  const fail = async (path: string, e: { message: string }): Promise<void> => {
    status = 1;
    if (o.has('f')) return;
    await out.flush();
    await sys.write(2, `chmod: ${path}: ${e.message}\n`);
  };
  const visit = async (path: string, depth: number): Promise<boolean> => {
    let st: Stat;
    try {
      st = sys.fs.lstat(path);
    } catch (e) {
      // recursive_action's own lstat: reported even with -f.
      if (!isSysError(e)) throw e;
      status = 1;
      await out.flush();
      await sys.write(2, `chmod: ${path}: ${e.message}\n`);
      return true;
    }
    if (depth > 0 && st.type === 'symlink') return true;
    try {
      if (depth === 0) st = sys.fs.stat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await fail(path, e);
      return true;
    }
    sys.cpu(1);
    const mode = parseMode(spec, st, umask);
    if (mode === null) {
      await out.flush();
      await sys.write(2, `chmod: invalid mode '${spec}'\n`);
      return false;
    }
    try {
      sys.fs.chmod(path, mode);
      if (o.has('v') || (o.has('c') && (st.mode & 0o7777) !== mode)) {
        await out.write(`mode of '${path}' changed to ${mode.toString(8).padStart(4, '0')} (${modeString({ ...st, mode }).slice(1)})\n`);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await fail(path, e);
    }
    if (o.has('R') && st.type === 'dir') {
      let names: string[] = [];
      try {
        names = sys.fs.readdir(path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await fail(path, e);
      }
      for (const n of names) if (!(await visit(`${path.replace(/\/+$/, '')}/${n}`, depth + 1))) return false;
    }
    return true;
  };
  for (const f of files) {
    // An invalid mode ends chmod at the first file it reaches (bb_error_msg_and_die).
    if (!(await visit(f, 0))) return 1;
  }
  await out.flush();
  return status;
};
