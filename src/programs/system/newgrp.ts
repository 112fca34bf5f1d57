/**
 * shadow-utils `newgrp`, setuid root: replaces itself with the user's shell, running with the group as its
 * primary group and the groups it had. A member (per /etc/group) or root needs no password; anyone else is
 * asked for the group password, which the simulation never has.
 */
import type { Sys } from '../../engine/kernel/sys.js';
import { groupByName, groupById, userById } from './accounts.js';
import { basename, readSecret } from './exec.js';

export async function newgrp(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  const login = args[0] === '-' || args[0] === '-l';
  const name = login ? args[1] : args[0];
  const real = sys.cred;
  const user = userById(sys, real.uid);
  if (!user) return (await sys.write(2, 'newgrp: Cannot determine your user name.\n'), 1);
  const group = name === undefined ? groupById(sys, user.gid) : groupByName(sys, name);
  if (!group) return (await sys.write(2, `newgrp: group '${name}' does not exist\n`), 1);
  if (real.uid !== 0 && group.gid !== user.gid && !group.members.includes(user.name)) {
    await readSecret(sys, 'Password: ');
    await sys.write(2, 'Invalid password.\n');
    return 1;
  }
  if (sys.euid !== 0 && group.gid !== real.gid && !real.groups.includes(group.gid)) {
    return (await sys.write(2, 'newgrp: setgid: Operation not permitted\n'), 1);
  }
  const groups = real.groups.includes(group.gid) ? [...real.groups] : [...real.groups, group.gid];
  sys.setuid(real.uid, group.gid, groups);
  const shell = user.shell || '/bin/sh';
  if (login && sys.fs.exists(user.home)) sys.chdir(user.home);
  return sys.exec(shell, [login ? `-${basename(shell)}` : basename(shell)]);
}
