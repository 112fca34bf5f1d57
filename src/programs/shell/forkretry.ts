/**
 * fork(2) failing with EAGAIN (the user's or the cgroup's task limit: a fork bomb), as bash's make_child meets it:
 * it says `fork: retry: …` and tries again after 1, 2, 4 and 8 s, then says `fork: …` and abandons the command
 * line with status 126 (EX_NOEXEC). Both are sys_error lines: the shell's name, never a line number.
 */
import { STRERROR, SysError } from '../../engine/kernel/errno.js';
import { ShellError } from './errors.js';
import type { ShellContext } from './context.js';

/** bash's FORKSLEEP_MAX, in seconds: the back-off doubles from 1 s while below it. */
const FORKSLEEP_MAX = 16;
const EX_NOEXEC = 126;

/** bash's throw_to_top_level after a failed fork: unwinds the shell to its top (its prompt, or a subshell's exit). */
export class ForkFailed {
  readonly status = EX_NOEXEC;
}

export async function forkRetrying(sh: ShellContext, fork: () => number): Promise<number> {
  for (let forksleep = 1; ; forksleep *= 2) {
    try {
      return fork();
    } catch (e) {
      if (!(e instanceof SysError && e.code === 'EAGAIN')) throw e;
      // dash does not retry: its one line, as before.
      if (sh.flavor !== 'bash') throw forkFailed();
    }
    if (forksleep >= FORKSLEEP_MAX) break;
    await sysError(sh, 'fork: retry');
    await sh.sys.sleep(forksleep * 1000);
  }
  await sysError(sh, 'fork');
  throw new ForkFailed();
}

async function sysError(sh: ShellContext, what: string): Promise<void> {
  await sh.writeErr(`${sh.diagName ?? sh.name}: ${what}: ${STRERROR.EAGAIN}\n`);
}

/** dash's one line for the same (it does not retry). */
export function forkFailed(): ShellError {
  return new ShellError('fork: Resource temporarily unavailable', 254);
}
