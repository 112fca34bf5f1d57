/**
 * POST /containers/{id}/wait (moby daemon/wait.go): `not-running` (default) answers at once for a stopped
 * container, `next-exit` waits for the next exit, `removed` for the removal. Blocks the calling process.
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
    : () => gone() || !c.State.Running;
  await blockUntil(engine.kernel, d.sys, engine.changed, ready);
  return c.State.Error ? { StatusCode: c.State.ExitCode, Error: c.State.Error } : { StatusCode: c.State.ExitCode };
}
