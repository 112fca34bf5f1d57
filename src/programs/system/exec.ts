/** What the privilege tools share: PATH search, running a child to completion, reading a secret. */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Credentials } from '../../engine/kernel/fsTypes.js';
import type { Sys } from '../../engine/kernel/sys.js';

export const SECURE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin';
/** login.defs ENV_SUPATH / ENV_PATH, what `su -` sets. */
export const SU_ROOT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const SU_USER_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games';

/** The first executable regular file named `name` along `path`; names with a `/` are taken as they are. */
export function findCommand(sys: Sys, name: string, path: string): string | null {
  if (name.includes('/')) return sys.fs.exists(name) ? name : null;
  for (const dir of path.split(':')) {
    const full = `${dir === '' ? '.' : dir}/${name}`;
    try {
      if (sys.fs.stat(full).type === 'file' && sys.fs.access(full, 'x')) return full;
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  return null;
}

export interface ChildSpec {
  readonly path: string;
  readonly argv: readonly string[];
  readonly env: Record<string, string>;
  readonly cred: Credentials;
  readonly cwd?: string;
}

/** Runs a child in our process group and terminal, and returns its shell-style status. */
export async function runChild(sys: Sys, spec: ChildSpec): Promise<number> {
  const pid = sys.spawn({ path: spec.path, argv: spec.argv, env: spec.env, cred: spec.cred, cwd: spec.cwd });
  // sudo(8): keyboard signals reach the command itself (same process group), so sudo ignores them and keeps
  // waiting; the ones sent to sudo alone are relayed. A command that catches Ctrl-C (docker's --sig-proxy)
  // thus keeps running under sudo, as it does without it.
  sys.signal('SIGINT', 'ignore');
  sys.signal('SIGQUIT', 'ignore');
  for (const sig of ['SIGTERM', 'SIGHUP', 'SIGUSR1', 'SIGUSR2'] as const) {
    sys.signal(sig, () => {
      try {
        sys.kill(pid, sig);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    });
  }
  const st = await sys.wait(pid);
  if (st?.signal) {
    // As sudo does: a command killed by a signal takes sudo down with the same signal, so the shell sees it.
    sys.signal(st.signal, 'default');
    sys.kill(sys.pid, st.signal);
  }
  return st ? st.status : 0;
}

/**
 * Prompts on the terminal and reads one line with echo off, as getpass(3) does. Returns null without a
 * terminal; the prompt's newline is echoed after the (hidden) input, as the real prompt does.
 */
export async function readSecret(sys: Sys, prompt: string): Promise<string | null> {
  let fd = -1;
  let opened = false;
  if (sys.isatty(0)) fd = 0;
  else {
    try {
      fd = sys.open('/dev/tty', 'r+');
      opened = true;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return null;
    }
  }
  const saved = sys.tcgetattr(fd);
  await sys.write(fd, prompt);
  sys.tcsetattr(fd, { echo: false, icanon: true });
  let line: string | null;
  try {
    line = await sys.read(fd);
  } finally {
    sys.tcsetattr(fd, saved);
  }
  await sys.write(fd, '\n');
  if (opened) sys.close(fd);
  return line === null ? null : line.replace(/\n$/, '');
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
