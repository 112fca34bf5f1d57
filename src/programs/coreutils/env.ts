/** env (run a command in a modified environment), printenv, and debianutils' which. */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program } from '../../engine/kernel/sys.js';
import { errorText } from '../lib/output.js';
import { tool } from './common.js';
import { resolveCommand, searchPath } from './pathsearch.js';

export const env = tool(
  {
    name: 'env',
    short: '+0iu:C:',
    long: [
      { name: 'null', key: '0' },
      { name: 'ignore-environment', key: 'i' },
      { name: 'unset', key: 'u', arg: 'required' },
      { name: 'chdir', key: 'C', arg: 'required' },
    ],
    usageStatus: 125,
    authors: 'Written by Richard Mlynarik, David MacKenzie, and Assaf Gordon.',
  },
  async (t, opts, args) => {
    const sys = t.sys;
    let vars: Record<string, string> = { ...sys.env };
    let rest = args;
    if (rest[0] === '-') {
      opts.push({ key: 'i', value: undefined });
      rest = rest.slice(1);
    }
    let dir: string | undefined;
    for (const o of opts) {
      if (o.key === 'i') vars = {};
      else if (o.key === 'u') {
        if (o.value === '' || o.value!.includes('=')) {
          await t.error(`cannot unset ${t.lq(o.value!)}: Invalid argument`);
          return 125;
        }
        delete vars[o.value!];
      } else if (o.key === 'C') dir = o.value;
    }
    let i = 0;
    for (; i < rest.length && rest[i].includes('=') && !rest[i].startsWith('='); i++) {
      const eq = rest[i].indexOf('=');
      vars[rest[i].slice(0, eq)] = rest[i].slice(eq + 1);
    }
    const cmd = rest.slice(i);
    const nul = opts.some((o) => o.key === '0');
    if (cmd.length === 0) {
      if (dir !== undefined) return t.usage('must specify command with --chdir (-C)');
      await t.out.write(Object.entries(vars).map(([k, v]) => `${k}=${v}${nul ? '\0' : '\n'}`).join(''));
      return 0;
    }
    if (nul) return t.usage('cannot specify --null (-0) with command');
    if (dir !== undefined) {
      try {
        sys.chdir(dir);
      } catch (err) {
        if (!isSysError(err)) throw err;
        await t.error(`cannot change directory to ${t.lq(dir)}: ${errorText(err)}`);
        return 125;
      }
    }
    let path: string;
    try {
      path = resolveCommand(sys, cmd[0], vars.PATH);
      await t.out.flush();
      return await sys.exec(path, cmd, vars);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await t.error(`${t.lq(cmd[0])}: ${errorText(err)}`);
      return err.code === 'ENOENT' ? 127 : 126;
    }
  },
);

export const printenv = tool(
  { name: 'printenv', short: '0', long: [{ name: 'null', key: '0' }], authors: 'Written by David MacKenzie and Richard Mlynarik.' },
  async (t, opts, names) => {
    const end = opts.length ? '\0' : '\n';
    const vars = t.sys.env;
    if (names.length === 0) {
      await t.out.write(Object.entries(vars).map(([k, v]) => `${k}=${v}${end}`).join(''));
      return 0;
    }
    let missing = 0;
    for (const n of names) {
      if (!n.includes('=') && Object.hasOwn(vars, n)) await t.out.write(`${vars[n]}${end}`);
      else missing++;
    }
    return missing ? 1 : 0;
  },
);

/** debianutils `which` is a sh script: silent about misses, 1 if any name was not found. */
export const which: Program = async (sys) => {
  let args = sys.argv.slice(1);
  let all = false;
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    if (args[0] === '--') {
      args = args.slice(1);
      break;
    }
    if (args[0] !== '-a') {
      await sys.write(2, `Illegal option ${args[0]}\nUsage: /usr/bin/which [-a] args\n`);
      return 2;
    }
    all = true;
    args = args.slice(1);
  }
  if (args.length === 0) return 1;
  let status = 0;
  let out = '';
  for (const name of args) {
    const found = searchPath(sys, name, sys.env.PATH, all);
    if (found.length === 0) status = 1;
    out += found.map((f) => `${f}\n`).join('');
  }
  if (out) await sys.write(1, out);
  return status;
};
