/**
 * The offline registry: the images the simulator can "pull", built from the root filesystems in
 * engine/rootfs. One layer per image (its whole tree), built once per page and shared (layers are immutable).
 * Digests are computed from content, so an image's ID is stable across runs: the ID is the sha256 of a config
 * JSON built here in a fixed key order, as the image config blob is on a real registry.
 */
import { Layer } from '../fs/layer.js';
import { sha256Hex } from '../fs/sha256.js';
import type { Tree } from '../fs/tree.js';
import { binaryContent } from '../kernel/binfmt.js';
import type { ImageConfig } from './images/store.js';
import { utf8Encode } from '../kernel/utf8.js';
import { IMAGES, ROOTFS, DEFAULT_PATH_ENV, type ImageMeta, type ImageRef } from '../rootfs/index.js';
import { invalidParameter, notFound, systemError } from '../../pkg/errdefs.js';
import { DEFAULT_DOMAIN, familiarName, familiarString, tagNameOnly, type Reference } from '../../pkg/reference.js';

export interface CatalogImage {
  /** `ubuntu:24.04`: the catalog's own key. */
  readonly key: string;
  /** `library/ubuntu`. */
  readonly path: string;
  /** Every tag naming this image in the registry. */
  readonly tags: readonly string[];
  readonly created: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly cmd: readonly string[];
  readonly entrypoint: readonly string[] | null;
  readonly env: readonly string[];
  readonly workingDir: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly exposedPorts?: readonly string[];
  readonly stopSignal?: string;
  readonly volumes?: readonly string[];
  readonly tree: () => Tree;
}

/** The built form: layers and digests. */
export interface CatalogBuild {
  readonly layers: readonly Layer[];
  /** `sha256:…` of each layer's content (RootFS.Layers). */
  readonly diffIds: readonly string[];
  /** Compressed blob digests, whose short form `docker pull` prints per layer. */
  readonly blobIds: readonly string[];
  readonly config: string;
  readonly imageId: string;
  /** The manifest-list digest RepoDigests show (`ubuntu@sha256:…`). */
  readonly repoDigest: string;
}

const HELLO_TREE = (): Tree => ({
  '/': { type: 'dir', mode: 0o755, mtimeMs: 0 },
  '/hello': { type: 'file', content: binaryContent('hello'), mode: 0o775, mtimeMs: Date.parse('2025-01-21T23:32:32Z') },
});

function fromRootfs(ref: ImageRef): CatalogImage {
  const m = IMAGES[ref];
  const meta: ImageMeta = m;
  return {
    key: ref, path: `library/${m.repository}`, tags: [m.tag, ...m.aliases], created: m.created, size: m.size,
    compressedSize: m.compressedSize, cmd: m.cmd, entrypoint: meta.entrypoint ?? null, env: m.env,
    workingDir: meta.workingDir ?? '', labels: m.labels, exposedPorts: meta.exposedPorts, stopSignal: meta.stopSignal,
    volumes: meta.volumes, tree: ROOTFS[ref],
  };
}

export const CATALOG: readonly CatalogImage[] = [
  fromRootfs('ubuntu:24.04'),
  fromRootfs('ubuntu:22.04'),
  fromRootfs('ubuntu:20.04'),
  fromRootfs('ubuntu:18.04'),
  fromRootfs('ubuntu:16.04'),
  fromRootfs('ubuntu:14.04'),
  fromRootfs('busybox:1.37'),
  fromRootfs('alpine:3.21'),
  fromRootfs('redis:8.0.2'),
  fromRootfs('debian:bookworm-slim'),
  fromRootfs('nginx:1.27.4'),
  fromRootfs('nginx:1.27.4-alpine'),
  fromRootfs('registry:2'),
  {
    key: 'hello-world:latest', path: 'library/hello-world', tags: ['latest', 'linux'],
    created: '2025-01-21T23:32:32.858120767Z', size: 10_072, compressedSize: 2_482, cmd: ['/hello'], entrypoint: null,
    env: [DEFAULT_PATH_ENV], workingDir: '', labels: {}, tree: HELLO_TREE,
  },
];

const builds = new Map<string, CatalogBuild>();

