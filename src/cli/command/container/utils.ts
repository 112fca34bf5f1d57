/** What docker/cli's container/utils.go shares between the container commands. */
import type { CommandCli } from '../../cli.js';
import { EscapeError, joinErrors, passProcessEnd } from '../../errors.js';

/**
 * waitExitOrRemoved: registers a wait with the daemon BEFORE the container starts, so a container that exits
 * at once is not missed. `removed` (for --rm) waits until the daemon has also deleted it. Any failure to wait
 * counts as status 125.
 */
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

/**
 * parallelOperation (stop, kill, pause, unpause, rm…): one request per container, each success printed as
 * the name was given, failures joined into one error printed at the end.
 */
export async function forEachContainer(cli: CommandCli, names: readonly string[],
  op: (name: string) => Promise<void>, onError?: (name: string, e: unknown) => Promise<boolean>): Promise<void> {
  const errs: unknown[] = [];
  for (const name of names) {
    try {
      await op(name);
    } catch (e) {
      passProcessEnd(e);
      if (onError && (await onError(name, e))) continue;
      errs.push(e);
      continue;
    }
    await cli.out.write(name + '\n');
  }
  const err = joinErrors(errs);
  if (err) throw err;
}

/** Waits for an attached container's streams to end; false when the user detached with the escape keys. */
export async function streamsEnded(streaming: Promise<void>): Promise<boolean> {
  try {
    await streaming;
    return true;
  } catch (e) {
    passProcessEnd(e);
    if (e instanceof EscapeError) return false;
    throw e;
  }
}
