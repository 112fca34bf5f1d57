/** Path-name programs: basename, dirname, readlink, realpath, mktemp. */
import { SysError, isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { errorText } from '../lib/output.js';
import { tool } from './common.js';

export function baseName(p: string, suffix = ''): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return p.startsWith('/') ? '/' : '';
  let b = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
  return b;
}

export function dirName(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return p.startsWith('/') ? '/' : '.';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  return trimmed.slice(0, i).replace(/\/+$/, '') || '/';
}

export const basename = tool(
  {
    name: 'basename',
    short: 'as:z',
    long: [{ name: 'multiple', key: 'a' }, { name: 'suffix', key: 's', arg: 'required' }, { name: 'zero', key: 'z' }],
    authors: 'Written by David MacKenzie.',
  },
  async (t, opts, names) => {
    const suffix = opts.find((o) => o.key === 's')?.value;
    const multiple = opts.some((o) => o.key === 'a' || o.key === 's');
    const end = opts.some((o) => o.key === 'z') ? '\0' : '\n';
    if (names.length === 0) return t.usage('missing operand');
    if (!multiple) {
      if (names.length > 2) return t.usage(`extra operand ${t.lq(names[2])}`);
      await t.out.write(`${baseName(names[0], names[1])}${end}`);
      return 0;
    }
    for (const n of names) await t.out.write(`${baseName(n, suffix)}${end}`);
    return 0;
  },
);

export const dirname = tool(
  { name: 'dirname', short: 'z', long: [{ name: 'zero', key: 'z' }], authors: 'Written by David MacKenzie and Jim Meyering.' },
  async (t, opts, names) => {
    if (names.length === 0) return t.usage('missing operand');
    const end = opts.length ? '\0' : '\n';
    for (const n of names) await t.out.write(`${dirName(n)}${end}`);
    return 0;
  },
);

/**
 * Canonicalizes like readlink -f/-e/-m: 'f' needs all but the last component, 'e' all of them, 'm' none.
 */
export function canonicalize(sys: Sys, path: string, mode: 'e' | 'f' | 'm'): string {
  const fs = sys.fs;
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  let cur = path.startsWith('/') ? '/' : sys.cwd();
  let hops = 0;
  const queue = [...parts];
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (part === '..') {
      cur = dirName(cur);
      continue;
    }
    const next = cur === '/' ? `/${part}` : `${cur}/${part}`;
    let st;
    try {
      st = fs.lstat(next);
    } catch (err) {
      if (!isSysError(err)) throw err;
      if (mode === 'm' || (mode === 'f' && queue.length === 0 && err.code === 'ENOENT')) {
        cur = next;
        continue;
      }
      throw err;
    }
    if (st.type === 'symlink') {
      if (++hops > 40) throw new SysError('ELOOP', 'readlink', path);
      const target = fs.readlink(next);
      if (target.startsWith('/')) cur = '/';
      queue.unshift(...target.split('/').filter((p) => p !== '' && p !== '.'));
      continue;
    }
    if (queue.length > 0 && st.type !== 'dir' && mode !== 'm') throw new SysError('ENOTDIR', 'stat', path);
    cur = next;
  }
  return cur;
}

export const readlink = tool(
  {
    name: 'readlink',
    short: 'efmnqsvz',
    long: [
      { name: 'canonicalize', key: 'f' },
      { name: 'canonicalize-existing', key: 'e' },
      { name: 'canonicalize-missing', key: 'm' },
      { name: 'no-newline', key: 'n' },
      { name: 'quiet', key: 'q' },
      { name: 'silent', key: 's' },
      { name: 'verbose', key: 'v' },
      { name: 'zero', key: 'z' },
    ],
    authors: 'Written by Dmitry V. Levin.',
  },
  async (t, opts, files) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const mode = opts.map((o) => o.key).filter((k) => k === 'e' || k === 'f' || k === 'm').pop() as 'e' | 'f' | 'm' | undefined;
    if (files.length === 0) return t.usage('missing operand');
    let status = 0;
    const noNewline = has('n') && files.length === 1;
    for (const f of files) {
      try {
        const out = mode ? canonicalize(t.sys, f, mode) : t.sys.fs.readlink(f);
        await t.out.write(noNewline ? out : `${out}${has('z') ? '\0' : '\n'}`);
      } catch (err) {
        if (!isSysError(err)) throw err;
        if (has('v')) await t.error(`${f}: ${errorText(err)}`);
        status = 1;
      }
    }
    return status;
  },
);

