/**
 * GET /containers/{id}/logs (moby daemon/logs.go): the history from the container's log buffer (`tail`,
 * `since`, `until`), then with `follow` new lines as they are written, until the container stops.
 */
import type { DaemonContext } from './context.js';
import { DaemonError, invalidParameter } from '../../pkg/errdefs.js';
import type { LogEntry } from './logs.js';
import { StreamQueue } from './session.js';

export interface LogsOptions {
  readonly stdout?: boolean;
  readonly stderr?: boolean;
  readonly follow?: boolean;
  /** Epoch nanoseconds, inclusive. */
  readonly sinceNs?: bigint;
  readonly untilNs?: bigint;
  readonly timestamps?: boolean;
  /** Last N lines; negative or absent: all. */
  readonly tail?: number;
}

export interface LogsReader {
  /** The container has a TTY: one raw stream (the API then sends no multiplexing headers). */
  readonly tty: boolean;
  /** The next entry; null at the end (immediately after the history unless following a running container). */
  next(): Promise<LogEntry | null>;
}

export function containerLogs(d: DaemonContext, name: string, opts: LogsOptions = {}): LogsReader {
  const stdout = opts.stdout ?? false;
  const stderr = opts.stderr ?? false;
  if (!stdout && !stderr) throw invalidParameter('You must choose at least one stream');
  const c = d.store.getContainer(name);
  if (c.HostConfig.LogConfig.Type === 'none') {
    throw new DaemonError('NotImplemented', 'configured logging driver does not support reading');
  }
  const q = new StreamQueue<LogEntry>(d.store, d.sys);
  for (const e of c.logs.read({ tail: opts.tail, sinceNs: opts.sinceNs, untilNs: opts.untilNs, stdout, stderr })) q.push(e);
  const follow = (opts.follow ?? false) && c.State.Running && opts.untilNs === undefined;
  if (follow) {
    const sub = c.logs.follow({
      onEntry: (e) => {
        if (e.stream === 'stdout' ? stdout : stderr) q.push(e);
      },
      onClose: () => q.close(),
    });
    return {
      tty: c.Config.Tty,
      next: async () => {
        const e = await q.next();
        if (e === null) sub.dispose();
        return e;
      },
    };
  }
  q.close();
  return { tty: c.Config.Tty, next: () => q.next() };
}
