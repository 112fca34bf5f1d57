/**
 * Everything a start needs before PID 1 can be spawned (moby containerStart + libnetwork + runc create):
 * the mount namespace, the user and executable resolved inside the container, the cgroup, the network
 * endpoint, the /etc files with the new address, and the terminal. Used by `docker start` and by the shim for
 * restart-policy restarts. Throws the OCI error (with the exit code recorded) before touching the network.
 */
import { Cgroup } from '../../kernel/cgroup.js';
import type { Container } from '../container.js';
import { conflict, isDaemonError, notFound, systemError } from '../../../pkg/errdefs.js';
import type { DaemonStore } from '../store.js';
import { containerMounts, INIT_PATH, resolvConfUpstream, writeContainerFiles } from './rootfs.js';
import { linkedEnv } from '../network/links.js';
import { emptyEndpoint } from './network.js';
import { daemonEnvironment, envRecord, lookPath, resolveUser, startFailure } from './runc.js';
import type { ContainerRuntime } from './task.js';
import { emitOutput } from './output.js';
import { publishPorts, startProxies } from '../network/ports.js';
import { points } from '../volume/points.js';
import { normalize } from '../../fs/vfs.js';
import type { FsContext } from '../../kernel/fsTypes.js';

/**
 * Docker sets no pids limit by default; a browser tab cannot hold a fork bomb's 32,768 shells (~1.3 GB), so a
 * container without `--pids-limit` still stops forking at 4,096 processes (inspect keeps showing null).
 */
export const PIDS_GUARD = 4096;

const ROOT_CRED = { uid: 0, gid: 0, groups: [0] };
const CALLER = { hostPid: 0 };
// Literals, not `{ ...ROOT_CTX, cwd }`: a key added to a spread object gives it a hidden class of its own, and
// the VFS reads these contexts on every path walk.
const rootCtx = (cwd: string): FsContext => ({ cred: ROOT_CRED, umask: 0o022, caller: CALLER, cwd });

export function prepareStart(engine: DaemonStore, c: Container, rt: ContainerRuntime): void {
  const k = engine.kernel;
  rt.startError = null;
  // initializeNetworking: a container: network is checked before anything else, and lends its hostname.
  const netc = networkedContainer(engine, c);
  if (netc) c.Config.Hostname = netc.Config.Hostname;
  if (!c.HostnamePath) c.assignRuntimePaths();
  if (netc) {
    c.HostnamePath = netc.HostnamePath;
    c.HostsPath = netc.HostsPath;
    c.ResolvConfPath = netc.ResolvConfPath;
  }
  const mnt = containerMounts(engine, c, rt, false);
  const fs = mnt.view(rootCtx('/'));
  const found0 = perImage(rt, imageAnswers(c, rt, []), `user\0${c.Config.User}`, () => resolveUser(fs, c.Config.User));
  if ('error' in found0) throw fail(c, startFailure(found0.error), 126);
  // The cache's answer is shared: each process gets credentials of its own.
  const user = { home: found0.home, cred: { ...found0.cred, groups: [...found0.cred.groups] } };
  const envList = daemonEnvironment(c.Config.Hostname, c.Config.Tty, c.Config.Env, linkedEnv(engine, c));
  const env = envRecord(envList, user.home);
  const cwd = c.Config.WorkingDir || '/';
  if (!fs.exists(cwd)) fs.mkdir(cwd, { recursive: true, mode: 0o755 });
  if (c.HostConfig.Init) {
    // runc starts docker-init, which looks the command up itself (and reports a missing one as tini does).
    rt.spec = { path: INIT_PATH, argv: [INIT_PATH, '--', c.Path].concat(c.Args), env, cwd, cred: user.cred };
  } else {
    const cached = imageAnswers(c, rt, [cwd, c.Path, env.PATH ?? '']);
    const found = perImage(rt, cached, `path\0${c.Config.User}\0${cwd}\0${env.PATH}\0${c.Path}`, () =>
      lookPath(mnt.view({ cred: user.cred, umask: 0o022, caller: CALLER, cwd }), c.Path, env.PATH ?? ''));
    if (!found.ok) throw fail(c, startFailure(found.message), found.code);
    // concat, not a spread: the list PID 1 keeps as its argv for its whole life is made at its size.
    rt.spec = { path: found.path, argv: [c.Path].concat(c.Args), env, cwd, cred: user.cred };
  }

  const h = c.HostConfig;
  rt.cgroup = new Cgroup(
    `/system.slice/docker-${c.ID}.scope`, engine.systemSlice,
    h.PidsLimit !== null && h.PidsLimit > 0 ? h.PidsLimit : PIDS_GUARD, h.Memory > 0 ? h.Memory : Infinity,
  );
  rt.cgroup.onOomKill = oomWatch(engine, c);
  const mode = h.NetworkMode;
  if (netc) rt.netns = engine.runtime(netc).netns ?? k.hostNet;
  else if (mode === 'none' || mode === 'host') engine.bridge.attachPredefined(c, rt, mode);
  else if (mode === 'bridge') engine.bridge.connect(c, rt, engine.ipam);
  else connectUserNetwork(engine, c, rt, mode);
  if (!netc && mode !== 'none' && mode !== 'host') {
    // Networks connected besides the first (`docker network connect` while stopped): eth1, eth2…
    for (const name of [...c.Networks.keys()]) if (name !== mode) connectUserNetwork(engine, c, rt, name);
    publishOrUndo(engine, c, rt, mode);
  }
  writeContainerFiles(engine, c, rt, netc ? engine.runtime(netc) : undefined);
  if (c.Config.Tty) {
    const tty = k.createTty(mnt);
    const [rows, cols] = h.ConsoleSize;
    if (rows > 0 && cols > 0) tty.resize(rows, cols);
    rt.tty = tty;
    rt.ttySub = tty.onOutput((data) => emitOutput(c, rt, 'stdout', data));
    rt.flushInput();
  }
}

