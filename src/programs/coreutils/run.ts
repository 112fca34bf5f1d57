/** Running a command from a program (xargs, find -exec) and waiting for it, as fork + execvp + waitpid. */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys, WaitStatus } from '../../engine/kernel/sys.js';
import { resolveCommand } from './pathsearch.js';

export type RunResult = { readonly status: WaitStatus } | { readonly error: 'ENOENT' | 'EACCES' | string; readonly message: string };

export async function runCommand(sys: Sys, argv: readonly string[], stdinFd = 0): Promise<RunResult> {
  let path: string;
  try {
    path = resolveCommand(sys, argv[0], sys.env.PATH);
    const pid = sys.spawn({ path, argv, fds: { 0: stdinFd, 1: 1, 2: 2 } });
    const status = await sys.wait(pid);
    return { status: status! };
  } catch (err) {
    if (!isSysError(err)) throw err;
    return { error: err.code, message: err.message };
  }
}
