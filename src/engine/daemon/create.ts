/**
 * `docker create` (moby daemon/create.go): validate the host config, find the image, merge its config into
 * the container's (runconfig.Merge), reserve the name, and make the RW layer. Nothing runs yet.
 */
import { Container, defaultConfig, defaultHostConfig, type ContainerConfig, type HostConfig } from './container.js';
import type { DaemonContext } from './context.js';
import { invalidParameter } from './errdefs.js';
import { generateID, shortID } from './ids.js';
import type { Image } from './images/store.js';
import { isRestartPolicyNone, validateRestartPolicy } from './restart.js';
import { emptyEndpoint } from './runtime/network.js';
import { newRootfs } from './runtime/rootfs.js';
import { ContainerRuntime } from './runtime/task.js';

/** The Config part of POST /containers/create: anything left out takes Docker's default. */
export type CreateConfig = Partial<ContainerConfig> & { readonly Image: string };
export type CreateHostConfig = Partial<HostConfig>;

export interface CreateResponse {
  readonly Id: string;
  readonly Warnings: string[];
}

function validateHostConfig(h: HostConfig): void {
  const bad = validateRestartPolicy(h.RestartPolicy);
  if (bad) throw bad;
  if (h.AutoRemove && !isRestartPolicyNone(h.RestartPolicy)) {
    throw invalidParameter("can't create 'AutoRemove' container with restart policy");
  }
}

/** runconfig.Merge: the image's config fills what the user left empty. */
export function mergeImageConfig(user: ContainerConfig, img: Image): void {
  const ic = img.config;
  if (user.User === '') user.User = ic.User;
  if (user.Env.length === 0) user.Env = [...ic.Env];
  else {
    const keys = new Set(user.Env.map((kv) => kv.split('=')[0]));
    for (const kv of ic.Env) if (!keys.has(kv.split('=')[0])) user.Env.push(kv);
  }
  user.Labels = { ...ic.Labels, ...user.Labels };
  if (!user.Entrypoint || user.Entrypoint.length === 0) {
    if (!user.Cmd || user.Cmd.length === 0) user.Cmd = ic.Cmd ? [...ic.Cmd] : null;
    if (user.Entrypoint === null) user.Entrypoint = ic.Entrypoint ? [...ic.Entrypoint] : null;
  }
  if (user.WorkingDir === '') user.WorkingDir = ic.WorkingDir;
  if (!user.StopSignal && ic.StopSignal) user.StopSignal = ic.StopSignal;
}

export function containerCreate(d: DaemonContext, config: CreateConfig, hostConfig: CreateHostConfig = {}, name = ''): CreateResponse {
  const engine = d.engine;
  const h: HostConfig = { ...defaultHostConfig(), ...stripUndefined(hostConfig) };
  if (h.NetworkMode === '' || h.NetworkMode === 'default') h.NetworkMode = 'bridge';
  validateHostConfig(h);
  const image = engine.images.resolve(config.Image);
  const cfg: ContainerConfig = { ...defaultConfig(config.Image, ''), ...stripUndefined(config) };
  cfg.Env = [...(config.Env ?? [])];
  cfg.Labels = { ...(config.Labels ?? {}) };
  mergeImageConfig(cfg, image);
  if ((cfg.Entrypoint?.length ?? 0) === 0 && (cfg.Cmd?.length ?? 0) === 0) throw invalidParameter('No command specified');

  const id = generateID(engine.kernel.prng);
  const canonical = name ? engine.names.reserveName(id, name) : engine.names.generateNewName(id, engine.kernel.prng);
  if (cfg.Hostname === '') cfg.Hostname = shortID(id);
  const c = new Container({
    id, name: canonical, createdNs: engine.nowNs(), imageId: image.id, config: cfg, hostConfig: h,
    rwLayerId: engine.kernel.prng.hex(32), imageLayerIds: image.cacheIds, now: () => engine.nowNs(),
    maxLogBytes: engine.maxLogBytes,
  });
  if (h.NetworkMode === 'bridge') c.Networks.set('bridge', emptyEndpoint());
  engine.containers.set(id, c);
  engine.runtimes.set(id, new ContainerRuntime(newRootfs(engine, image), image.layers[0]));
  engine.containerEvent(c, 'create');
  return { Id: id, Warnings: [] };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
