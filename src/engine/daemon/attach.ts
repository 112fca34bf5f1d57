/**
 * `docker attach` / `run -a` / `start -a` (moby daemon/attach.go): the container's stdio for one client. With
 * `logs`, the history first; with `stream`, live output until the container exits. Input goes to the TTY or to
 * PID 1's stdin pipe, whichever the container has when the client types.
 */
import type { DaemonContext } from './context.js';
import { conflict } from './errdefs.js';
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
  const engine = d.engine;
  const c = engine.getContainer(name);
  if (c.State.Paused) throw conflict(`container ${name} is paused, unpause the container before attach`);
  if (c.State.Restarting) throw conflict(`container ${name} is restarting, wait until the container is running`);
  const rt = engine.runtime(c);
  const want = { stdout: opts.stdout ?? false, stderr: opts.stderr ?? false };
  const session = new IoSession(engine, d.sys, c.Config.Tty, want, {
    input: opts.stdin
      ? (data) => rt.input(data)
      : undefined,
    closeInput: () => {
      if (c.Config.StdinOnce && !c.Config.Tty) rt.closeStdin();
    },
    resize: (rows, cols) => rt.tty?.resize(rows, cols),
    detach: () => {
      rt.removeSink(session);
      engine.containerEvent(c, 'detach');
    },
  }, opts.detachKeys ? detachSequence(opts.detachKeys) : undefined);
  if (opts.logs) for (const e of c.logs.read({ stdout: want.stdout, stderr: want.stderr })) session.data(e.stream, e.line);
  if (opts.stream ?? true) rt.addSink(session);
  else session.close();
  engine.containerEvent(c, 'attach');
  return session;
}

/** `--detach-keys ctrl-x,y` → the bytes. */
export function detachSequence(spec: string): string {
  return spec
    .split(',')
    .map((k) => {
      const m = /^ctrl-(.)$/.exec(k);
      if (!m) return k;
      const ch = m[1];
      if (ch === '@') return '\x00';
      if (ch === '[') return '\x1b';
      if (ch === '\\') return '\x1c';
      if (ch === ']') return '\x1d';
      if (ch === '^') return '\x1e';
      if (ch === '_') return '\x1f';
      return String.fromCharCode(ch.toLowerCase().charCodeAt(0) - 96);
    })
    .join('');
}
