/** Where a container's output goes: its log, and every attached client. */
import type { Sys } from '../../kernel/sys.js';
import { blockUntil } from '../block.js';
import type { Container } from '../container.js';
import type { DaemonStore } from '../store.js';
import type { LogStream } from '../logs.js';
import type { ContainerRuntime } from './task.js';

export function emitOutput(c: Container, rt: ContainerRuntime, stream: LogStream, text: string): void {
  if (c.HostConfig.LogConfig.Type !== 'none') c.logs.write(stream, text);
  if (rt.sinks) {
    for (const s of rt.sinks) s.data(stream, text);
    rt.holdIfCongested();
  }
}

/** The container's streams ended (its PID 1 exited): flush the log, end followers and attached clients. */
export function closeOutput(c: Container, rt: ContainerRuntime): void {
  c.logs.close();
  if (rt.sinks) {
    const sinks = [...rt.sinks];
    rt.sinks.clear();
    for (const s of sinks) s.close();
  }
}

/** How long dockerd waits for a dead container's output to reach its attached clients (monitor.go). */
export const STREAM_WAIT_MS = 2000;

/**
 * PID 1 exited: end the attached clients' streams and wait, at most STREAM_WAIT_MS, until each has had
 * everything, as dockerd's handleContainerExit waits (StreamConfig.Wait) before the exit is reported. A
 * client doing `attach` then `wait` (dockerode's usual pattern) so gets the last output before the exit code.
 */
export async function drainAttached(engine: DaemonStore, sys: Sys, rt: ContainerRuntime): Promise<void> {
  if (!rt.sinks || rt.sinks.size === 0) return;
  const sinks = [...rt.sinks];
  rt.sinks.clear();
  for (const s of sinks) s.close();
  await blockUntil(engine.kernel, sys, engine.changed, () => sinks.every((s) => s.delivered?.() ?? true), STREAM_WAIT_MS);
}
