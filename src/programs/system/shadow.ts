/**
 * shadow-utils 4.13 account tools: `usermod`, `useradd`, `groupadd`, `gpasswd`. They edit /etc/passwd,
 * /etc/group (and /etc/gshadow, /etc/shadow when present). Membership changes take effect at the next
 * login (`su - user`, `newgrp`), as on Linux: running processes keep their groups.
 */
import type { Sys } from '../../engine/kernel/sys.js';
import { appendLine, groupByName, groups, passwd, readLines, rewriteGroups, userByName } from './accounts.js';

async function denied(sys: Sys, tool: string, file: string): Promise<void> {
  await sys.write(2, `${tool}: Permission denied.\n${tool}: cannot lock ${file}; try again later.\n`);
}

/** Adds (or, with remove, drops) `user` from the member field of `group` in /etc/gshadow, if it exists. */
function editGshadow(sys: Sys, group: string, user: string, remove: boolean): void {
  if (!sys.fs.exists('/etc/gshadow')) return;
  const lines = readLines(sys, '/etc/gshadow').map((line) => {
    const f = line.split(':');
    if (f[0] !== group || f.length < 4) return line;
    const members = f[3] === '' ? [] : f[3].split(',');
    const next = remove ? members.filter((m) => m !== user) : members.includes(user) ? members : [...members, user];
    return [f[0], f[1], f[2], next.join(',')].join(':');
  });
  sys.fs.writeFile('/etc/gshadow', `${lines.join('\n')}\n`);
}

function setMembership(sys: Sys, user: string, group: string, member: boolean): void {
  rewriteGroups(sys, (g) => {
    if (g.name !== group || g.members.includes(user) === member) return g;
    return { ...g, members: member ? [...g.members, user] : g.members.filter((m) => m !== user) };
  });
  editGshadow(sys, group, user, !member);
}

const USERMOD_USAGE = `Usage: usermod [options] LOGIN

Options:
  -a, --append                  append the user to the supplemental GROUPS
                                mentioned by the -G option without removing
                                the user from other groups
  -c, --comment COMMENT         new value of the GECOS field
  -d, --home HOME_DIR           new home directory for the user account
  -g, --gid GROUP               force use GROUP as new primary group
  -G, --groups GROUPS           new list of supplementary GROUPS
  -h, --help                    display this help message and exit
  -l, --login NEW_LOGIN         new value of the login name
  -L, --lock                    lock the user account
  -s, --shell SHELL             new login shell for the user account
  -u, --uid UID                 new UID for the user account
  -U, --unlock                  unlock the user account

`;

export async function usermod(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  let append = false;
  let groupList: string[] | undefined;
  let shell: string | undefined;
  let login: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-a' || a === '--append') append = true;
    else if (a === '-aG') (append = true), (groupList = (args[++i] ?? '').split(','));
    else if (a === '-G' || a === '--groups') groupList = (args[++i] ?? '').split(',');
    else if (a === '-s' || a === '--shell') shell = args[++i];
    else if (a === '-h' || a === '--help') return (await sys.write(1, USERMOD_USAGE), 0);
    else if (a.startsWith('-')) return (await sys.write(2, `usermod: invalid option -- '${a.slice(1, 2)}'\n${USERMOD_USAGE}`), 2);
    else login = a;
  }
  if (login === undefined) return (await sys.write(2, USERMOD_USAGE), 2);
  if (sys.euid !== 0) return (await denied(sys, 'usermod', '/etc/passwd'), 1);
  const user = userByName(sys, login);
  if (!user) return (await sys.write(2, `usermod: user '${login}' does not exist\n`), 6);
  if (append && groupList === undefined) return (await sys.write(2, `usermod: -a flag is only allowed with the -G flag\n${USERMOD_USAGE}`), 2);
  if (groupList) {
    const wanted = groupList.filter((g) => g !== '');
    for (const g of wanted) if (!groupByName(sys, g)) return (await sys.write(2, `usermod: group '${g}' does not exist\n`), 6);
    for (const g of groups(sys)) {
      if (wanted.includes(g.name)) setMembership(sys, login, g.name, true);
      else if (!append && g.members.includes(login)) setMembership(sys, login, g.name, false);
    }
  }
  if (shell !== undefined) {
    const lines = readLines(sys, '/etc/passwd').map((l) => {
      const f = l.split(':');
      return f[0] === login && f.length >= 7 ? [...f.slice(0, 6), shell].join(':') : l;
    });
    sys.fs.writeFile('/etc/passwd', `${lines.join('\n')}\n`);
  }
  return 0;
}

function nextId(used: Set<number>, from: number): number {
  let id = from;
  while (used.has(id)) id++;
  return id;
}

export async function groupadd(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  let gid: number | undefined;
  let system = false;
  let name: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-g' || a === '--gid') gid = Number(args[++i]);
    else if (a === '-r' || a === '--system') system = true;
    else if (a === '-f' || a === '--force') force = true;
    else name = a;
  }
  if (name === undefined) return (await sys.write(2, 'Usage: groupadd [options] GROUP\n'), 2);
  if (sys.euid !== 0) return (await denied(sys, 'groupadd', '/etc/group'), 10);
  if (groupByName(sys, name)) {
    if (force) return 0;
    return (await sys.write(2, `groupadd: group '${name}' already exists\n`), 9);
  }
  const used = new Set(groups(sys).map((g) => g.gid));
  if (gid !== undefined && used.has(gid)) return (await sys.write(2, `groupadd: GID '${gid}' already exists\n`), 4);
  const id = gid ?? (system ? maxFree(used) : nextId(used, 1000));
  appendLine(sys, '/etc/group', `${name}:x:${id}:`);
  if (sys.fs.exists('/etc/gshadow')) appendLine(sys, '/etc/gshadow', `${name}:!::`);
  return 0;
}

