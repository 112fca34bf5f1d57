/** chmod and chown (with -R and -v). */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Stat } from '../../engine/kernel/fsTypes.js';
import { errorText, quoteAlways as q } from '../lib/output.js';
import { groupById, groupByName, userById, userByName } from '../lib/users.js';
import { joinPath, tool, type Tool } from './common.js';
import { applyMode, modeString } from './mode.js';

/** Visits path and, with -R, everything below it (without following symlinks below the top). */
async function walk(t: Tool, path: string, recursive: boolean, visit: (p: string, st: Stat) => Promise<boolean>, verb: string): Promise<boolean> {
  let st: Stat;
  try {
    st = t.sys.fs.stat(path);
  } catch (err) {
    if (!isSysError(err)) throw err;
    await t.error(`cannot access ${q(path)}: ${errorText(err)}`);
    return false;
  }
  let ok = await visit(path, st);
  if (recursive && st.type === 'dir') {
    let names: string[] = [];
    try {
      names = t.sys.fs.readdir(path);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await t.error(`cannot read directory ${q(path)}: ${errorText(err)}`);
      return false;
    }
    for (const n of names) {
      const child = joinPath(path, n);
      if (t.sys.fs.lstat(child).type === 'symlink') continue;
      ok = (await walk(t, child, true, visit, verb)) && ok;
    }
  }
  return ok;
}

const octal = (m: number): string => m.toString(8).padStart(4, '0');

/** The reporting and recursion options chmod and chown share (GNU's --changes/--silent/--verbose/-R). */
const CHANGE_OPTIONS = [
  { name: 'changes', key: 'c' },
  { name: 'silent', key: 'f' },
  { name: 'quiet', key: 'f' },
  { name: 'verbose', key: 'v' },
  { name: 'recursive', key: 'R' },
];

export const chmod = tool(
  {
    name: 'chmod',
    short: 'cfvR',
    operandLike: /^-[rwxXst]/,
    long: CHANGE_OPTIONS,
    authors: 'Written by David MacKenzie and Jim Meyering.',
  },
  async (t, opts, operands) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    if (operands.length === 0) return t.usage('missing operand');
    const spec = operands[0];
    if (operands.length === 1) return t.usage(`missing operand after ${t.lq(spec)}`);
    if (applyMode(spec, 0, false, 0) === null) {
      await t.error(`invalid mode: ${t.lq(spec)}`);
      return t.usage();
    }
    const umask = t.sys.umask();
    let status = 0;
    for (const path of operands.slice(1)) {
      const ok = await walk(t, path, has('R'), async (p, st) => {
        const next = applyMode(spec, st.mode, st.type === 'dir', umask)!;
        try {
          t.sys.fs.chmod(p, next);
        } catch (err) {
          if (!isSysError(err)) throw err;
          if (!has('f')) await t.error(`changing permissions of ${q(p)}: ${errorText(err)}`);
          return false;
        }
        const from = `${octal(st.mode)} (${modeString(st).slice(1)})`;
        const to = `${octal(next)} (${modeString({ type: st.type, mode: next }).slice(1)})`;
        if (next !== st.mode && (has('v') || has('c'))) await t.out.write(`mode of ${q(p)} changed from ${from} to ${to}\n`);
        else if (next === st.mode && has('v')) await t.out.write(`mode of ${q(p)} retained as ${from}\n`);
        return true;
      }, 'chmod');
      if (!ok) status = 1;
    }
    return status;
  },
  undefined,
);

export const chown = tool(
  {
    name: 'chown',
    short: 'cfvRhHLP',
    long: CHANGE_OPTIONS,
    authors: 'Written by David MacKenzie and Jim Meyering.',
  },
  async (t, opts, operands) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const fs = t.sys.fs;
    if (operands.length === 0) return t.usage('missing operand');
    const spec = operands[0];
    if (operands.length === 1) return t.usage(`missing operand after ${t.lq(spec)}`);
    const m = /^([^:.]*)(?:[:.](.*))?$/.exec(spec)!;
    let uid: number | undefined;
    let gid: number | undefined;
    if (m[1] !== '') {
      const u = userByName(fs, m[1]) ?? (/^\d+$/.test(m[1]) ? { uid: Number(m[1]), gid: undefined } : undefined);
      if (!u) {
        await t.error(`invalid user: ${t.lq(spec)}`);
        return 1;
      }
      uid = u.uid;
      // `user:` means the user's login group.
      if (m[2] === '' && u.gid !== undefined) gid = u.gid;
    }
    if (m[2]) {
      const g = groupByName(fs, m[2]) ?? (/^\d+$/.test(m[2]) ? { gid: Number(m[2]) } : undefined);
      if (!g) {
        await t.error(`invalid group: ${t.lq(spec)}`);
        return 1;
      }
      gid = g.gid;
    }
    // -v names what the spec named: the user, the group (`:g`), or both.
    const owner = (u: number, g: number): string => {
      const un = `${userById(fs, u)?.name ?? u}`;
      const gn = `${groupById(fs, g)?.name ?? g}`;
      return gid === undefined ? un : uid === undefined ? `:${gn}` : `${un}:${gn}`;
    };
    let status = 0;
    for (const path of operands.slice(1)) {
      const ok = await walk(t, path, has('R'), async (p, st) => {
        const nu = uid ?? st.uid;
        const ng = gid ?? st.gid;
        try {
          fs.chown(p, nu, ng);
        } catch (err) {
          if (!isSysError(err)) throw err;
          if (!has('f')) await t.error(`changing ownership of ${q(p)}: ${errorText(err)}`);
          if (has('v')) await t.out.write(`failed to change ownership of ${q(p)} from ${owner(st.uid, st.gid)} to ${owner(nu, ng)}\n`);
          return false;
        }
        const changed = nu !== st.uid || ng !== st.gid;
        if (changed && (has('v') || has('c'))) await t.out.write(`changed ownership of ${q(p)} from ${owner(st.uid, st.gid)} to ${owner(nu, ng)}\n`);
        else if (!changed && has('v')) await t.out.write(`ownership of ${q(p)} retained as ${owner(nu, ng)}\n`);
        return true;
      }, 'chown');
      if (!ok) status = 1;
    }
    return status;
  },
);
