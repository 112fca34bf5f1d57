/**
 * `docker exec` (moby daemon/exec.go): `exec create` records the command; `exec start` runs it once, in the
 * container's namespaces, as a child of the container's shim; its exit code is kept for `exec inspect`.
 */
import { deviceFile } from '../kernel/files.js';
import type { OpenFile } from '../kernel/openfile.js';
import type { Container } from './container.js';
import type { DaemonContext } from './context.js';
import { conflict, invalidParameter, notFound, systemError } from '../../pkg/errdefs.js';
import { ExecRecord, type ExecCreateConfig } from './execRecord.js';
import { execEnded, sweepExecs } from './execStore.js';
import { generateID } from './ids.js';
import { notRunning } from './kill.js';
import { containerIsRestarting } from './pause.js';
import { linkedEnv } from './network/links.js';
import { daemonEnvironment, envRecord, execFailure, lookPath, replaceOrAppendEnv, resolveUser, spawnJoined } from './runtime/runc.js';
import { drainedPipe, SinkGate } from './runtime/stdio.js';
import { DEFAULT_DETACH_KEYS, detachKeyBytes } from './escape.js';
import { IoSession } from './session.js';

function activeContainer(d: DaemonContext, name: string): Container {
  const c = d.store.getContainer(name);
  if (!c.State.Running) throw notRunning(c.ID);
  if (c.State.Paused) throw conflict(`Container ${name} is paused, unpause the container before exec`);
  if (c.State.Restarting) throw containerIsRestarting(c.ID);
  return c;
}

export function containerExecCreate(d: DaemonContext, name: string, config: ExecCreateConfig): { Id: string } {
  const c = activeContainer(d, name);
  if (!config.Cmd || config.Cmd.length === 0) throw invalidParameter('No exec command specified');
  // moby returns this one as a plain error (a 500).
  if (config.DetachKeys && detachKeyBytes(config.DetachKeys) === null) throw systemError(`Invalid escape keys (${config.DetachKeys}) provided`);
  const engine = d.store;
  const id = generateID(engine.kernel.prng);
  const env = replaceOrAppendEnv(daemonEnvironment(c.Config.Hostname, config.Tty ?? false, c.Config.Env, linkedEnv(d.store, c)), config.Env ?? []);
  const [entrypoint, ...args] = config.Cmd;
  const rec = new ExecRecord(id, c.ID, entrypoint, args, config, env, config.User || c.Config.User, config.WorkingDir || c.Config.WorkingDir);
  sweepExecs(engine);
  engine.execs.set(id, rec);
  c.ExecIDs.push(id);
  engine.containerEvent(c, `exec_create: ${entrypoint} ${args.join(' ')}`, { execID: id });
  return { Id: id };
}

export interface ExecStartOptions {
  readonly detach?: boolean;
  readonly consoleSize?: readonly [number, number];
}

function execRecord(d: DaemonContext, id: string): ExecRecord {
  sweepExecs(d.store);
  const rec = d.store.execs.get(id);
  if (!rec) throw notFound(`No such exec instance: ${id}`);
  return rec;
}

/**
 * POST /exec/{id}/resize (moby ContainerExecResize): the exec's container must be running, as getExecConfig
 * checks; an exec without a terminal (or not started yet) takes the size and ignores it.
 */
export function containerExecResize(d: DaemonContext, id: string, height: number, width: number): void {
  const rec = execRecord(d, id);
  execContainer(d, rec);
  rec.tty?.resize(height, width);
}

/** The exec's container, which must be running (the container checks of moby's getExecConfig). */
function execContainer(d: DaemonContext, rec: ExecRecord): Container {
  const c = d.store.containers.get(rec.containerId);
  if (!c) throw notFound(`No such container: ${rec.containerId}`);
  if (c.State.Paused) throw conflict(`Container ${c.ID} is paused, unpause the container before exec`);
  if (c.State.Restarting) throw containerIsRestarting(c.ID);
  if (!c.State.Running) throw notRunning(c.ID);
  return c;
}

