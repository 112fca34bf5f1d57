/**
 * The image manifest (schema 2) a push writes and a pull reads, and the image config blob. A config's digest is
 * the image's ID, as in Docker; what the config says is kept, keyed by that ID, in a content-addressed table
 * shared like the blob pool, so a pull rebuilds exactly the image that was pushed (its ID, history, sizes).
 */
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Encode } from '../../kernel/utf8.js';
import { notFound } from '../../../pkg/errdefs.js';
import { buildCatalogImage, CATALOG } from '../registry.js';
import type { Image, ImageStore } from '../images/store.js';
import { configBlob } from '../images/configs.js';
import { blobSize, shareLayer } from './blobs.js';
import { MEDIA_CONFIG, MEDIA_LAYER, MEDIA_MANIFEST } from './remote.js';

/** What was pushed, by config digest: the image and its config bytes, which a pull records in its store. */
const images = new Map<string, { readonly img: Image; readonly config: string }>();

export interface Descriptor {
  readonly mediaType: string;
  readonly size: number;
  readonly digest: string;
}

export interface Manifest {
  readonly schemaVersion: number;
  readonly mediaType: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
}

/** Records an image being pushed; returns its manifest (as distribution marshals it: 3-space indent) and digest. */
export function manifestOf(store: ImageStore, img: Image): { body: string; digest: string; layers: Descriptor[]; config: string; configDigest: string } {
  const config = configBlob(store, img);
  const configDigest = digestOf(config);
  images.set(configDigest, { img, config });
  const layers = img.layers.map((l) => ({ mediaType: MEDIA_LAYER, size: blobSize(l), digest: shareLayer(l) }));
  const m: Manifest = {
    schemaVersion: 2,
    mediaType: MEDIA_MANIFEST,
    config: { mediaType: MEDIA_CONFIG, size: utf8Encode(config).length, digest: configDigest },
    layers,
  };
  const body = JSON.stringify(m, null, 3);
  return { body, digest: digestOf(body), layers, config, configDigest };
}

export function digestOf(text: string): string {
  return `sha256:${sha256Hex(utf8Encode(text))}`;
}

/** The image a config digest names, as it was pushed, with its config bytes. */
export function pushedImage(configDigest: string): { readonly img: Image; readonly config: string } {
  const pushed = images.get(configDigest);
  if (!pushed) throw notFound(`dockersim: image config ${configDigest} was not pushed from this page; pulling it is not simulated`);
  return pushed;
}

export function parseManifest(body: string): Manifest {
  const m = JSON.parse(body) as Manifest;
  if (m.schemaVersion !== 2 || !m.config || !Array.isArray(m.layers)) throw notFound('dockersim: only image manifest v2 schema 2 is simulated');
  return m;
}
