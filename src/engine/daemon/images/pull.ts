/**
 * `docker pull` against the offline registry (moby distribution/pull_v2.go's progress messages). Downloads take
 * virtual time, at a fixed bandwidth, so a pull's progress streams like a real one. Layers already present are
 * `Already exists`; a reference already pointing at the image is `Image is up to date`.
 */
import type { Sys } from '../../kernel/sys.js';
import type { DaemonStore } from '../store.js';
import { invalidParameter, systemError } from '../../../pkg/errdefs.js';
import { familiarName, familiarString, parseNormalizedNamed, tagNameOnly, type Reference } from '../../../pkg/reference.js';
import { buildCatalogImage, imageConfigOf, isSchema1, resolveRemote, schema1Error, type CatalogImage } from '../registry.js';
import { shortID } from '../ids.js';
import { catalogHistory } from '../catalogHistory.js';
import type { Image } from './store.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Encode } from '../../kernel/utf8.js';
import { openPullRemote, pullFromRemote } from '../distribution/pullRemote.js';
import { hubRefuses, INCORRECT_CREDENTIALS } from '../distribution/hub.js';
import type { AuthConfig } from '../distribution/remote.js';

export type { PullProgress, ProgressSink } from './progress.js';
import type { ProgressSink } from './progress.js';
import { progressBar } from './progress.js';
export { progressBar };

/** Virtual bandwidths: what a decent connection and disk do. */
const DOWNLOAD_BYTES_PER_MS = 25_000;
const EXTRACT_BYTES_PER_MS = 150_000;
const TICKS = 3;

/** Puts a catalog image in the store under `ref` without any progress (tests, preloaded machines). */
export function installImage(engine: DaemonStore, cat: CatalogImage, ref: Reference): { image: Image; changed: boolean } {
  const b = buildCatalogImage(cat);
  let image = engine.images.get(b.imageId);
  if (!image) {
    image = {
      id: b.imageId, created: cat.created, size: cat.size, layers: b.layers, diffIds: b.diffIds, repoDigest: b.repoDigest,
      // A catalog image is one layer holding the whole image (registry.ts), so that layer is all of its size.
      layerSizes: [cat.size],
      cacheIds: [...b.diffIds].reverse().map((d) => sha256Hex(utf8Encode(`cache:${d}`))),
      config: imageConfigOf(cat),
      catalogKey: cat.key, lastTagTimeNs: null,
      history: catalogHistory(cat.key, cat.created, b.diffIds[0].slice(7)), parent: '', author: '', dockerVersion: '',
    };
    engine.images.add(image);
  }
  const tagged = tagNameOnly(ref);
  // A pull records the manifest digest as a reference too (`rmi` then untags `repo@sha256:…`).
  engine.images.tag({ domain: ref.domain, path: ref.path, digest: b.repoDigest }, image.id);
  const old = tagged.digest !== undefined ? engine.images.lookupRef(tagged) : engine.images.tag(tagged, image.id);
  const changed = old !== image.id;
  // An image that lost its tag to this one stays in the store, untagged (`<none>`), as in Docker.
  if (changed) image.lastTagTimeNs = engine.nowNs();
  return { image, changed };
}

/** POST /images/create?fromImage=…&tag=…: resolves, "downloads", tags. Errors are the registry's. */
/** `auth`: X-Registry-Auth's credentials; Docker Hub refuses a pull with ones it does not know, public image or not. */
export async function imagePull(engine: DaemonStore, sys: Sys, refStr: string, onProgress: ProgressSink = () => {}, auth: AuthConfig = {}): Promise<Image> {
  if (refStr === '') throw invalidParameter('invalid reference format');
  const ref = tagNameOnly(parseNormalizedNamed(refStr));
  if (ref.domain === 'docker.io' && hubRefuses(engine.kernel, auth)) {
    // The manifest's HEAD fetches a token with the credentials first; translatePullError leaves the url.Error as
    // it is (an Unknown, 500), before any progress.
    throw systemError(`Head "https://registry-1.docker.io/v2/${ref.path}/manifests/${ref.digest ?? ref.tag}": ${INCORRECT_CREDENTIALS}`);
  }
  if (isSchema1(ref)) {
    // pull_v2.go announces the pull, then finds a schema 1 manifest and gives up.
    await onProgress({ status: `Pulling from ${ref.path}`, id: ref.tag });
    throw schema1Error(ref);
  }
  const remote = await openPullRemote(engine, sys, ref);
  if (remote) return pullFromRemote(engine, sys, ref, remote, onProgress);
  const cat = resolveRemote(ref);
  const b = buildCatalogImage(cat);
  const present = engine.images.get(b.imageId);
  const upToDate = present !== undefined && engine.images.lookupRef(ref) === b.imageId;
  await onProgress({ status: `Pulling from ${ref.path}`, id: ref.digest ?? ref.tag });
  if (!upToDate) {
    const perLayer = compressedLayerSize(cat, b.blobIds.length);
    const extracted = Math.ceil(cat.size / b.blobIds.length);
    for (let i = 0; i < b.blobIds.length; i++) {
      const id = shortID(b.blobIds[i]);
      const have = engine.images.all().some((img) => img.diffIds.includes(b.diffIds[i]));
      if (have) {
        await onProgress({ status: 'Already exists', progressDetail: {}, id });
        continue;
      }
      await onProgress({ status: 'Pulling fs layer', progressDetail: {}, id });
      await transfer(sys, onProgress, 'Downloading', id, perLayer, DOWNLOAD_BYTES_PER_MS);
      await onProgress({ status: 'Verifying Checksum', progressDetail: {}, id });
      await onProgress({ status: 'Download complete', progressDetail: {}, id });
      await transfer(sys, onProgress, 'Extracting', id, extracted, EXTRACT_BYTES_PER_MS);
      await onProgress({ status: 'Pull complete', progressDetail: {}, id });
    }
  }
  const { image, changed } = installImage(engine, cat, ref);
  await onProgress({ status: `Digest: ${b.repoDigest}` });
  const name = familiarString(ref);
  await onProgress({ status: changed || !upToDate ? `Status: Downloaded newer image for ${name}` : `Status: Image is up to date for ${name}` });
  engine.events.log('image', 'pull', { ID: name, Attributes: { name: familiarName(ref) } });
  return image;
}

/** What each of a catalogue image's layers downloads (its compressed size shared between them). */
export function compressedLayerSize(cat: CatalogImage, layers: number): number {
  return Math.ceil(cat.compressedSize / layers);
}

async function transfer(sys: Sys, out: ProgressSink, status: string, id: string, total: number, rate: number): Promise<void> {
  for (let t = 1; t <= TICKS; t++) {
    await sys.sleep(total / rate / TICKS);
    const current = Math.round((total * t) / TICKS);
    await out({ status, progressDetail: { current, total }, progress: progressBar(current, total), id });
  }
}
