/**
 * setpriv (util-linux 2.38) as the official redis image's entrypoint uses it: `-d` to read the capability
 * bounding set, and `--reuid U --regid G --clear-groups [cap options] CMD…` to run CMD as another user. The
 * kernel does not model capabilities: a container has Docker's default set and the cap options only narrow
 * what nothing checks, so they are accepted in the forms the entrypoint passes. Other options are refused.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { errorText } from '../lib/output.js';

/** Docker's default capability set, in setpriv's order and spelling. */
const DOCKER_CAPS = 'chown,dac_override,fowner,fsetid,kill,setgid,setuid,setpcap,net_bind_service,net_raw,sys_chroot,mknod,audit_write,setfcap';

function lookupId(sys: Sys, file: string, name: string): { id: number; gid: number } | undefined {
  let text = '';
  try {
    text = sys.fs.readText(file);
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
  }
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f[0] === name || f[2] === name) return { id: Number(f[2]), gid: Number(f[3] ?? f[2]) };
  }
  return /^\d+$/.test(name) ? { id: Number(name), gid: Number(name) } : undefined;
}

export const setpriv: Program = async (sys: Sys) => {
  const a = sys.argv.slice(1);
  if (a[0] === '-d' || a[0] === '--dump') {
    const c = sys.cred;
    await sys.write(1, [
      `uid: ${c.uid}`, `euid: ${sys.euid}`, `gid: ${c.gid}`, `egid: ${c.gid}`,
      `Supplementary groups: ${c.groups.length ? c.groups.join(',') : '[none]'}`,
      'no_new_privs: 0',
      'Inheritable capabilities: [none]',
      'Ambient capabilities: [none]',
      `Capability bounding set: ${DOCKER_CAPS}`,
      'Securebits: [none]',
    ].join('\n') + '\n');
    return 0;
  }
  let uid: number | undefined, gid: number | undefined, clear = false;
  let i = 0;
  for (; i < a.length; i++) {
    const o = a[i];
    const eq = o.indexOf('=');
    const [name, inline] = o.startsWith('--') && eq > 0 ? [o.slice(0, eq), o.slice(eq + 1)] : [o, undefined];
    const value = (): string => inline ?? a[++i] ?? '';
    if (name === '--reuid' || name === '--ruid' || name === '--euid') {
      const u = value();
      const found = lookupId(sys, '/etc/passwd', u);
      if (!found) return fail(sys, `setpriv: failed to parse ruid: '${u}'`);
      uid = found.id;
    } else if (name === '--regid' || name === '--rgid' || name === '--egid') {
      const g = value();
      const found = lookupId(sys, '/etc/group', g);
      if (!found) return fail(sys, `setpriv: failed to parse rgid: '${g}'`);
      gid = found.id;
    } else if (name === '--clear-groups') clear = true;
    else if (name === '--nnp' || name === '--no-new-privs') continue;
    else if (name === '--inh-caps' || name === '--ambient-caps' || name === '--bounding-set') {
      const v = value();
      if (!/^-all(,\+sys_resource)?$/.test(v)) return fail(sys, `dockersim: setpriv ${name} ${v} is not simulated`);
    } else if (name === '--') {
      i++;
      break;
    } else if (name.startsWith('-')) return fail(sys, `dockersim: setpriv ${name} is not simulated`);
    else break;
  }
  const cmd = a.slice(i);
  if (cmd.length === 0) return fail(sys, 'setpriv: no command was specified');
  if (uid !== undefined || gid !== undefined || clear) {
    try {
      sys.setuid(uid ?? sys.cred.uid, gid ?? sys.cred.gid, clear ? [] : sys.cred.groups);
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      return fail(sys, `setpriv: setresuid failed: ${errorText(e)}`);
    }
  }
  const path = cmd[0].includes('/') ? cmd[0] : findInPath(sys, cmd[0]);
  if (!path) return fail(sys, `setpriv: failed to execute ${cmd[0]}: No such file or directory`, 127);
  try {
    return await sys.exec(path, cmd);
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    return fail(sys, `setpriv: failed to execute ${cmd[0]}: ${errorText(e).replace(/^.*?: /, '')}`, 127);
  }
};

function findInPath(sys: Sys, name: string): string | undefined {
  for (const dir of (sys.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
    if (dir && sys.fs.exists(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return undefined;
}

async function fail(sys: Sys, msg: string, code = 1): Promise<number> {
  await sys.write(2, `${msg}\n`);
  return code;
}
