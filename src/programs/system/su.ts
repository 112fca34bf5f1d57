/**
 * util-linux 2.39 `su`, setuid root. Root switches without a password; anyone else is asked for the
 * target's password, and since the simulation keeps none, authentication fails after PAM's delay.
 */
import type { Sys } from '../../engine/kernel/sys.js';
import { initgroups, lookupUser } from './accounts.js';
import { basename, readSecret, runChild, SU_ROOT_PATH, SU_USER_PATH } from './exec.js';

const USAGE = `
Usage:
 su [options] [-] [<user> [<argument>...]]

Change the effective user ID and group ID to that of <user>.
A mere - implies -l.  If <user> is not given, root is assumed.

Options:
 -m, -p, --preserve-environment      do not reset environment variables
 -w, --whitelist-environment <list>  don't reset specified variables

 -g, --group <group>             specify the primary group
 -G, --supp-group <group>        specify a supplemental group

 -, -l, --login                  make the shell a login shell
 -c, --command <command>         pass a single command to the shell with -c
 --session-command <command>     pass a single command to the shell with -c
                                   and do not create a new session
 -f, --fast                      pass -f to the shell (for csh or tcsh)
 -s, --shell <shell>             run <shell> if /etc/shells allows it
 -P, --pty                       create a new pseudo-terminal
 -T, --no-pty                    do not create a new pseudo-terminal

 -h, --help                      display this help
 -V, --version                   display version

For more details see su(1).
`;

/** PAM's pam_unix failure delay before `Authentication failure` is printed. */
const FAIL_DELAY_MS = 2000;

export async function su(sys: Sys): Promise<number> {
  const real = sys.cred;
  const callerEnv = { ...sys.env };
  if (sys.euid === 0) sys.setuid(0, 0, [0]);
  const args = sys.argv.slice(1);
  let login = false;
  let preserve = false;
  let command: string | undefined;
  let shellOpt: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-' || a === '-l' || a === '--login') login = true;
    else if (a === '-m' || a === '-p' || a === '--preserve-environment') preserve = true;
    else if (a === '-c' || a === '--command' || a === '--session-command') command = args[++i];
    else if (a.startsWith('--command=')) command = a.slice(10);
    else if (a === '-s' || a === '--shell') shellOpt = args[++i];
    else if (a === '-h' || a === '--help') return (await sys.write(1, USAGE), 0);
    else if (a === '-V' || a === '--version') return (await sys.write(1, 'su from util-linux 2.39.3\n'), 0);
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-') && a.length > 1) {
      await sys.write(2, `su: invalid option -- '${a.slice(1, 2)}'\nTry 'su --help' for more information.\n`);
      return 1;
    } else break;
  }
  const name = args[i] ?? 'root';
  const extra = args.slice(i + 1);
  const target = lookupUser(sys, name);
  if (!target) {
    await sys.write(2, `su: user ${name} does not exist or the user entry does not contain all the required fields\n`);
    return 1;
  }
  if (real.uid !== 0) {
    const pw = await readSecret(sys, 'Password: ');
    if (pw === null) return (await sys.write(2, 'su: must be run from a terminal\n'), 1);
    await sys.sleep(FAIL_DELAY_MS);
    await sys.write(2, 'su: Authentication failure\n');
    return 1;
  }
  const shell = shellOpt ?? target.shell ?? '/bin/sh';
  let env: Record<string, string>;
  if (login) {
    env = {};
    for (const k of ['TERM', 'COLORTERM', 'DISPLAY', 'XAUTHORITY']) if (callerEnv[k] !== undefined) env[k] = callerEnv[k];
    Object.assign(env, {
      HOME: target.home, SHELL: shell, USER: target.name, LOGNAME: target.name,
      PATH: target.uid === 0 ? SU_ROOT_PATH : SU_USER_PATH,
    });
  } else if (preserve) {
    env = { ...callerEnv };
  } else {
    env = { ...callerEnv, HOME: target.home, SHELL: shell };
    if (target.uid !== 0) Object.assign(env, { USER: target.name, LOGNAME: target.name });
  }
  const argv = [login ? `-${basename(shell)}` : basename(shell), ...(command !== undefined ? ['-c', command] : []), ...extra];
  const cred = { uid: target.uid, gid: target.gid, groups: initgroups(sys, target) };
  const cwd = login ? (sys.fs.exists(target.home) ? target.home : '/') : undefined;
  if (login && !sys.fs.exists(target.home)) await sys.write(2, 'su: warning: cannot change directory to ' + target.home + ': No such file or directory\n');
  return runChild(sys, { path: shell, argv, env, cred, cwd });
}
