/**
 * `docker create` (moby daemon/create.go): validate the host config, find the image, merge its config into
 * the container's (runconfig.Merge), reserve the name, and make the RW layer. Nothing runs yet.
 */
import { validatePortBindings } from './network/ports.js';
import { Container, defaultConfig, defaultHostConfig, type ContainerConfig, type HostConfig } from './container.js';
import type { DaemonContext } from './context.js';
import { invalidParameter } from '../../pkg/errdefs.js';
import { mergeHealthConfig } from './healthConfig.js';
import { generateID, shortID } from './ids.js';
import { generateNewName } from './namegen.js';
import type { Image } from './images/store.js';
import { isRestartPolicyNone, validateRestartPolicy } from './restartmanager.js';
import { emptyEndpoint } from './runtime/network.js';
import { newRootfs } from './runtime/rootfs.js';
import { ContainerRuntime } from './runtime/task.js';
import { notSimulated, refuseUnsimulated } from './unsimulated.js';
import { endpointConfig, registerLinks, validateEndpoint } from './network/ops.js';
import { registerMounts, validateMounts } from './volume/mounts.js';
import { validateContainerConfig, validateExtraHosts, validateLogConfig, validateRunconfig, verifyResources } from './verify.js';

type Json = Record<string, unknown>;

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
  if (ic.ExposedPorts) user.ExposedPorts = { ...ic.ExposedPorts, ...user.ExposedPorts };
  if (ic.Volumes) user.Volumes = { ...ic.Volumes, ...user.Volumes };
  const health = mergeHealthConfig(user.Healthcheck, ic.Healthcheck);
  if (health) user.Healthcheck = health;
}

/**
 * Checks in moby's order (the request as decoded, the settings, then what dockersim refuses), before the image
 * is looked up: a refused request never triggers the CLI's pull.
 */
function verifyRequest(engine: DaemonContext['store'], config: CreateConfig, hostConfig: CreateHostConfig, merged: HostConfig, networking: Json): string[] {
  const raw = hostConfig as Json;
  validateRunconfig(config as Json, raw);
  validateContainerConfig(config as Json);
  validateHostConfig(merged);
  validateExtraHosts(raw);
  validatePortBindings(raw.PortBindings);
  const warnings = verifyResources(raw);
  validateLogConfig(raw);
  if (raw.NetworkMode === 'host' && (Object.keys((raw.PortBindings ?? {}) as Json).length > 0)) {
    warnings.push('Published ports are discarded when using host network mode');
  }
  validateNetworking(engine, networking);
  refuseUnsimulated(config as Json, raw, networking);
  return warnings;
}

/** validateNetworkingConfig: each endpoint's settings against its network, if it exists yet. */
function validateNetworking(engine: DaemonContext['store'], networking: Json): void {
  const eps = (networking.EndpointsConfig ?? {}) as Record<string, Json | null>;
  const errs: string[] = [];
  for (const [name, v] of Object.entries(eps)) {
    if (v === null) {
      errs.push(`invalid config for network ${name}: EndpointsConfig is nil`);
      continue;
    }
    const bad = validateEndpoint(engine, name, endpointConfig(v));
    if (bad) errs.push(`invalid config for network ${name}: ${bad}`);
  }
  if (errs.length === 1) throw invalidParameter(errs[0].trim());
  if (errs.length > 1) throw invalidParameter(`* ${errs.map((e) => e.replaceAll('\n', '\n\t')).join('\n* ')}`);
  const names = Object.keys(eps);
  if (names.length > 1 && names.some((n) => ['default', 'bridge', 'host', 'none'].includes(n) || n.startsWith('container:'))) {
    throw notSimulated('connecting to a predefined network and another at create (NetworkingConfig.EndpointsConfig)');
  }
}

/** adaptSharedNamespaceContainer: `container:NAME` is kept as `container:<ID>`, so a rename cannot break it. */
function networkMode(engine: DaemonContext['store'], mode: string): string {
  if (mode === '' || mode === 'default') return 'bridge';
  if (!mode.startsWith('container:')) {
    // normalizeNetMode: a user-defined network named by ID is kept by name.
    const found = ['bridge', 'host', 'none'].includes(mode) ? undefined : engine.networks.tryLookup(mode);
    return found && 'net' in found ? found.net.name : mode;
  }
  try {
    return `container:${engine.getContainer(mode.slice('container:'.length)).ID}`;
  } catch {
    return mode; // moby checks only at start
  }
}

