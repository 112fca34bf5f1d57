/**
 * /etc/passwd and /etc/group as the shadow-utils and sudo/su read and rewrite them. Lines that do not parse
 * are kept verbatim on rewrite, as the real tools do not reorder or drop what they do not understand.
 */
import type { Sys } from '../../engine/kernel/sys.js';
import * as users from '../lib/users.js';
import { parseGroupLine, parsePasswdLine, readGroups, readPasswd, type GroupEntry, type PasswdEntry } from '../lib/users.js';

export { parseGroupLine, parsePasswdLine, type GroupEntry, type PasswdEntry };

export function readLines(sys: Sys, path: string): string[] {
  try {
    return sys.fs.readText(path).split('\n').filter((l) => l !== '');
  } catch {
    return [];
  }
}

export function passwd(sys: Sys): PasswdEntry[] {
  return readPasswd(sys.fs);
}

export function groups(sys: Sys): GroupEntry[] {
  return readGroups(sys.fs);
}

export function userByName(sys: Sys, name: string): PasswdEntry | undefined {
  return users.userByName(sys.fs, name);
}

export function userById(sys: Sys, uid: number): PasswdEntry | undefined {
  return users.userById(sys.fs, uid);
}

/** A user named or given by number, as `su`/`sudo -u` accept (`#1000` for sudo). */
export function lookupUser(sys: Sys, spec: string): PasswdEntry | undefined {
  return userByName(sys, spec) ?? (/^\d+$/.test(spec) ? userById(sys, Number(spec)) : undefined);
}

export function groupByName(sys: Sys, name: string): GroupEntry | undefined {
  return users.groupByName(sys.fs, name);
}

export function groupById(sys: Sys, gid: number): GroupEntry | undefined {
  return users.groupById(sys.fs, gid);
}

export function userName(sys: Sys, uid: number): string {
  return users.userName(sys.fs, uid);
}

export function groupName(sys: Sys, gid: number): string {
  return users.groupName(sys.fs, gid);
}

/** initgroups(3): the primary group first, then every group listing the user, in file order. */
export function initgroups(sys: Sys, user: PasswdEntry): number[] {
  return users.groupList(sys.fs, user.name, user.gid);
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
