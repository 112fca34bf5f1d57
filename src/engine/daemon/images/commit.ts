/**
 * `docker commit` (moby daemon/commit.go CreateImageFromContainer, daemon/images/image_commit.go CommitImage,
 * graphdriver store): the container's writable layer becomes a read-only layer on top of its image's, and the
 * new image's ID is the sha256 of its config JSON as moby marshals image.Image (NewChildImage): the container's
 * config with the `--change` lines applied, the container's config as it was, the parent's history plus one
 * entry, the parent's diff IDs plus the new one. A container that changed nothing adds an empty-layer entry and
 * no layer. By default the container is paused for the commit (pause, then unpause, events included).
 */
import { conflict, invalidParameter } from '../../../pkg/errdefs.js';
import { familiarString, parseNormalizedNamed, tagNameOnly, type Reference } from '../../../pkg/reference.js';
import { formatRFC3339Nano } from '../../../pkg/timetypes.js';
import { layerFromUpper } from '../../fs/rwlayer.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Encode } from '../../kernel/utf8.js';
import { buildFromConfig } from '../builder/dockerfile/fromConfig.js';
import type { ContainerConfig } from '../container.js';
import type { DaemonContext } from '../context.js';
import { healthConfigJSON } from '../healthConfig.js';
import { containerConfigJSON } from '../inspect.js';
import { containerPause, containerUnpause } from '../pause.js';
import type { HistoryEntry, Image, ImageConfig } from './store.js';

/** The daemon version a locally made image records (dockerversion.Version). */
export const DOCKER_VERSION = '28.2.2';

export interface CommitOptions {
  readonly repo?: string;
  readonly tag?: string;
  readonly author?: string;
  readonly comment?: string;
  readonly changes?: readonly string[];
  /** Default true, as the API's `pause` parameter. */
  readonly pause?: boolean;
}

/** httputils.RepoTagReference: no repo, no tag; a digest is refused. */
export function repoTagReference(repo: string, tag: string): Reference | null {
  if (repo === '') return null;
  const ref = parseNormalizedNamed(repo);
  if (ref.digest !== undefined) throw invalidParameter('cannot import digest reference');
  if (tag !== '') {
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) throw invalidParameter('invalid tag format');
    return { domain: ref.domain, path: ref.path, tag };
  }
  return tagNameOnly(ref);
}

/** Go's json.Marshal: compact, with `<`, `>` and `&` escaped, maps sorted by key. */
export function goMarshal(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => sortMaps(val))
    .replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const MAP_FIELDS = new Set(['ExposedPorts', 'Volumes', 'Labels']);

function sortMaps(val: unknown): unknown {
  if (val === null || typeof val !== 'object' || Array.isArray(val)) return val;
  const o = val as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const v = o[k];
    out[k] = MAP_FIELDS.has(k) && v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((x) => [x, (v as Record<string, unknown>)[x]]))
      : v;
  }
  return out;
}

/** The image config's container part as the store keeps it (containerConfigToDockerOCIImageConfig). */
export function imageConfigOf(c: ContainerConfig): ImageConfig {
  return sortMaps({
    User: c.User, ...(c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0 ? { ExposedPorts: c.ExposedPorts } : {}),
    Env: [...c.Env], Cmd: c.Cmd && [...c.Cmd], Entrypoint: c.Entrypoint && [...c.Entrypoint],
    ...(c.Volumes && Object.keys(c.Volumes).length > 0 ? { Volumes: c.Volumes } : {}),
    WorkingDir: c.WorkingDir, Labels: { ...c.Labels }, ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
    ...(c.Healthcheck ? { Healthcheck: healthConfigJSON(c.Healthcheck) } : {}),
    ...(c.OnBuild && c.OnBuild.length > 0 ? { OnBuild: [...c.OnBuild] } : {}),
    ...(c.Shell && c.Shell.length > 0 ? { Shell: [...c.Shell] } : {}),
  }) as ImageConfig;
}

/** History's JSON without the fields Go omits when empty. */
export function historyJSON(h: HistoryEntry): Record<string, unknown> {
  return {
    created: h.created, ...(h.created_by ? { created_by: h.created_by } : {}), ...(h.author ? { author: h.author } : {}),
    ...(h.comment ? { comment: h.comment } : {}), ...(h.empty_layer ? { empty_layer: true } : {}),
  };
}

