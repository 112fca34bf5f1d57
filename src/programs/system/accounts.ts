/**
 * /etc/passwd and /etc/group as the shadow-utils and sudo/su read and rewrite them. Lines that do not parse
 * are kept verbatim on rewrite, as the real tools do not reorder or drop what they do not understand.
 */
import type { Sys } from '../../engine/kernel/sys.js';

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

export function readLines(sys: Sys, path: string): string[] {
  try {
    return sys.fs.readText(path).split('\n').filter((l) => l !== '');
  } catch {
    return [];
  }
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

export function passwd(sys: Sys): PasswdEntry[] {
  return readLines(sys, '/etc/passwd').map(parsePasswdLine).filter((e): e is PasswdEntry => e !== null);
}

export function groups(sys: Sys): GroupEntry[] {
  return readLines(sys, '/etc/group').map(parseGroupLine).filter((e): e is GroupEntry => e !== null);
}

export function userByName(sys: Sys, name: string): PasswdEntry | undefined {
  return passwd(sys).find((u) => u.name === name);
}

export function userById(sys: Sys, uid: number): PasswdEntry | undefined {
  return passwd(sys).find((u) => u.uid === uid);
}

/** A user named or given by number, as `su`/`sudo -u` accept (`#1000` for sudo). */
export function lookupUser(sys: Sys, spec: string): PasswdEntry | undefined {
  return userByName(sys, spec) ?? (/^\d+$/.test(spec) ? userById(sys, Number(spec)) : undefined);
}

export function groupByName(sys: Sys, name: string): GroupEntry | undefined {
  return groups(sys).find((g) => g.name === name);
}

export function groupById(sys: Sys, gid: number): GroupEntry | undefined {
  return groups(sys).find((g) => g.gid === gid);
}

export function userName(sys: Sys, uid: number): string {
  return userById(sys, uid)?.name ?? String(uid);
}

export function groupName(sys: Sys, gid: number): string {
  return groupById(sys, gid)?.name ?? String(gid);
}

/** initgroups(3): the primary group first, then every group listing the user, in file order. */
export function initgroups(sys: Sys, user: PasswdEntry): number[] {
  const out = [user.gid];
  for (const g of groups(sys)) if (g.members.includes(user.name) && !out.includes(g.gid)) out.push(g.gid);
  return out;
}

export function formatGroupLine(g: GroupEntry, password = 'x'): string {
  return `${g.name}:${password}:${g.gid}:${g.members.join(',')}`;
}

/** Rewrites /etc/group with `edit` applied to each parsed line; each line's password field is kept. */
export function rewriteGroups(sys: Sys, edit: (g: GroupEntry) => GroupEntry): void {
  const lines = readLines(sys, '/etc/group').map((line) => {
    const g = parseGroupLine(line);
    if (!g) return line;
    const next = edit(g);
    return next === g ? line : formatGroupLine(next, line.split(':')[1]);
  });
  sys.fs.writeFile('/etc/group', `${lines.join('\n')}\n`);
}

export function appendLine(sys: Sys, path: string, line: string): void {
  sys.fs.writeFile(path, `${line}\n`, { append: true });
}