export const realpath = tool(
  {
    name: 'realpath',
    short: 'emqsz',
    long: [{ name: 'canonicalize-existing', key: 'e' }, { name: 'canonicalize-missing', key: 'm' }, { name: 'quiet', key: 'q' }],
    authors: 'Written by Padraig Brady.',
  },
  async (t, opts, files) => {
    const mode = opts.some((o) => o.key === 'e') ? 'e' : opts.some((o) => o.key === 'm') ? 'm' : 'f';
    if (files.length === 0) return t.usage('missing operand');
    let status = 0;
    for (const f of files) {
      try {
        await t.out.write(`${canonicalize(t.sys, f, mode)}\n`);
      } catch (err) {
        if (!isSysError(err)) throw err;
        if (!opts.some((o) => o.key === 'q')) await t.error(`${f}: ${errorText(err)}`);
        status = 1;
      }
    }
    return status;
  },
);

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const mktemp = tool(
  {
    name: 'mktemp',
    short: 'dp:qtu',
    long: [
      { name: 'directory', key: 'd' },
      { name: 'tmpdir', key: 'p', arg: 'optional' },
      { name: 'quiet', key: 'q' },
      { name: 'dry-run', key: 'u' },
      { name: 'suffix', arg: 'required' },
    ],
    authors: 'Written by Jim Meyering and Eric Blake.',
  },
  async (t, opts, args) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    if (args.length > 1) return t.usage(`too many templates`);
    let template = args[0] ?? 'tmp.XXXXXXXXXX';
    const suffix = opts.find((o) => o.key === 'suffix')?.value ?? '';
    const pOpt = opts.find((o) => o.key === 'p');
    const tmpdir = pOpt?.value || t.sys.env.TMPDIR || '/tmp';
    if (args.length === 0 || pOpt || has('t')) {
      if (template.includes('/') && (pOpt || has('t'))) {
        await t.error(`invalid template, ${t.lq(template)}, contains directory separator`);
        return 1;
      }
      if (args.length === 0 || pOpt || has('t')) template = `${tmpdir.replace(/\/$/, '')}/${template}`;
    }
    const xs = /X*$/.exec(template)![0].length;
    if (xs < 3) {
      if (!has('q')) await t.error(`too few X's in template ${t.lq(template + suffix)}`);
      return 1;
    }
    for (let attempt = 0; attempt < 100; attempt++) {
      let rnd = '';
      for (let i = 0; i < xs; i++) rnd += LETTERS[Math.floor(t.sys.random() * LETTERS.length)];
      const path = template.slice(0, template.length - xs) + rnd + suffix;
      if (t.sys.fs.exists(path)) continue;
      try {
        if (!has('u')) {
          if (has('d')) t.sys.fs.mkdir(path, { mode: 0o700 });
          else {
            t.sys.fs.writeFile(path, '', { mode: 0o600 });
            t.sys.fs.chmod(path, 0o600);
          }
        }
      } catch (err) {
        if (!isSysError(err)) throw err;
        if (!has('q')) await t.error(`failed to create ${has('d') ? 'directory' : 'file'} via template ${t.lq(template + suffix)}: ${errorText(err)}`);
        return 1;
      }
      await t.out.write(`${path}\n`);
      return 0;
    }
    await t.error(`failed to create file via template ${t.lq(template)}: File exists`);
    return 1;
  },
);
