/**
 * The user and group databases (/etc/passwd, /etc/group) as a process's filesystem holds them: what
 * getpwuid(3), getpwnam(3), getgrgid(3) and getgrouplist(3) answer. Read fresh on every call, so `useradd`
 * or a container's own /etc takes effect at once; a missing or unreadable file is an empty database.
 */
import type { Fs } from '../../engine/kernel/fsTypes.js';

export interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly gecos: string;
  readonly home: string;
  readonly shell: string;
}

export interface GroupEntry {
  readonly name: string;
  readonly gid: number;
  readonly members: readonly string[];
}

/** The non-empty, non-comment lines of a database file; a missing or unreadable file has none. */
export function databaseLines(fs: Fs, path: string): string[] {
  let text: string;
  try {
    text = fs.readText(path);
  } catch {
    return [];
  }
  return text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
}

export function parsePasswdLine(line: string): PasswdEntry | null {
  const f = line.split(':');
  if (f.length < 7 || !/^\d+$/.test(f[2]) || !/^\d+$/.test(f[3])) return null;
  return { name: f[0], uid: Number(f[2]), gid: Number(f[3]), gecos: f[4], home: f[5], shell: f[6] };
}

export function parseGroupLine(line: string): GroupEntry | null {
  const f = line.split(':');
  if (f.length < 4 || !/^\d+$/.test(f[2])) return null;
  return { name: f[0], gid: Number(f[2]), members: f[3] === '' ? [] : f[3].split(',') };
}

export function readPasswd(fs: Fs): PasswdEntry[] {
  return databaseLines(fs, '/etc/passwd').map(parsePasswdLine).filter((e): e is PasswdEntry => e !== null);
}

export function readGroups(fs: Fs): GroupEntry[] {
  return databaseLines(fs, '/etc/group').map(parseGroupLine).filter((e): e is GroupEntry => e !== null);
}

export function userById(fs: Fs, uid: number): PasswdEntry | undefined {
  return readPasswd(fs).find((u) => u.uid === uid);
}

export function userByName(fs: Fs, name: string): PasswdEntry | undefined {
  return readPasswd(fs).find((u) => u.name === name);
}

export function groupById(fs: Fs, gid: number): GroupEntry | undefined {
  return readGroups(fs).find((g) => g.gid === gid);
}

export function groupByName(fs: Fs, name: string): GroupEntry | undefined {
  return readGroups(fs).find((g) => g.name === name);
}

/** The user's name, or the number as text when there is none (what ls -l and ps print). */
export function userName(fs: Fs, uid: number): string {
  return userById(fs, uid)?.name ?? String(uid);
}

export function groupName(fs: Fs, gid: number): string {
  return groupById(fs, gid)?.name ?? String(gid);
}

/** getgrouplist(3): the primary group first, then every group listing the user, in file order. */
export function groupList(fs: Fs, user: string, primaryGid: number): number[] {
  const out = [primaryGid];
  for (const g of readGroups(fs)) if (g.members.includes(user) && !out.includes(g.gid)) out.push(g.gid);
  return out;
}

/**
 * Name → id maps for commands that look up many ids at once (ls -l over a big directory), so each lookup
 * does not re-read the files.
 */
export class UserDb {
  private readonly users = new Map<number, string>();
  private readonly groups = new Map<number, string>();

  constructor(fs: Fs) {
    for (const u of readPasswd(fs)) if (!this.users.has(u.uid)) this.users.set(u.uid, u.name);
    for (const g of readGroups(fs)) if (!this.groups.has(g.gid)) this.groups.set(g.gid, g.name);
  }

  user(uid: number): string {
    return this.users.get(uid) ?? String(uid);
  }

  group(gid: number): string {
    return this.groups.get(gid) ?? String(gid);
  }
}
