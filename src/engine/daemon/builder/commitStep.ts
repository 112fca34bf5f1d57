/**
 * CommitBuildStep and CreateImage for the legacy builder (moby daemon/images/image_commit.go, builder
 * internals.go exportImage): a step's image is its parent's with one history entry and at most one layer, the
 * run config as its config and the step's config (the `#(nop)` comment or the RUN command) as its container
 * config. Its ID is the sha256 of that JSON, so the same parent, step and files made at the same virtual time
 * give the same ID; a cache hit reuses the earlier image whole.
 */
import { formatRFC3339Nano } from '../../../pkg/timetypes.js';
import type { Layer } from '../../fs/layer.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Encode } from '../../kernel/utf8.js';
import type { ContainerConfig } from '../container.js';
import type { DaemonStore } from '../store.js';
import { containerConfigJSON } from '../inspect.js';
import { chainId, DOCKER_VERSION, goMarshal, historyJSON, imageConfigOf } from '../images/commit.js';
import type { HistoryEntry, Image } from '../images/store.js';

export interface StepCommit {
  /** null for FROM scratch. */
  readonly parent: Image | null;
  readonly config: ContainerConfig;
  readonly containerConfig: ContainerConfig;
  /** The container the step ran in ('' for COPY/ADD, which write a layer without one). */
  readonly container: string;
  readonly author: string;
  readonly layer: Layer | null;
  /** BuildKit's history comment (`buildkit.dockerfile.v0`); the legacy builder writes none. */
  readonly comment?: string;
  readonly createdBy?: string;
}

/** The layer store keeps one layer per content: committing the same changes twice shares it. */
function sharedLayer(engine: DaemonStore, fresh: Layer): Layer {
  for (const img of engine.images.all()) for (const l of img.layers) if (l.digest === fresh.digest) return l;
  return fresh;
}

export function commitStep(engine: DaemonStore, s: StepCommit): Image {
  const layer = s.layer && sharedLayer(engine, s.layer);
  const created = formatRFC3339Nano(engine.nowNs());
  const entry: HistoryEntry = {
    created, created_by: s.createdBy ?? (s.containerConfig.Cmd ?? []).join(' '), author: s.author, comment: s.comment ?? '',
    ...(layer ? {} : { empty_layer: true }),
  };
  const p = s.parent;
  const diffIds = [...(p?.diffIds ?? []), ...(layer ? [layer.digest] : [])];
  const history = [...(p?.history ?? []), entry];
  const blob = {
    ...(s.author ? { author: s.author } : {}), architecture: 'amd64', config: containerConfigJSON(s.config),
    container: s.container, container_config: containerConfigJSON(s.containerConfig), created, docker_version: DOCKER_VERSION,
    history: history.map(historyJSON), os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds },
  };
  const json = goMarshal(blob);
  const id = `sha256:${sha256Hex(utf8Encode(json))}`;
  // Push and save send these very bytes, so the image keeps its ID in a registry and through save/load.
  engine.images.recordConfig(id, json);
  const known = engine.images.get(id);
  if (known) return known;
  const image: Image = {
    id, created, size: (p?.size ?? 0) + (layer?.size ?? 0), config: imageConfigOf(s.config),
    layers: [...(p?.layers ?? []), ...(layer ? [layer] : [])], diffIds,
    layerSizes: [...(p?.layerSizes ?? []), ...(layer ? [layer.size] : [])],
    cacheIds: layer ? [sha256Hex(utf8Encode(`cache:${chainId(diffIds)}`)), ...(p?.cacheIds ?? [])] : [...(p?.cacheIds ?? [])],
    repoDigest: '', catalogKey: '', lastTagTimeNs: null, history, parent: p?.id ?? '', author: s.author,
    dockerVersion: DOCKER_VERSION,
  };
  engine.images.add(image);
  return image;
}

/**
 * The local image cache (moby image/cache getLocalCachedImage): a child of the parent whose last step was this
 * one (same CREATED BY, which carries the RUN command or the files' checksums) and whose config is this config.
 */
export function probeCache(engine: DaemonStore, parent: Image | null, createdBy: string, config: ContainerConfig): Image | null {
  const want = goMarshal(imageConfigOf(config));
  const children = parent ? engine.images.children(parent.id) : engine.images.all().filter((i) => i.parent === '' && i.catalogKey === '');
  let best: Image | null = null;
  for (const img of children) {
    const last = img.history[img.history.length - 1];
    if (img.history.length !== (parent?.history.length ?? 0) + 1 || last?.created_by !== createdBy) continue;
    if (goMarshal(img.config) !== want) continue;
    // The newest match wins, as moby's cache keeps the latest child.
    if (!best || img.created > best.created) best = img;
  }
  return best;
}