/**
 * containerd's OOM watch (TaskOOM) → moby's ProcessEvent(EventOOM): flagged at once, even if PID 1 lives on. Made
 * apart from prepareStart, whose scope (the start's filesystem view, user, environment) a closure made there
 * would keep for the container's life.
 */
function oomWatch(engine: DaemonStore, c: Container): () => void {
  return () => {
    c.State.OOMKilled = true;
    engine.containerEvent(c, 'oom');
    engine.notify();
  };
}

/**
 * The ports of the endpoint on the container's first network (libnetwork's ProgramExternalConnectivity, which
 * an internal network has none of); a failure takes the endpoints away again.
 */
function publishOrUndo(engine: DaemonStore, c: Container, rt: ContainerRuntime, mode: string): void {
  const ep = c.Networks.get(mode);
  if (!ep) return;
  const user = mode === 'bridge' ? null : engine.networks.byName(mode);
  if (user?.internal) return;
  try {
    publishPorts(engine, c, ep.IPAddress, user ? user.iface : engine.bridge.segment.name);
    startProxies(engine, c);
  } catch (e) {
    if (!isDaemonError(e)) throw e;
    engine.networks.endpoints.detachAll(c, rt);
    engine.bridge.disconnect(c, rt, engine.ipam);
    throw systemError(`failed to set up container networking: driver failed programming external connectivity on endpoint ${c.Name.slice(1)} (${ep.EndpointID}): ${e.message}`);
  }
}

/** Joins a user-defined network, or fails the start as Docker does when it has gone. */
function connectUserNetwork(engine: DaemonStore, c: Container, rt: ContainerRuntime, name: string): void {
  const n = engine.networks.byName(name);
  if (!n) {
    // A network connected while the container was stopped has gone since: nothing of this start stays plugged in.
    engine.networks.endpoints.detachAll(c, rt);
    engine.bridge.disconnect(c, rt, engine.ipam);
    throw notFound(`failed to set up container networking: network ${name} not found`);
  }
  engine.networks.endpoints.attach(c, rt, n, c.Networks.get(name) ?? emptyEndpoint(), resolvConfUpstream(engine, c));
}