export function containerCreate(d: DaemonContext, config: CreateConfig, hostConfig: CreateHostConfig = {}, name = '', networking: Json = {}): CreateResponse {
  const engine = d.store;
  // Merged once: the checks read the same settings the container keeps (building it throws nothing).
  const h: HostConfig = assignDefined(defaultHostConfig(), hostConfig);
  const warnings = verifyRequest(engine, config, hostConfig, h, networking);
  validateMounts(engine, hostConfig as Json);
  const requestedMode = h.NetworkMode || 'default';
  h.NetworkMode = networkMode(engine, h.NetworkMode);
  registerLinks(engine, h.NetworkMode, h.Links);
  if (h.PidsLimit !== null && h.PidsLimit <= 0) h.PidsLimit = null;
  h.LogConfig = { Type: h.LogConfig?.Type || 'json-file', Config: { ...(h.LogConfig?.Config ?? {}) } };
  // adaptContainerSettings: swap defaults to twice the memory limit.
  if (h.Memory > 0 && !h.MemorySwap) h.MemorySwap = h.Memory * 2;
  const image = engine.images.resolve(config.Image);
  const cfg: ContainerConfig = assignDefined(defaultConfig(config.Image, ''), config);
  cfg.Env = [...(config.Env ?? [])];
  cfg.Labels = { ...(config.Labels ?? {}) };
  if (cfg.WorkingDir) cfg.WorkingDir = cleanPath(cfg.WorkingDir);
  mergeImageConfig(cfg, image);
  if ((cfg.Entrypoint?.length ?? 0) === 0 && (cfg.Cmd?.length ?? 0) === 0) throw invalidParameter('No command specified');

  const id = generateID(engine.kernel.prng);
  const canonical = name ? engine.names.reserveName(id, name) : generateNewName(engine.names, id, engine.kernel.prng);
  if (cfg.Hostname === '') cfg.Hostname = h.NetworkMode === 'host' ? engine.kernel.hostUts.hostname : shortID(id);
  const c = new Container({
    id, name: canonical, createdNs: engine.nowNs(), imageId: image.id, config: cfg, hostConfig: h,
    rwLayerId: engine.kernel.prng.hex(32), imageLayerIds: image.cacheIds, now: () => engine.nowNs(),
    maxLogBytes: engine.maxLogBytes,
  });
  // updateContainerNetworkSettings: one empty endpoint on the named network; none for container: mode.
  if (!h.NetworkMode.startsWith('container:')) {
    const eps = (networking.EndpointsConfig ?? {}) as Record<string, Json | null>;
    const own = eps[requestedMode] ?? eps[h.NetworkMode];
    c.Networks.set(h.NetworkMode, own ? endpointConfig(own) : emptyEndpoint());
    for (const [name, v] of Object.entries(eps)) {
      if (name === requestedMode || name === h.NetworkMode) continue;
      const found = engine.networks.tryLookup(name);
      c.Networks.set(found && 'net' in found ? found.net.name : name, endpointConfig(v));
    }
  }
  const rootfs = newRootfs(engine, image);
  try {
    registerMounts(engine, c, rootfs);
  } catch (e) {
    engine.names.releaseAll(id);
    throw e;
  }
  engine.containers.set(id, c);
  // Keyed by the top layer: a committed image shares its parent's bottom layer but not its files.
  engine.runtimes.set(id, new ContainerRuntime(rootfs, image.layers[image.layers.length - 1]));
  engine.containerEvent(c, 'create');
  return { Id: id, Warnings: warnings };
}

/** Go's filepath.Clean for an absolute path. */
function cleanPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/**
 * `{ ...defaults, ...defined(o) }` in the same key order, but written into `defaults`: V8 gives an object made by
 * a spread a hidden class of its own as soon as a key is added to it, so each container's Config and HostConfig
 * cost a new class and descriptor array (~1 KiB kept per container) and every read of them missed its cache.
 */
function assignDefined<T extends object>(defaults: T, o: object): T {
  for (const k of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) (defaults as Record<string, unknown>)[k] = v;
  }
  return defaults;
}
