/** Where a container's output goes: its log, and every attached client. */
import type { Container } from '../container.js';
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
