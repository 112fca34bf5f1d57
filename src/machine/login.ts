/** What login(1) sets up for an account: credentials from /etc/passwd and /etc/group, and the environment. */
import type { Credentials, Fs } from '../engine/kernel/fsTypes.js';
import { groupList, userByName } from '../programs/lib/users.js';

export interface LoginAccount {
  readonly cred: Credentials;
  readonly home: string;
  readonly shell: string;
  readonly env: Record<string, string>;
}

const USER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin';

export function loginAccount(fs: Fs, name: string): LoginAccount {
  const pw = userByName(fs, name);
  if (!pw) throw new Error(`no such user: ${name}`);
  const shell = pw.shell || '/bin/sh';
  return {
    cred: { uid: pw.uid, gid: pw.gid, groups: groupList(fs, pw.name, pw.gid) },
    home: pw.home,
    shell,
    env: {
      SHELL: shell,
      PWD: pw.home,
      LOGNAME: pw.name,
      HOME: pw.home,
      LANG: 'C.UTF-8',
      TERM: 'xterm-256color',
      USER: pw.name,
      PATH: USER_PATH,
    },
  };
}
