/**
 * POST /containers/{id}/wait (moby daemon/wait.go): `not-running` (default) answers at once for a stopped
 * container and else at its next exit (restarting or not), `next-exit` waits for the next exit, `removed` for
 * the removal. Blocks the calling process.
 */
import { blockUntil } from './block.js';
import type { DaemonContext } from './context.js';
import { invalidParameter } from '../../pkg/errdefs.js';
import type { WaitCondition, WaitResult } from './state.js';

export async function containerWait(d: DaemonContext, name: string, condition: WaitCondition | '' = 'not-running'): Promise<WaitResult> {
  const cond = condition || 'not-running';
  if (!['not-running', 'next-exit', 'removed'].includes(cond)) throw invalidParameter(`invalid condition: "${cond}"`);
  const engine = d.store;
  const c = engine.getContainer(name);
  const rt = engine.runtime(c);
  const exits = rt.exits;
  const gone = (): boolean => !engine.containers.has(c.ID);
  const ready =
    cond === 'removed' ? gone
    : cond === 'next-exit' ? () => gone() || rt.exits > exits
    // State.SetRestarting wakes the stop waiters too: a container its restart policy brings back has stopped
    // running once, and `wait` answers with that exit instead of waiting for a stop that may never come.
    : () => gone() || !c.State.Running || rt.exits > exits;
  await blockUntil(engine.kernel, d.sys, engine.changed, ready);
  return c.State.Error ? { StatusCode: c.State.ExitCode, Error: c.State.Error } : { StatusCode: c.State.ExitCode };
}
