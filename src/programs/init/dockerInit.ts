/**
 * docker-init (tini 0.19), PID 1 of a `docker run --init` container: runs the command as its child in a
 * process group of its own (the terminal's foreground group when stdin is a TTY, so Ctrl-C reaches the
 * command, not PID 1), forwards the signals it gets to that child, reaps every orphan, and exits with the
 * child's status (128+N for a signal).
 */
import { SysError } from '../../engine/kernel/errno.js';
import type { Signal } from '../../engine/kernel/signals.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';

/** Every catchable signal except the synchronous ones and SIGCHLD (tini's sigmask). */
const FORWARDED: readonly Signal[] = [
  'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGCONT', 'SIGTSTP', 'SIGWINCH',
];

function lookPath(sys: Sys, file: string): string {
  if (file.includes('/')) return file;
  for (const dir of (sys.env.PATH ?? '').split(':')) {
    const p = `${dir || '.'}/${file}`;
    try {
      if (sys.fs.stat(p).type === 'file') return p;
    } catch {
      // next directory
    }
  }
  return file;
}

/** The child between tini's fork and its execvp: its own process group, the terminal's foreground. */
function child(cmd: readonly string[]): Program {
  return async (sys) => {
    if (sys.isatty(0)) {
      const ttou = sys.signal('SIGTTOU', 'ignore');
      try {
        sys.tcsetpgrp(0, sys.getpgrp());
      } catch {
        // not our terminal: tini carries on
      }
      sys.signal('SIGTTOU', ttou);
    }
    const path = lookPath(sys, cmd[0]);
    try {
      return await sys.exec(path, cmd);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      await sys.write(2, `[FATAL tini (${sys.pid})] exec ${cmd[0]} failed: ${e.message}\n`);
      return e.code === 'ENOENT' ? 127 : e.code === 'EACCES' ? 126 : 1;
    }
  };
}

export const dockerInit: Program = async (sys) => {
  const args = sys.argv.slice(1);
  const cmd = args[0] === '--' ? args.slice(1) : args;
  if (cmd.length === 0) {
    await sys.write(2, `${sys.argv[0]} (tini version 0.19.0 - git.de40ad0)\nUsage: ${sys.argv[0]} [OPTIONS] PROGRAM -- [ARGS] | --version\n`);
    return 1;
  }
  let pid = 0;
  for (const s of FORWARDED) {
    sys.signal(s, (sig) => {
      if (pid === 0) return;
      try {
        sys.kill(pid, sig);
      } catch {
        // the child is gone; its exit is collected below
      }
    });
  }
  pid = sys.spawn({ program: child(cmd), argv: [...cmd], pgid: 0 });
  for (;;) {
    let st;
    try {
      st = await sys.wait();
    } catch (e) {
      if (e instanceof SysError && e.code === 'ECHILD') return 1;
      throw e;
    }
    if (st && st.pid === pid) return st.status;
  }
};