/** getNetworkedContainer: the container whose network namespace `--network container:X` joins, running. */
function networkedContainer(engine: DaemonStore, c: Container): Container | null {
  const mode = c.HostConfig.NetworkMode;
  if (!mode.startsWith('container:')) return null;
  const ref = mode.slice('container:'.length);
  let nc: Container;
  try {
    nc = engine.getContainer(ref);
  } catch (e) {
    if (isDaemonError(e, 'NotFound')) throw systemError(`joining network namespace of container: ${e.message}`);
    throw e;
  }
  if (nc.ID === c.ID) throw systemError('cannot join own network namespace');
  if (!nc.State.Running) {
    throw conflict(`cannot join network namespace of a non running container: container ${nc.Name.slice(1)} is ${nc.State.stateString()}`);
  }
  if (nc.State.Restarting) {
    throw systemError(`cannot join network namespace of container: Container ${ref} is restarting, wait until the container is running`);
  }
  return nc;
}

/**
 * What runc reads from a container's filesystem (the user in /etc/passwd, the executable on PATH) depends on
 * its image alone while nothing the lookups can reach differs from the image, and failed lookups are the
 * expensive part, so the answers are cached per image (keyed by its top layer and the lookup's inputs).
 */
const perImageCache = new WeakMap<object, Map<string, unknown>>();
/** Per image: the names its lookups can reach (Overlay.lowerReachableNames). */
const reachable = new WeakMap<object, Set<string>>();
/** What resolveUser reads. */
const USER_FILES = ['etc', 'passwd', 'group'];

const topName = (path: string): string => {
  const i = path.charCodeAt(0) === 47 ? 1 : 0;
  const j = path.indexOf('/', i);
  return path.slice(i, j < 0 ? path.length : j);
};

/**
 * Whether the image's answers hold for this container: everything it wrote and everything mounted into it
 * (volumes, binds, tmpfs) lies under top-level names the image has not got, that none of its symlinks names
 * and that no path the lookups start from (working directory, command, PATH) contains — a volume at /data, say,
 * whose mount point is the container's one change. A write or mount under /etc, /usr or a PATH directory is
 * read afresh.
 */
function imageAnswers(c: Container, rt: ContainerRuntime, lookupPaths: readonly string[]): boolean {
  const changed = rt.rootfs.upperTopNames();
  const mounts = points.get(c);
  const tmpfs = (c.HostConfig as { Tmpfs?: Record<string, string> }).Tmpfs;
  if (changed.length === 0 && !mounts?.size && !tmpfs) return true;
  let image = reachable.get(rt.imageKey);
  if (!image) reachable.set(rt.imageKey, (image = rt.rootfs.lowerReachableNames()));
  const reached = image;
  const harmless = (top: string): boolean =>
    top !== '' && !reached.has(top) && !USER_FILES.includes(top) && !lookupPaths.some((p) => hasComponent(p, top));
  if (!changed.every(harmless)) return false;
  for (const m of mounts?.values() ?? []) if (!harmless(topName(normalize(m.Destination)))) return false;
  return Object.keys(tmpfs ?? {}).every((d) => harmless(topName(normalize(d))));
}

/** Whether `name` is a whole component of a path or a PATH list (between `/`, `:` or the ends). */
function hasComponent(s: string, name: string): boolean {
  for (let i = s.indexOf(name); i >= 0; i = s.indexOf(name, i + 1)) {
    const before = i === 0 ? 47 : s.charCodeAt(i - 1);
    const end = i + name.length;
    const after = end === s.length ? 47 : s.charCodeAt(end);
    if ((before === 47 || before === 58) && (after === 47 || after === 58)) return true;
  }
  return false;
}

function perImage<T>(rt: ContainerRuntime, cached: boolean, key: string, run: () => T): T {
  if (!cached) return run();
  let m = perImageCache.get(rt.imageKey);
  if (!m) perImageCache.set(rt.imageKey, (m = new Map()));
  if (!m.has(key)) m.set(key, run());
  return m.get(key) as T;
}

function fail(c: Container, err: ReturnType<typeof startFailure>, code: number): ReturnType<typeof startFailure> {
  c.State.ExitCode = code;
  return err;
}
