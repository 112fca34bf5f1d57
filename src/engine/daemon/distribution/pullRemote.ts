/**
 * `docker pull` from a registry other than the offline catalogue: the Hub's pushed repositories and registry
 * containers (moby distribution/pull_v2.go). The manifest is read first (its errors come before any progress),
 * then each layer not already present is "downloaded" in virtual time and taken by reference, and the image is
 * the one that was pushed: same ID, history and sizes.
 */
import type { Sys } from '../../kernel/sys.js';
import { familiarName, familiarString, tagNameOnly, type Reference } from '../../../pkg/reference.js';
import { notFound } from '../../../pkg/errdefs.js';
import { shortID } from '../ids.js';
import type { DaemonStore } from '../store.js';
import type { Image } from '../images/store.js';
import { progressBar, type ProgressSink } from '../images/progress.js';
import { hubHasRepo, hubRepository } from './hub.js';
import { parseManifest, pushedImage } from './manifest.js';
import { recordBlob } from './metadata.js';
import { remoteOpener, type RemoteRepository } from './remote.js';

const DOWNLOAD_BYTES_PER_MS = 25_000;
const LOCAL_DOWNLOAD_BYTES_PER_MS = 400_000;
const EXTRACT_BYTES_PER_MS = 150_000;
const TICKS = 3;

/** The repository a pull goes to when it is not the catalogue's; null for the catalogue. */
export async function openPullRemote(engine: DaemonStore, sys: Sys, ref: Reference): Promise<RemoteRepository | null> {
  if (ref.domain === 'docker.io') return hubHasRepo(engine.kernel, ref.path) ? hubRepository(engine.kernel, ref.path, 'pull', {}) : null;
  const open = remoteOpener(engine);
  return open ? open(sys, ref, 'pull', {}) : null;
}

export async function pullFromRemote(engine: DaemonStore, sys: Sys, ref: Reference, remote: RemoteRepository, onProgress: ProgressSink): Promise<Image> {
  const tagged = tagNameOnly(ref);
  const tagOrDigest = tagged.digest ?? tagged.tag!;
  const { body, digest } = await remote.getManifest(tagOrDigest);
  const manifest = parseManifest(body);
  const { img: template, config } = pushedImage(manifest.config.digest);
  await onProgress({ status: `Pulling from ${ref.path}`, id: tagOrDigest });
  const upToDate = engine.images.get(template.id) !== undefined && engine.images.lookupRef(tagged) === template.id;
  const local = ref.domain !== 'docker.io';
  const repoName = `${ref.domain}/${ref.path}`;
  if (!upToDate) {
    for (let i = 0; i < manifest.layers.length; i++) {
      const d = manifest.layers[i];
      const id = shortID(d.digest);
      const diffId = template.diffIds[i];
      if (engine.images.all().some((img) => img.diffIds.includes(diffId))) {
        await onProgress({ status: 'Already exists', progressDetail: {}, id });
        continue;
      }
      await onProgress({ status: 'Pulling fs layer', progressDetail: {}, id });
      const blob = await remote.getBlob(d.digest);
      if (!('layer' in blob) || blob.layer !== template.layers[i]) throw notFound(`dockersim: blob ${d.digest} is not a layer this page made; pulling it is not simulated`);
      await tick(sys, onProgress, 'Downloading', id, d.size, local ? LOCAL_DOWNLOAD_BYTES_PER_MS : DOWNLOAD_BYTES_PER_MS);
      await onProgress({ status: 'Verifying Checksum', progressDetail: {}, id });
      await onProgress({ status: 'Download complete', progressDetail: {}, id });
      await tick(sys, onProgress, 'Extracting', id, d.size, EXTRACT_BYTES_PER_MS);
      await onProgress({ status: 'Pull complete', progressDetail: {}, id });
      recordBlob(engine, diffId, d.digest, repoName);
    }
  }
  let image = engine.images.get(template.id);
  if (!image) {
    image = { ...template, repoDigest: template.repoDigest || digest, lastTagTimeNs: null };
    engine.images.recordConfig(image.id, config);
    engine.images.add(image);
  }
  engine.images.tag({ domain: ref.domain, path: ref.path, digest }, image.id);
  const old = tagged.digest !== undefined ? engine.images.lookupRef(tagged) : engine.images.tag(tagged, image.id);
  const changed = old !== image.id;
  if (changed) image.lastTagTimeNs = engine.nowNs();
  await onProgress({ status: `Digest: ${digest}` });
  const name = familiarString(ref);
  await onProgress({ status: changed || !upToDate ? `Status: Downloaded newer image for ${name}` : `Status: Image is up to date for ${name}` });
  engine.events.log('image', 'pull', { ID: name, Attributes: { name: familiarName(ref) } });
  return image;
}

async function tick(sys: Sys, out: ProgressSink, status: string, id: string, total: number, rate: number): Promise<void> {
  for (let t = 1; t <= TICKS; t++) {
    await sys.sleep(total / rate / TICKS);
    const current = Math.round((total * t) / TICKS);
    await out({ status, progressDetail: { current, total }, progress: progressBar(current, total), id });
  }
}