/** System IDs are handed out downward from 999, as SYS_GID_MAX suggests. */
function maxFree(used: Set<number>): number {
  let id = 999;
  while (used.has(id) && id > 100) id--;
  return id;
}

export async function useradd(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  let home: string | undefined;
  let shell = '/bin/sh';
  let createHome = false;
  let uid: number | undefined;
  let extra: string[] = [];
  let name: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-m' || a === '--create-home') createHome = true;
    else if (a === '-M' || a === '--no-create-home') createHome = false;
    else if (a === '-s' || a === '--shell') shell = args[++i] ?? shell;
    else if (a === '-d' || a === '--home-dir') home = args[++i];
    else if (a === '-u' || a === '--uid') uid = Number(args[++i]);
    else if (a === '-G' || a === '--groups') extra = (args[++i] ?? '').split(',').filter(Boolean);
    else if (a.startsWith('-')) return (await sys.write(2, `useradd: invalid option -- '${a.slice(1, 2)}'\n`), 2);
    else name = a;
  }
  if (name === undefined) return (await sys.write(2, 'Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]\n'), 2);
  if (sys.euid !== 0) return (await denied(sys, 'useradd', '/etc/passwd'), 1);
  if (userByName(sys, name)) return (await sys.write(2, `useradd: user '${name}' already exists\n`), 9);
  for (const g of extra) if (!groupByName(sys, g)) return (await sys.write(2, `useradd: group '${g}' does not exist\n`), 6);
  if (groupByName(sys, name)) {
    await sys.write(2, `useradd: group ${name} exists - if you want to add this user to that group, use -g.\n`);
    return 9;
  }
  const usedU = new Set(passwd(sys).map((u) => u.uid));
  const usedG = new Set(groups(sys).map((g) => g.gid));
  const id = uid ?? nextId(new Set([...usedU].filter((x) => x < 60000)), 1000);
  const gid = usedG.has(id) ? nextId(usedG, 1000) : id;
  const dir = home ?? `/home/${name}`;
  appendLine(sys, '/etc/passwd', `${name}:x:${id}:${gid}::${dir}:${shell}`);
  appendLine(sys, '/etc/group', `${name}:x:${gid}:`);
  if (sys.fs.exists('/etc/shadow')) {
    appendLine(sys, '/etc/shadow', `${name}:!:${Math.floor(sys.now() / 86400000)}:0:99999:7:::`);
  }
  if (sys.fs.exists('/etc/gshadow')) appendLine(sys, '/etc/gshadow', `${name}:!::`);
  for (const g of extra) setMembership(sys, name, g, true);
  if (createHome && !sys.fs.exists(dir)) {
    sys.fs.mkdir(dir, { recursive: true, mode: 0o750 });
    copySkel(sys, '/etc/skel', dir, id, gid);
    sys.fs.chown(dir, id, gid);
  }
  return 0;
}

function copySkel(sys: Sys, from: string, to: string, uid: number, gid: number): void {
  let names: string[] = [];
  try {
    names = sys.fs.readdir(from);
  } catch {
    return;
  }
  for (const n of names) {
    const src = `${from}/${n}`;
    const dst = `${to}/${n}`;
    const st = sys.fs.lstat(src);
    if (st.type === 'dir') {
      sys.fs.mkdir(dst, { mode: st.mode });
      copySkel(sys, src, dst, uid, gid);
    } else if (st.type === 'file') {
      sys.fs.writeFile(dst, sys.fs.readFile(src), { mode: st.mode });
    } else continue;
    sys.fs.chown(dst, uid, gid);
  }
}

export async function gpasswd(sys: Sys): Promise<number> {
  const [flag, user, group] = sys.argv.slice(1);
  if ((flag !== '-a' && flag !== '-d') || user === undefined || group === undefined) {
    await sys.write(2, `Usage: gpasswd [option] GROUP\n`);
    return 2;
  }
  // gpasswd is setuid root: the caller's real uid decides (group administrators are not modelled).
  if (sys.cred.uid !== 0) return (await sys.write(2, 'gpasswd: Permission denied.\n'), 1);
  const g = groupByName(sys, group);
  if (!g) return (await sys.write(2, `gpasswd: group '${group}' does not exist in /etc/group\n`), 3);
  if (!userByName(sys, user)) return (await sys.write(2, `gpasswd: user '${user}' does not exist\n`), 3);
  if (flag === '-a') {
    await sys.write(1, `Adding user ${user} to group ${group}\n`);
    setMembership(sys, user, group, true);
    return 0;
  }
  if (!g.members.includes(user)) {
    await sys.write(2, `gpasswd: user '${user}' is not a member of '${group}'\n`);
    return 3;
  }
  await sys.write(1, `Removing user ${user} from group ${group}\n`);
  setMembership(sys, user, group, false);
  return 0;
}