/** Starts the exec; returns its I/O session, or null when detached. */
export function containerExecStart(d: DaemonContext, id: string, opts: ExecStartOptions = {}): IoSession | null {
  const engine = d.store;
  const k = engine.kernel;
  const rec = execRecord(d, id);
  if (rec.running) throw conflict(`Error: Exec command ${id} is already running`);
  if (rec.started) throw conflict(`Error: Exec command ${id} has already run`);
  const c = execContainer(d, rec);
  const rt = engine.runtime(c);
  rec.started = true;

  const fs = rt.mnt!.view({ cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 0 } });
  const user = resolveUser(fs, rec.user);
  if ('error' in user) {
    rec.exitCode = 126;
    execEnded(engine, c, rec);
    throw execFailure(user.error);
  }
  const env = envRecord(rec.env, user.home);
  const cwd = rec.workingDir || '/';
  const found = lookPath(rt.mnt!.view({ cred: user.cred, cwd, umask: 0o022, caller: { hostPid: 0 } }), rec.entrypoint, env.PATH ?? '');
  if (!found.ok) {
    rec.exitCode = found.code;
    execEnded(engine, c, rec);
    throw execFailure(found.message);
  }
  engine.containerEvent(c, `exec_start: ${rec.entrypoint} ${rec.args.join(' ')}`, { execID: id });

  const tty = rec.config.Tty ?? false;
  const stdin = rec.config.AttachStdin ?? false;
  const session = opts.detach
    ? null
    : new IoSession(engine, d.sys, tty, { stdout: rec.config.AttachStdout ?? true, stderr: rec.config.AttachStderr ?? true }, {
        input: stdin ? (data) => (rec.tty ? rec.tty.input(data) : rec.stdin?.tryWrite(data)) : undefined,
        // moby's exec attach (CloseStdin): the client's input ending closes the process's stdin, or, with a
        // TTY, ends the attach (the process runs on).
        closeInput: () => {
          if (!stdin) return;
          if (!tty) {
            rec.stdin?.release();
            rec.stdin = null;
          } else session?.detach();
        },
        resize: (rows, cols) => rec.tty?.resize(rows, cols),
        escaped: () => engine.containerEvent(c, 'exec_detach', { execID: rec.ID }),
      }, rec.config.DetachKeys ? (detachKeyBytes(rec.config.DetachKeys) ?? DEFAULT_DETACH_KEYS) : DEFAULT_DETACH_KEYS);
  rec.sink = session;
  // A client that cannot keep up holds the exec process, as it holds a container it is attached to.
  const gate = new SinkGate(
    () => (session ? [session] : []),
    () => rec.tty,
  );
  if (session) gate.watch(session);
  const child = spawnJoined(k, rt.pid1!, rt.shim!, { path: found.path, argv: [rec.entrypoint, ...rec.args], env, cwd, cred: user.cred });
  if (tty) {
    const t = k.createTty(rt.mnt!);
    const size = opts.consoleSize ?? rec.config.ConsoleSize;
    if (size && size[0] > 0 && size[1] > 0) t.resize(size[0], size[1]);
    t.onOutput((data) => {
      if (!session) return;
      session.data('stdout', data);
      gate.holdIfCongested();
    });
    rec.tty = t;
    k.attachTty(child, t);
  } else {
    let stdin: OpenFile;
    if (rec.config.AttachStdin && session) {
      const pipe = k.newPipe();
      stdin = pipe.readEnd();
      rec.stdin = pipe.writeEnd();
    } else stdin = deviceFile('null', k.prng);
    k.installFd(child, 0, stdin);
    k.installFd(child, 1, drainedPipe(k.nextIno(), (t) => session?.data('stdout', t), () => {}, k, gate));
    k.installFd(child, 2, drainedPipe(k.nextIno(), (t) => session?.data('stderr', t), () => {}, k, gate));
  }
  rec.pid = child.hostPid;
  rec.running = true;
  rt.execs.set(child.hostPid, rec);
  return session;
}

/** GET /exec/{id}/json. */
export function containerExecInspect(d: DaemonContext, id: string): Record<string, unknown> {
  const rec = execRecord(d, id);
  // moby ContainerExecInspect: an exec whose container is gone is no exec at all.
  if (!d.store.containers.has(rec.containerId)) throw notFound(`No such exec instance: ${id}`);
  return rec.toJSON();
}