/** The layer's chain ID (layer.CreateChainID), which names its overlay2 directory here. */
export function chainId(diffIds: readonly string[]): string {
  let id = diffIds[0];
  for (const d of diffIds.slice(1)) id = `sha256:${sha256Hex(utf8Encode(`${id} ${d}`))}`;
  return id;
}

export function containerCommit(d: DaemonContext, name: string, opts: CommitOptions = {}): string {
  const engine = d.store;
  const c = engine.getContainer(name);
  if (c.State.Dead) throw conflict(`You cannot commit container ${c.ID} which is Dead`);
  if (c.State.RemovalInProgress) throw conflict(`You cannot commit container ${c.ID} which is being removed`);
  const ref = repoTagReference(opts.repo ?? '', opts.tag ?? '');
  // daemon.containerPause's own checks decide; a container it cannot pause is committed as it is.
  const paused = (opts.pause ?? true) && c.State.Running && !c.State.Paused && !c.State.Restarting;
  if (paused) containerPause(d, c.ID);
  try {
    const config = buildFromConfig(c.Config, opts.changes ?? []);
    const parent = engine.images.get(c.ImageID);
    if (!parent) throw invalidParameter(`No such image: ${c.ImageID}`);
    const rt = engine.runtimes.get(c.ID);
    const fresh = rt ? layerFromUpper(rt.rootfs) : null;
    // The layer store keeps one layer per chain: committing the same changes twice shares it.
    const layer = fresh && (engine.images.all().flatMap((i) => i.layers).find((l) => l.digest === fresh.digest) ?? fresh);
    const nowNs = engine.nowNs();
    const created = formatRFC3339Nano(nowNs);
    const entry: HistoryEntry = {
      created, created_by: (c.Config.Cmd ?? []).join(' '), author: opts.author ?? '', comment: opts.comment ?? '',
      ...(layer ? {} : { empty_layer: true }),
    };
    const diffIds = layer ? [...parent.diffIds, layer.digest] : [...parent.diffIds];
    const history = [...parent.history, entry];
    const blob = {
      created, container: c.ID, container_config: containerConfigJSON(c.Config), docker_version: DOCKER_VERSION,
      ...(opts.author ? { author: opts.author } : {}), config: containerConfigJSON(config), architecture: 'amd64',
      os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds }, history: history.map(historyJSON),
    };
    const json = goMarshal(blob);
    const id = `sha256:${sha256Hex(utf8Encode(json))}`;
    engine.images.recordConfig(id, json);
    if (!engine.images.get(id)) {
      const image: Image = {
        id, created, size: parent.size + (layer?.size ?? 0), config: imageConfigOf(config),
        layers: layer ? [...parent.layers, layer] : parent.layers, diffIds,
        layerSizes: layer ? [...parent.layerSizes, layer.size] : parent.layerSizes,
        cacheIds: layer ? [sha256Hex(utf8Encode(`cache:${chainId(diffIds)}`)), ...parent.cacheIds] : parent.cacheIds,
        repoDigest: '', catalogKey: '', lastTagTimeNs: null, history, parent: parent.id, author: opts.author ?? '',
        dockerVersion: DOCKER_VERSION,
      };
      engine.images.add(image);
    }
    engine.events.log('image', 'create', { ID: id, Attributes: { ...engine.images.get(id)!.config.Labels, name: id } });
    let imageRef = '';
    if (ref) {
      imageTagRef(d, id, ref);
      imageRef = familiarString(ref);
    }
    engine.containerEvent(c, 'commit', { comment: opts.comment ?? '', imageID: id, imageRef });
    return id;
  } finally {
    if (paused && c.State.Paused) containerUnpause(d, c.ID);
  }
}

/** TagImage: points the reference at the image (a tag elsewhere moves, leaving that image dangling). */
export function imageTagRef(d: DaemonContext, id: string, ref: Reference): void {
  const engine = d.store;
  engine.images.tag(ref, id);
  const img = engine.images.get(id)!;
  img.lastTagTimeNs = engine.nowNs();
  engine.events.log('image', 'tag', { ID: id, Attributes: { ...img.config.Labels, name: familiarString(ref) } });
}
