/**
 * Everything a start needs before PID 1 can be spawned (moby containerStart + libnetwork + runc create):
 * the mount namespace, the user and executable resolved inside the container, the cgroup, the network
 * endpoint, the /etc files with the new address, and the terminal. Used by `docker start` and by the shim for
 * restart-policy restarts. Throws the OCI error (with the exit code recorded) before touching the network.
 */
import { Cgroup } from '../../kernel/cgroup.js';
import type { Container } from '../container.js';
import type { DockerEngine } from '../engine.js';
import { containerMounts, writeContainerFiles } from './rootfs.js';
import { daemonEnvironment, envRecord, lookPath, resolveUser, startFailure, type LookPathResult } from './runc.js';
import type { ContainerRuntime } from './task.js';
import { emitOutput } from './output.js';

const ROOT_CTX = { cred: { uid: 0, gid: 0, groups: [0] }, umask: 0o022, caller: { hostPid: 0 } };

export function prepareStart(engine: DockerEngine, c: Container, rt: ContainerRuntime): void {
  const k = engine.kernel;
  if (!c.HostnamePath) c.assignRuntimePaths();
  rt.startError = null;
  const mnt = containerMounts(engine, c, rt);
  const fs = mnt.view({ ...ROOT_CTX, cwd: '/' });
  const user = resolveUser(fs, c.Config.User);
  if ('error' in user) throw fail(c, startFailure(user.error), 126);
  const envList = daemonEnvironment(c.Config.Hostname, c.Config.Tty, c.Config.Env);
  const env = envRecord(envList, user.home);
  const cwd = c.Config.WorkingDir || '/';
  if (!fs.exists(cwd)) fs.mkdir(cwd, { recursive: true, mode: 0o755 });
  const found = cachedLookPath(rt, () => lookPath(mnt.view({ ...ROOT_CTX, cred: user.cred, cwd }), c.Path, env.PATH ?? ''), `${c.Config.User}\0${cwd}\0${env.PATH}\0${c.Path}`);
  if (!found.ok) throw fail(c, startFailure(found.message), found.code);
  rt.spec = { path: found.path, argv: [c.Path, ...c.Args], env, cwd, cred: user.cred };

  const h = c.HostConfig;
  rt.cgroup = new Cgroup(
    `/system.slice/docker-${c.ID}.scope`, engine.systemSlice,
    h.PidsLimit !== null && h.PidsLimit > 0 ? h.PidsLimit : Infinity, h.Memory > 0 ? h.Memory : Infinity,
  );
  if (h.NetworkMode !== 'none' && h.NetworkMode !== 'host') engine.bridge.connect(c, rt, engine.ipam);
  writeContainerFiles(engine, c, rt);
  if (c.Config.Tty) {
    const tty = k.createTty();
    const [rows, cols] = h.ConsoleSize;
    if (rows > 0 && cols > 0) tty.resize(rows, cols);
    rt.tty = tty;
    rt.ttySub = tty.onOutput((data) => emitOutput(c, rt, 'stdout', data));
    rt.flushInput();
  }
}

/**
 * PATH lookups of an untouched container depend on its image alone, and failed lookups are the expensive part
 * (each miss is an exception), so they are cached per image (keyed by its bottom layer and the lookup's inputs).
 */
const lookups = new WeakMap<object, Map<string, LookPathResult>>();

function cachedLookPath(rt: ContainerRuntime, run: () => LookPathResult, key: string): LookPathResult {
  const image = rt.imageKey;
  if (rt.rootfs.changes().length > 0) return run();
  let m = lookups.get(image);
  if (!m) lookups.set(image, (m = new Map()));
  let r = m.get(key);
  if (!r) m.set(key, (r = run()));
  return r;
}

function fail(c: Container, err: ReturnType<typeof startFailure>, code: number): ReturnType<typeof startFailure> {
  c.State.ExitCode = code;
  return err;
}
