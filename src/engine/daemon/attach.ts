/**
 * `docker attach` / `run -a` / `start -a` (moby daemon/attach.go): the container's stdio for one client. With
 * `logs`, the history first; with `stream`, live output until the container exits or the client detaches.
 * Input goes to the TTY or to PID 1's stdin pipe, whichever the container has when the client types.
 */
import type { DaemonContext } from './context.js';
import { conflict, invalidParameter } from '../../pkg/errdefs.js';
import { DEFAULT_DETACH_KEYS, detachKeyBytes } from './escape.js';
import { IoSession } from './session.js';

export interface AttachOptions {
  readonly stdin?: boolean;
  readonly stdout?: boolean;
  readonly stderr?: boolean;
  readonly logs?: boolean;
  readonly stream?: boolean;
  readonly detachKeys?: string;
}

export function containerAttach(d: DaemonContext, name: string, opts: AttachOptions = {}): IoSession {
  const keys = opts.detachKeys ? detachKeyBytes(opts.detachKeys) : DEFAULT_DETACH_KEYS;
  if (keys === null) throw invalidParameter(`Invalid detach keys (${opts.detachKeys}) provided`);
  const engine = d.store;
  const c = engine.getContainer(name);
  if (c.State.Paused) throw conflict(`container ${name} is paused, unpause the container before attach`);
  if (c.State.Restarting) throw conflict(`container ${name} is restarting, wait until the container is running`);
  const rt = engine.runtime(c);
  const want = { stdout: opts.stdout ?? false, stderr: opts.stderr ?? false };
  // dockerd ignores a client's stdin for a container created without OpenStdin (`-t` without `-i`).
  const stdin = (opts.stdin ?? false) && c.Config.OpenStdin;
  const session = new IoSession(engine, d.sys, c.Config.Tty, want, {
    input: stdin ? (data) => rt.input(data) : undefined,
    // moby's attach copier when the client's input ends: EOF on the container's stdin for a StdinOnce
    // container without a TTY (`echo hi | docker run -i …`); otherwise the attach itself ends (the docker CLI
    // closes its write side when it sees the detach keys, and then waits for the attach to end).
    closeInput: () => {
      if (!stdin) return;
      if (c.Config.StdinOnce && !c.Config.Tty) rt.closeStdin();
      else session.detach();
    },
    resize: (rows, cols) => rt.tty?.resize(rows, cols),
    detach: () => rt.removeSink(session),
    escaped: () => engine.containerEvent(c, 'detach'),
  }, keys);
  if (opts.logs) for (const e of c.logs.read({ stdout: want.stdout, stderr: want.stderr })) session.data(e.stream, e.line);
  if (opts.stream ?? true) rt.addSink(session);
  else session.close();
  engine.containerEvent(c, 'attach');
  return session;
}
