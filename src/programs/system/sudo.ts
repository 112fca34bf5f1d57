/**
 * sudo 1.9.15 (Ubuntu 24.04): the binary is setuid root, so the kernel starts it with euid 0; it reads the
 * sudoers policy, authenticates, and runs the command as a child with the target's credentials and a reset
 * environment. The simulation keeps no passwords: any typed password is accepted, NOPASSWD skips the prompt.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import * as users from '../lib/users.js';
import { groupName, initgroups, lookupUser, userById, type PasswdEntry } from './accounts.js';
import { basename, findCommand, readSecret, runChild, SECURE_PATH } from './exec.js';
import { describeRule, permits, readSudoers, rulesFor } from './sudoers.js';

const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user]
            [-u user] [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] file ...
`;

/** What env_reset keeps from the caller (sudo's built-in env_keep list). */
const KEEP = /^(TERM|COLORTERM|COLORS|DISPLAY|HOSTNAME|KRB5CCNAME|LS_COLORS|PS1|PS2|TZ|XAUTHORITY|XAUTHORIZATION|LANG|LANGUAGE|LINGUAS|LC_\w+|_XKB_CHARSET)$/;

interface SudoOpts {
  user: string | undefined;
  login: boolean;
  shell: boolean;
  preserveEnv: boolean;
  nonInteractive: boolean;
  mode: 'run' | 'list' | 'validate' | 'kill' | 'version' | 'help';
  setenv: Record<string, string>;
  command: string[];
}

function parse(args: readonly string[]): SudoOpts | string {
  const o: SudoOpts = { user: undefined, login: false, shell: false, preserveEnv: false, nonInteractive: false, mode: 'run', setenv: {}, command: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--user' || a.startsWith('--user=')) {
      o.user = a.includes('=') ? a.slice(7) : args[++i];
      continue;
    }
    if (a === '--login') (o.login = true);
    else if (a === '--shell') (o.shell = true);
    else if (a === '--preserve-env') (o.preserveEnv = true);
    else if (a === '--non-interactive') (o.nonInteractive = true);
    else if (a === '--list') (o.mode = 'list');
    else if (a === '--validate') (o.mode = 'validate');
    else if (a === '--version') (o.mode = 'version');
    else if (a === '--help') (o.mode = 'help');
    else if (a.startsWith('--')) return `sudo: unrecognized option '${a}'\n${USAGE}`;
    else {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (ch === 'u' || ch === 'g' || ch === 'p' || ch === 'D' || ch === 'C') {
          const v = a.slice(j + 1) || args[++i];
          if (v === undefined) return `sudo: option requires an argument -- '${ch}'\n${USAGE}`;
          if (ch === 'u') o.user = v;
          break;
        }
        if (ch === 'i') o.login = true;
        else if (ch === 's') o.shell = true;
        else if (ch === 'E') o.preserveEnv = true;
        else if (ch === 'n') o.nonInteractive = true;
        else if (ch === 'l') o.mode = 'list';
        else if (ch === 'v') o.mode = 'validate';
        else if (ch === 'k' || ch === 'K') o.mode = o.mode === 'run' && i === args.length - 1 ? 'kill' : o.mode;
        else if (ch === 'V') o.mode = 'version';
        else if (ch === 'h') o.mode = 'help';
        else if (ch === 'H' || ch === 'S' || ch === 'A' || ch === 'b' || ch === 'P' || ch === 'N' || ch === 'B') continue;
        else return `sudo: invalid option -- '${ch}'\n${USAGE}`;
      }
    }
  }
  const rest = args.slice(i);
  while (rest.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0])) {
    const kv = rest.shift()!;
    o.setenv[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
  }
  o.command = rest;
  if (o.login && o.shell) return `sudo: you may not specify both the -i and -s options\n${USAGE}`;
  return o;
}

/** sudo's escaping of a command for `shell -c` under -i/-s: backslash before all but word characters. */
function shellJoin(args: readonly string[]): string {
  return args.map((a) => a.replace(/([^\w\-$])/g, '\\$1')).join(' ');
}

