/**
 * waitExitOrRemoved (docker/cli utils.go): registers a wait with the daemon BEFORE the container starts,
 * so a container that exits at once is not missed. `removed` (for --rm) waits until the daemon has also
 * deleted it. Any failure to wait counts as status 125.
 */
import type { CommandCli } from '../cli.js';
import { passProcessEnd } from '../errors.js';

export async function waitExitOrRemoved(cli: CommandCli, id: string, removed: boolean): Promise<() => Promise<number>> {
  let handle;
  try {
    handle = await cli.client().containerWait(id, removed ? 'removed' : 'next-exit');
  } catch (e) {
    passProcessEnd(e);
    return async () => 125;
  }
  const result = handle.result().then(
    (r) => (r.Error ? 125 : r.StatusCode),
    (e: unknown) => {
      passProcessEnd(e);
      return 125;
    },
  );
  // The CLI may be killed (SIGHUP from a closed terminal) before anyone awaits the result: not unhandled.
  result.catch(() => undefined);
  return () => result;
}

/** In.CheckTty: a TTY session with stdin needs a terminal on this side too. */
export function checkTty(cli: CommandCli, attachStdin: boolean, tty: boolean): void {
  if (tty && attachStdin && !cli.in.isTerminal()) throw new Error('the input device is not a TTY');
}