/** A Go map of empty structs (`{"80/tcp":{}}`), or undefined when the Dockerfile had none. */
function portSet(list: readonly string[] | undefined): Record<string, Record<string, never>> | undefined {
  return list && list.length > 0 ? Object.fromEntries([...list].sort().map((p) => [p, {}])) : undefined;
}

/**
 * The config blob's container part, in the OCI struct's field order; fields an image does not set are left out
 * (so the images that never had them keep their IDs).
 */
function blobConfig(img: CatalogImage): Record<string, unknown> {
  const ports = portSet(img.exposedPorts);
  const volumes = portSet(img.volumes);
  return {
    ...(ports ? { ExposedPorts: ports } : {}), Env: img.env, Entrypoint: img.entrypoint, Cmd: img.cmd,
    ...(volumes ? { Volumes: volumes } : {}), WorkingDir: img.workingDir, Labels: img.labels,
    ...(img.stopSignal ? { StopSignal: img.stopSignal } : {}),
  };
}

/** The image config as the store keeps it. */
export function imageConfigOf(img: CatalogImage): ImageConfig {
  return { User: '', ...blobConfig(img) } as ImageConfig;
}

const sha = (s: string): string => `sha256:${sha256Hex(utf8Encode(s))}`;

/** Builds (once per page) the layers and digests of a catalog image. */
export function buildCatalogImage(img: CatalogImage): CatalogBuild {
  let b = builds.get(img.key);
  if (b) return b;
  const layer = Layer.fromTree(img.tree());
  const diffIds = [layer.digest];
  const config = JSON.stringify({
    architecture: 'amd64',
    config: blobConfig(img),
    created: img.created,
    history: [{ created: img.created, created_by: `/bin/sh -c #(nop) ADD file:${diffIds[0].slice(7, 71)} in / ` }],
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: diffIds },
  });
  const imageId = sha(config);
  b = {
    layers: [layer], diffIds, blobIds: diffIds.map((d) => sha(`blob:${d}`)), config, imageId,
    repoDigest: sha(`index:${img.path}:${imageId}`),
  };
  builds.set(img.key, b);
  return b;
}

/**
 * Tags whose manifest on Docker Hub is still image manifest v2 schema 1 (pushed before 2016 and never
 * rebuilt): Docker 28 refuses them once it has read the manifest (distribution.DeprecatedSchema1ImageError).
 */
const SCHEMA1_TAGS: Readonly<Record<string, readonly string[]>> = {
  'library/fedora': ['20', 'heisenbug', '21', '22'],
};

export function isSchema1(ref: Reference): boolean {
  const r = tagNameOnly(ref);
  return ref.domain === DEFAULT_DOMAIN && r.tag !== undefined && (SCHEMA1_TAGS[ref.path] ?? []).includes(r.tag);
}

/** moby distribution/errors.go DeprecatedSchema1ImageError, with ref.String() (the fully qualified name). */
export function schema1Error(ref: Reference): Error {
  const r = tagNameOnly(ref);
  return invalidParameter(
    'Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed. '
    + `Suggest the author of ${ref.domain}/${ref.path}:${r.tag} to upgrade the image to the OCI Format or Docker Image manifest v2, schema 2. `
    + 'More information at https://docs.docker.com/go/deprecated-image-specs/',
  );
}

/** What the registry answers for a reference: the image, or Docker's pull errors verbatim. */
export function resolveRemote(ref: Reference): CatalogImage {
  if (ref.domain !== DEFAULT_DOMAIN) {
    const host = ref.domain.split(':')[0];
    throw systemError(`Get "https://${ref.domain}/v2/": dial tcp: lookup ${host}: no such host`);
  }
  const repo = CATALOG.filter((c) => c.path === ref.path);
  if (repo.length === 0) {
    throw notFound(`pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  }
  const r = tagNameOnly(ref);
  const hit = r.digest !== undefined
    ? repo.find((c) => buildCatalogImage(c).repoDigest === r.digest)
    : repo.find((c) => c.tags.includes(r.tag!));
  if (!hit) throw notFound(`manifest for ${familiarString(r)} not found: manifest unknown: manifest unknown`);
  return hit;
}