export async function sudo(sys: Sys): Promise<number> {
  if (sys.euid !== 0) {
    await sys.write(2, "sudo: effective uid is not 0, is /usr/bin/sudo on a file system with the 'nosuid' option set or an NFS file system without root privileges?\n");
    return 1;
  }
  const real = sys.cred;
  const callerEnv = { ...sys.env };
  sys.setuid(0, 0, [0]);
  const o = parse(sys.argv.slice(1));
  if (typeof o === 'string') return (await sys.write(2, o), 1);
  if (o.mode === 'version') return (await sys.write(1, 'Sudo version 1.9.15p5\n'), 0);
  if (o.mode === 'help') return (await sys.write(1, `sudo - execute a command as another user\n\n${USAGE}`), 0);
  if (o.mode === 'kill') return 0;
  const me = userById(sys, real.uid);
  if (!me) return (await sys.write(2, 'sudo: you do not exist in the passwd database\n'), 1);
  const host = sys.hostname();
  const target: PasswdEntry | undefined = lookupUser(sys, (o.user ?? 'root').replace(/^#/, ''));
  if (!target) return (await sys.write(2, `sudo: unknown user ${o.user}\n`), 1);
  if (o.mode === 'run' && o.command.length === 0 && !o.login && !o.shell) return (await sys.write(2, USAGE), 1);

  const policy = readSudoers(sys);
  const myGroups = [real.gid, ...real.groups].map((g) => groupName(sys, g));
  const rules = real.uid === 0 ? [{ who: 'root', runas: 'ALL:ALL', nopasswd: true, commands: ['ALL'] }] : rulesFor(policy, me.name, myGroups);

  if (o.mode === 'list') {
    if (rules.length === 0) return (await sys.write(2, `Sorry, user ${me.name} may not run sudo on ${host}.\n`), 1);
    const defaults = policy.defaults.map((d) => d.replace(/"/g, '').replace(/^(secure_path=)(.*)$/, (_, k: string, v: string) => k + v.replace(/:/g, '\\:')));
    await sys.write(1, `Matching Defaults entries for ${me.name} on ${host}:\n    ${defaults.join(', ')}\n\nUser ${me.name} may run the following commands on ${host}:\n${rules.map((r) => `    ${describeRule(r)}\n`).join('')}`);
    return 0;
  }

  let path: string;
  let argv: string[];
  if (o.login || o.shell) {
    path = o.shell ? callerEnv.SHELL || target.shell : target.shell;
    argv = [o.login ? `-${basename(path)}` : basename(path), ...(o.command.length > 0 ? ['-c', shellJoin(o.command)] : [])];
  } else {
    const found = findCommand(sys, o.command[0], SECURE_PATH);
    if (!found) return (await sys.write(2, `sudo: ${o.command[0]}: command not found\n`), 1);
    path = found;
    argv = [...o.command];
  }

  const allowed = [...rules].reverse().find((r) => permits(r, path, target.name));
  if (!(allowed?.nopasswd ?? false) || o.mode === 'validate') {
    if (o.nonInteractive) return (await sys.write(2, 'sudo: a password is required\n'), 1);
    const pw = await readSecret(sys, `[sudo] password for ${me.name}: `);
    if (pw === null) {
      await sys.write(2, 'sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper\nsudo: a password is required\n');
      return 1;
    }
  }
  if (rules.length === 0) return (await sys.write(2, `${me.name} is not in the sudoers file.\n`), 1);
  if (!allowed) {
    const shown = [path, ...argv.slice(1)].join(' ');
    return (await sys.write(2, `Sorry, user ${me.name} is not allowed to execute '${shown}' as ${target.name} on ${host}.\n`), 1);
  }
  if (o.mode === 'validate') return 0;
  markAdminSuccess(sys, me, target.uid);

  const env: Record<string, string> = {};
  if (o.preserveEnv) Object.assign(env, callerEnv);
  else for (const [k, v] of Object.entries(callerEnv)) if (KEEP.test(k)) env[k] = v;
  if (!o.preserveEnv && callerEnv.SUDO_PS1 !== undefined) env.PS1 = callerEnv.SUDO_PS1;
  Object.assign(env, {
    PATH: SECURE_PATH,
    HOME: target.home,
    LOGNAME: target.name,
    USER: target.name,
    SHELL: target.shell,
    MAIL: `/var/mail/${target.name}`,
    SUDO_COMMAND: [path, ...argv.slice(1)].join(' '),
    SUDO_USER: me.name,
    SUDO_UID: String(real.uid),
    SUDO_GID: String(real.gid),
  }, o.setenv);
  const cred = { uid: target.uid, gid: target.gid, groups: initgroups(sys, target) };
  const cwd = o.login && sys.fs.exists(target.home) ? target.home : undefined;
  return runChild(sys, { path, argv, env, cred, cwd });
}

/**
 * Ubuntu's sudo (built with --enable-admin-flag): the first command an admin (group sudo or admin) runs as
 * root leaves ~/.sudo_as_admin_successful, which silences bash.bashrc's "To run a command as administrator" hint.
 */
function markAdminSuccess(sys: Sys, me: PasswdEntry, targetUid: number): void {
  if (targetUid !== 0 || me.uid === 0) return;
  const groups = initgroups(sys, me);
  const admin = ['sudo', 'admin'].some((name) => {
    const g = users.groupByName(sys.fs, name);
    return g !== undefined && groups.includes(g.gid);
  });
  const flag = `${me.home}/.sudo_as_admin_successful`;
  if (!admin || !sys.fs.exists(me.home) || sys.fs.exists(flag)) return;
  try {
    sys.fs.writeFile(flag, '', { mode: 0o644 });
    sys.fs.chown(flag, me.uid, me.gid);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}
