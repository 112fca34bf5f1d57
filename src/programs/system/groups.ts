/** coreutils `groups` and glibc `getent` (passwd, group, hosts). */
import type { Sys } from '../../engine/kernel/sys.js';
import { loadNet } from '../optional.js';
import { quoteLocale } from '../lib/output.js';
import { groupName, groups as allGroups, initgroups, passwd, readLines, userByName } from './accounts.js';

export async function groups(sys: Sys): Promise<number> {
  const names = sys.argv.slice(1);
  if (names.length === 0) {
    const ids = [sys.cred.gid, ...sys.cred.groups.filter((g) => g !== sys.cred.gid)];
    await sys.write(1, `${ids.map((g) => groupName(sys, g)).join(' ')}\n`);
    return 0;
  }
  let status = 0;
  for (const n of names) {
    const u = userByName(sys, n);
    if (!u) {
      await sys.write(2, `groups: ${quoteLocale(sys.env, n)}: no such user\n`);
      status = 1;
      continue;
    }
    await sys.write(1, `${n} : ${initgroups(sys, u).map((g) => groupName(sys, g)).join(' ')}\n`);
  }
  return status;
}

function hosts(sys: Sys): { addr: string; names: string[] }[] {
  return readLines(sys, '/etc/hosts')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '')
    .map((l) => {
      const [addr, ...names] = l.split(/\s+/);
      return { addr, names };
    });
}

export async function getent(sys: Sys): Promise<number> {
  const [db, ...keys] = sys.argv.slice(1);
  if (db === undefined) {
    await sys.write(2, "getent: wrong number of arguments\nTry `getent --help' or `getent --usage' for more information.\n");
    return 1;
  }
  // Host names beyond /etc/hosts go to DNS, which the network tools' chunk knows how to ask.
  if (db === 'hosts' && keys.length > 0) return (await sys.hostLoad('net', loadNet)).getentHosts(sys, keys);
  let lines: { keys: string[]; text: string }[];
  if (db === 'passwd') {
    lines = passwd(sys).map((u) => ({
      keys: [u.name, String(u.uid)],
      text: `${u.name}:x:${u.uid}:${u.gid}:${u.gecos}:${u.home}:${u.shell}`,
    }));
  } else if (db === 'group') {
    lines = allGroups(sys).map((g) => ({ keys: [g.name, String(g.gid)], text: `${g.name}:x:${g.gid}:${g.members.join(',')}` }));
  } else if (db === 'hosts') {
    lines = hosts(sys).map((h) => ({ keys: [h.addr, ...h.names], text: `${h.addr.padEnd(15)} ${h.names.join(' ')}` }));
  } else {
    await sys.write(2, `Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`);
    return 1;
  }
  if (keys.length === 0) {
    if (lines.length > 0) await sys.write(1, `${lines.map((l) => l.text).join('\n')}\n`);
    return 0;
  }
  let status = 0;
  const out: string[] = [];
  for (const k of keys) {
    const hit = lines.find((l) => l.keys.includes(k));
    if (hit) out.push(hit.text);
    else status = 2;
  }
  if (out.length > 0) await sys.write(1, `${out.join('\n')}\n`);
  return status;
}
