/** id and whoami, from the process's credentials and the passwd/group files. */
import { groupById, groupList, userById, userByName } from '../lib/users.js';
import type { ParsedOpt } from '../lib/args.js';
import { tool, type Tool } from './common.js';

export const id = tool(
  {
    name: 'id',
    short: 'aZgGnruz',
    long: [
      { name: 'group', key: 'g' },
      { name: 'groups', key: 'G' },
      { name: 'name', key: 'n' },
      { name: 'real', key: 'r' },
      { name: 'user', key: 'u' },
      { name: 'zero', key: 'z' },
      { name: 'context', key: 'Z' },
    ],
    authors: 'Written by Arnold Robbins and David MacKenzie.',
  },
  async (t, opts, users) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    // The simulated kernel, like most Docker hosts, has no SELinux. These are coreutils' die() errors: no `Try` line.
    const fail = async (msg: string): Promise<number> => {
      await t.error(msg);
      return 1;
    };
    if (has('Z')) return fail('--context (-Z) works only on an SELinux-enabled kernel');
    const modes = ['u', 'g', 'G'].filter(has);
    if (modes.length > 1) return fail('cannot print "only" of more than one choice');
    if ((has('n') || has('r')) && modes.length === 0) return fail('cannot print only names or real IDs in default format');
    let status = 0;
    for (const user of users.length ? users : [undefined]) {
      if ((await report(t, user, opts)) !== 0) status = 1;
    }
    return status;
  },
);

/** One line of id's output, for USER or (undefined) the calling process. */
async function report(t: Tool, user: string | undefined, opts: readonly ParsedOpt[]): Promise<number> {
  const has = (k: string): boolean => opts.some((o) => o.key === k);
  const fs = t.sys.fs;
  let uid: number;
  let gid: number;
  let groups: number[];
  if (user !== undefined) {
    const u = userByName(fs, user) ?? (/^\d+$/.test(user) ? userById(fs, Number(user)) : undefined);
    if (!u) {
      await t.error(`${t.lq(user)}: no such user`);
      return 1;
    }
    uid = u.uid;
    gid = u.gid;
    groups = groupList(fs, u.name, u.gid);
  } else {
    uid = has('r') ? t.sys.cred.uid : t.sys.euid;
    gid = t.sys.cred.gid;
    groups = [gid, ...t.sys.cred.groups.filter((g) => g !== gid)];
  }
  const uname = (u: number): string | undefined => userById(fs, u)?.name;
  const gname = (g: number): string | undefined => groupById(fs, g)?.name;
  let status = 0;
  const nameOr = async (n: string | undefined, num: number, kind: string): Promise<string> => {
    if (n !== undefined) return n;
    await t.error(`cannot find name for ${kind} ID ${num}`);
    status = 1;
    return String(num);
  };
  const end = has('z') ? '\0' : '\n';
  if (has('u')) await t.out.write(`${has('n') ? await nameOr(uname(uid), uid, 'user') : uid}${end}`);
  else if (has('g')) await t.out.write(`${has('n') ? await nameOr(gname(gid), gid, 'group') : gid}${end}`);
  else if (has('G')) {
    const parts: string[] = [];
    for (const g of groups) parts.push(has('n') ? await nameOr(gname(g), g, 'group') : String(g));
    await t.out.write(`${parts.join(has('z') ? '\0' : ' ')}${end}`);
  } else {
    const fmt = (n: number, name: string | undefined): string => (name === undefined ? String(n) : `${n}(${name})`);
    let line = `uid=${fmt(uid, uname(uid))} gid=${fmt(gid, gname(gid))}`;
    if (user === undefined && t.sys.euid !== t.sys.cred.uid) line += ` euid=${fmt(t.sys.euid, uname(t.sys.euid))}`;
    line += ` groups=${groups.map((g) => fmt(g, gname(g))).join(',')}`;
    await t.out.write(`${line}\n`);
  }
  return status;
}

export const whoami = tool({ name: 'whoami', authors: 'Written by Richard Mlynarik.' }, async (t, _o, args) => {
  if (args.length) return t.usage(`extra operand ${t.lq(args[0])}`);
  const u = userById(t.sys.fs, t.sys.euid);
  if (!u) {
    await t.error(`cannot find name for user ID ${t.sys.euid}`);
    return 1;
  }
  await t.out.write(`${u.name}\n`);
  return 0;
});
