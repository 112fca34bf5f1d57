/**
 * `docker push` (moby distribution/push.go, push_v2.go, xfer/upload.go): the progress lines in Docker's order —
 * the repository, `Preparing` for every layer top first (`Waiting` past the 5 concurrent uploads), then per
 * layer `Layer already exists`, `Mounted from <repo>` or `Pushing` and `Pushed` — the manifest's digest and size,
 * and the aux result. Layers travel by reference (blobs.ts), so a push costs no work per byte; the upload's
 * virtual time still follows the layer's size.
 */
import type { Sys } from '../../kernel/sys.js';
import { familiarName, familiarString, parseNormalizedNamed, type Reference } from '../../../pkg/reference.js';
import { invalidParameter, notFound } from '../../../pkg/errdefs.js';
import { shortID } from '../ids.js';
import type { DaemonStore } from '../store.js';
import type { Image } from '../images/store.js';
import { progressBar, type ProgressSink } from '../images/progress.js';
import { shareLayer } from './blobs.js';
import { utf8Encode } from '../../kernel/utf8.js';
import { hubRepository } from './hub.js';
import { manifestOf } from './manifest.js';
import { knownBlobs, recordBlob } from './metadata.js';
import { remoteOpener, type AuthConfig, type RemoteRepository } from './remote.js';

/** Upload bandwidths in bytes per virtual millisecond: a home uplink to Docker Hub, the host's own loopback. */
const HUB_UPLOAD = 12_500;
const LOCAL_UPLOAD = 400_000;
const TICKS = 3;
const MAX_CONCURRENT_UPLOADS = 5;

export interface PushMessage {
  readonly status?: string;
  readonly id?: string;
  readonly progressDetail?: { current?: number; total?: number };
  readonly progress?: string;
  readonly aux?: { Tag: string; Digest: string; Size: number };
}

/** POST /images/{name}/push?tag=…: `name` as the CLI sends it (`docker.io/you/static_web`). */
export async function imagePush(engine: DaemonStore, sys: Sys, name: string, tag: string, auth: AuthConfig, out: (m: PushMessage) => void | Promise<void>): Promise<void> {
  let ref: Reference = parseNormalizedNamed(name);
  if (ref.tag !== undefined || ref.digest !== undefined) throw invalidParameter(`invalid reference format`);
  if (tag !== '') ref = { domain: ref.domain, path: ref.path, tag };
  const repoName = `${ref.domain}/${ref.path}`;
  await out({ status: `The push refers to repository [${repoName}]` });
  const associations = engine.images.all().flatMap((img) =>
    engine.images.referencesOf(img.id).filter((r) => r.domain === ref.domain && r.path === ref.path && r.tag !== undefined).map((r) => ({ ref: r, img })));
  if (associations.length === 0) throw notFound(`An image does not exist locally with the tag: ${familiarName(ref)}`);
  const targets = ref.tag !== undefined
    ? [{ ref, img: lookupTag(engine, ref) }]
    : associations.sort((a, b) => (a.ref.tag! < b.ref.tag! ? -1 : 1));
  const repo = await openRepository(engine, sys, ref, auth);
  for (const t of targets) await pushTag(engine, sys, repo, t.ref, t.img, out, repoName);
  engine.events.log('image', 'push', { ID: familiarString(ref), Attributes: { name: familiarName(ref) } });
}

function lookupTag(engine: DaemonStore, ref: Reference): Image {
  const id = engine.images.lookupRef(ref);
  if (id === undefined) throw notFound(`tag does not exist: ${familiarString(ref)}`);
  return engine.images.get(id)!;
}

interface Opened {
  readonly remote: RemoteRepository | null;
  /** Why the registry refuses this push, said after the layers were prepared (Docker Hub's token has no push scope). */
  readonly denied: Error | null;
  readonly local: boolean;
}

async function openRepository(engine: DaemonStore, sys: Sys, ref: Reference, auth: AuthConfig): Promise<Opened> {
  if (ref.domain === 'docker.io') {
    try {
      return { remote: hubRepository(engine.kernel, ref.path, 'push', auth), denied: null, local: false };
    } catch (e) {
      return { remote: null, denied: e as Error, local: false };
    }
  }
  const open = remoteOpener(engine);
  const remote = open ? await open(sys, ref, 'push', auth) : null;
  if (!remote) throw notFound(`dockersim: pushing to ${ref.domain} is not simulated`);
  return { remote, denied: null, local: true };
}

async function pushTag(engine: DaemonStore, sys: Sys, o: Opened, ref: Reference, img: Image, out: (m: PushMessage) => void | Promise<void>, repoName: string): Promise<void> {
  // Top layer first, as pushTag walks the layer chain from the top.
  const layers = img.layers.map((layer, i) => ({ layer, diffId: img.diffIds[i] })).reverse();
  for (let i = 0; i < layers.length; i++) {
    await out({ status: 'Preparing', progressDetail: {}, id: shortID(layers[i].diffId) });
  }
  for (let i = MAX_CONCURRENT_UPLOADS; i < layers.length; i++) await out({ status: 'Waiting', progressDetail: {}, id: shortID(layers[i].diffId) });
  if (o.denied || !o.remote) throw o.denied ?? new Error('no registry');
  const remote = o.remote;
  const rate = o.local ? LOCAL_UPLOAD : HUB_UPLOAD;
  const manifest = manifestOf(engine.images, img);
  for (let i = 0; i < layers.length; i++) {
    const { layer, diffId } = layers[i];
    const id = shortID(diffId);
    const digest = shareLayer(layer);
    const size = manifest.layers[layers.length - 1 - i].size;
    const known = knownBlobs(engine, diffId);
    const domain = ref.domain;
    if (known.some((k) => k.repo === repoName) && (await remote.blobExists(digest))) {
      await out({ status: 'Layer already exists', progressDetail: {}, id });
      continue;
    }
    let mounted = '';
    for (const k of known) {
      if (k.repo === repoName || !k.repo.startsWith(`${domain}/`)) continue;
      const from = k.repo.slice(domain.length + 1);
      if (await remote.mountBlob(digest, from)) {
        mounted = from;
        break;
      }
    }
    if (mounted !== '') {
      await out({ status: `Mounted from ${mounted}`, progressDetail: {}, id });
    } else if (await remote.blobExists(digest)) {
      await out({ status: 'Layer already exists', progressDetail: {}, id });
    } else {
      for (let t = 1; t <= TICKS; t++) {
        await sys.sleep(size / rate / TICKS);
        const current = Math.round((size * t) / TICKS);
        await out({ status: 'Pushing', progressDetail: { current, total: size }, progress: progressBar(current, size), id });
      }
      await remote.putBlob(digest, { layer }, size);
      await out({ status: 'Pushed', progressDetail: {}, id });
    }
    recordBlob(engine, diffId, digest, repoName);
  }
  const config = utf8Encode(manifest.config);
  if (!(await remote.blobExists(manifest.configDigest))) await remote.putBlob(manifest.configDigest, { bytes: config }, config.length);
  await remote.putManifest(ref.tag!, manifest.body);
  const size = utf8Encode(manifest.body).length;
  await out({ status: `${ref.tag}: digest: ${manifest.digest} size: ${size}` });
  // addDigestReference: the image is now known under repo@digest too (RepoDigests, `images --digests`).
  engine.images.tag({ domain: ref.domain, path: ref.path, digest: manifest.digest }, img.id);
  if (img.repoDigest === '') engine.images.add({ ...img, repoDigest: manifest.digest });
  await out({ progressDetail: {}, aux: { Tag: ref.tag!, Digest: manifest.digest, Size: size } });
}

export type { ProgressSink };
