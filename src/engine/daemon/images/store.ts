/**
 * The local image store: images by ID and the reference store mapping `repo:tag` / `repo@digest` to IDs
 * (moby image/store.go + reference/store.go, in memory). Layers are shared objects; an image never copies one.
 */
import type { Layer } from '../../fs/layer.js';
import type { HealthConfig } from '../healthConfig.js';
import { invalidParameter, notFound } from '../../../pkg/errdefs.js';
import { familiarName, familiarString, parseNormalizedNamed, referenceString, tagNameOnly, type Reference } from '../../../pkg/reference.js';

/** The image config's container part, as `docker image inspect` shows it (API 1.50 omits the rest). */
export interface ImageConfig {
  readonly User: string;
  readonly ExposedPorts?: Readonly<Record<string, Record<string, never>>>;
  readonly Env: readonly string[];
  readonly Cmd: readonly string[] | null;
  readonly Entrypoint: readonly string[] | null;
  readonly Volumes?: Readonly<Record<string, Record<string, never>>>;
  readonly WorkingDir: string;
  readonly Labels: Readonly<Record<string, string>>;
  readonly StopSignal?: string;
  readonly Healthcheck?: Readonly<HealthConfig>;
  readonly OnBuild?: readonly string[];
  readonly Shell?: readonly string[];
}

/** One entry of the image config's `history` (OCI image-spec History), in its JSON field order. */
export interface HistoryEntry {
  readonly created: string;
  readonly created_by?: string;
  readonly author?: string;
  readonly comment?: string;
  readonly empty_layer?: boolean;
}

export interface Image {
  /** `sha256:<64 hex>`. */
  readonly id: string;
  readonly created: string;
  /** What `docker images` shows as SIZE: the sum of `layerSizes`. */
  readonly size: number;
  readonly config: ImageConfig;
  /** Bottom first, as RootFS lists them. */
  readonly layers: readonly Layer[];
  readonly diffIds: readonly string[];
  /**
   * What each layer unpacks to, bottom first: `docker history`'s SIZE and what the daemon view shows on a layer.
   * A layer's simulated files are a small stand-in for the real image's (Layer.size), so this is the figure a
   * learner compares with `docker images`, not that one.
   */
  readonly layerSizes: readonly number[];
  /** overlay2 cache directory names, top first (GraphDriver.LowerDir). */
  readonly cacheIds: readonly string[];
  /** The manifest digest a pull recorded (RepoDigests). */
  readonly repoDigest: string;
  /** The catalog image it was pulled as; '' for an image made here (commit). */
  readonly catalogKey: string;
  lastTagTimeNs: bigint | null;
  /** The config's history, oldest first: one entry per instruction, `empty_layer` for those without a layer. */
  readonly history: readonly HistoryEntry[];
  /** The image it was made from (moby's imageStore.SetParent): only for images made locally. */
  readonly parent: string;
  /** `docker commit -a`; DockerVersion is that of the daemon that made it (empty for pulled images). */
  readonly author: string;
  readonly dockerVersion: string;
}

export class ImageStore {
  private readonly byId = new Map<string, Image>();
  private readonly refs = new Map<string, { ref: Reference; id: string }>();
  /**
   * The config bytes each image's ID was hashed from (images/configs.ts), kept with the store so they go when
   * the image goes: a page that builds and removes images, or resets its machine, does not keep them all.
   */
  private readonly configs = new Map<string, string>();

  add(img: Image): void {
    this.byId.set(img.id, img);
  }

  get(id: string): Image | undefined {
    return this.byId.get(id);
  }

  all(): Image[] {
    return [...this.byId.values()];
  }

  delete(id: string): void {
    this.byId.delete(id);
    this.configs.delete(id);
  }

  /** Keeps the bytes an image's ID was hashed from (recorded before the image is added, or for one present). */
  recordConfig(id: string, json: string): void {
    this.configs.set(id, json);
  }

  recordedConfig(id: string): string | undefined {
    return this.configs.get(id);
  }

  /** Points a reference at an image; returns the ID it pointed to before, if any. */
  tag(ref: Reference, id: string): string | undefined {
    const key = referenceString(ref);
    const old = this.refs.get(key)?.id;
    this.refs.set(key, { ref, id });
    return old;
  }

  untag(ref: Reference): boolean {
    return this.refs.delete(referenceString(ref));
  }

  lookupRef(ref: Reference): string | undefined {
    return this.refs.get(referenceString(ref))?.id;
  }

  referencesOf(id: string): Reference[] {
    const out: Reference[] = [];
    for (const { ref, id: owner } of this.refs.values()) if (owner === id) out.push(ref);
    // moby's reference store sorts them (lexicalRefs, by the full name): RepoTags do not follow the order tags came in.
    if (out.length > 1) out.sort((a, b) => (referenceString(a) < referenceString(b) ? -1 : referenceString(a) > referenceString(b) ? 1 : 0));
    return out;
  }

  repoTags(id: string): string[] {
    return this.referencesOf(id).filter((r) => r.tag !== undefined).map(familiarString);
  }

  /** `repo@sha256:…` for every repository the image is known under. */
  repoDigests(id: string): string[] {
    const img = this.byId.get(id);
    if (!img || img.repoDigest === '') return [];
    const names = new Set(this.referencesOf(id).map(familiarName));
    return [...names].map((n) => `${n}@${img.repoDigest}`);
  }

  /** moby GetImage: a full or short ID, or a reference (tag defaulting to latest). */
  resolve(refOrId: string): Image {
    const idLike = refOrId.startsWith('sha256:') ? refOrId.slice(7) : refOrId;
    if (refOrId.startsWith('sha256:') || /^[a-f0-9]{64}$/.test(refOrId)) {
      const img = this.byIdPrefix(idLike);
      if (img) return img;
      throw notFound(`No such image: ${refOrId}`);
    }
    let ref: Reference;
    try {
      ref = tagNameOnly(parseNormalizedNamed(refOrId));
    } catch (e) {
      const img = /^[a-f0-9]+$/.test(refOrId) ? this.byIdPrefix(refOrId) : undefined;
      if (img) return img;
      throw e;
    }
    const id = this.lookupRef(ref);
    if (id !== undefined) return this.byId.get(id)!;
    if (/^[a-f0-9]+$/.test(refOrId) && ref.tag === 'latest' && !refOrId.includes(':')) {
      const img = this.byIdPrefix(refOrId);
      if (img) return img;
    }
    throw notFound(`No such image: ${familiarString(ref)}`);
  }

  private byIdPrefix(hex: string): Image | undefined {
    let found: Image | undefined;
    for (const img of this.byId.values()) {
      if (!img.id.startsWith(`sha256:${hex}`)) continue;
      if (found) throw invalidParameter(`ambiguous image ID prefix: ${hex}`);
      found = img;
    }
    return found;
  }

  /** Images whose parent is `id` (moby's imageStore.Children). */
  children(id: string): Image[] {
    return [...this.byId.values()].filter((img) => img.parent === id);
  }

  /** True if some image other than `exceptId` holds this layer. */
  layerShared(layer: Layer, exceptId: string): boolean {
    for (const img of this.byId.values()) if (img.id !== exceptId && img.layers.includes(layer)) return true;
    return false;
  }
}
