/** GET /distribution/{name}/json (moby router/distribution): the manifest descriptor a registry answers for a name. */
import type { Sys } from '../../kernel/sys.js';
import { parseNormalizedNamed, tagNameOnly } from '../../../pkg/reference.js';
import { buildCatalogImage, resolveRemote, type CatalogImage } from '../registry.js';
import { compressedLayerSize } from '../images/pull.js';
import { sha256Hex } from '../../fs/sha256.js';
import type { DaemonStore } from '../store.js';
import { openPullRemote } from './pullRemote.js';
import { MEDIA_MANIFEST } from './remote.js';
import { utf8Encode } from '../../kernel/utf8.js';

export async function distributionInspect(engine: DaemonStore, sys: Sys, name: string): Promise<Record<string, unknown>> {
  const ref = tagNameOnly(parseNormalizedNamed(name));
  const remote = await openPullRemote(engine, sys, ref);
  if (remote) {
    const m = await remote.getManifest(ref.digest ?? ref.tag!);
    return {
      Descriptor: { mediaType: MEDIA_MANIFEST, digest: m.digest, size: utf8Encode(m.body).length },
      Platforms: [{ architecture: 'amd64', os: 'linux' }],
    };
  }
  const cat = resolveRemote(ref);
  const b = buildCatalogImage(cat);
  return {
    Descriptor: { mediaType: MEDIA_OCI_INDEX, digest: b.repoDigest, size: utf8Encode(catalogIndex(cat)).length },
    Platforms: [{ architecture: 'amd64', os: 'linux' }],
  };
}

const MEDIA_OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const MEDIA_OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/**
 * The OCI index Docker Hub serves for an official image, as the simulator has it: one linux/amd64 manifest of the
 * image's config and its one layer blob (compact JSON, keys in Go's marshal order). Its length is the descriptor's
 * size. The catalogue's repo digest stays the one the simulator has always shown (it is not these bytes' sha256:
 * nothing here fetches an index by digest).
 */
export function catalogIndex(cat: CatalogImage): string {
  const b = buildCatalogImage(cat);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: b.imageId, size: utf8Encode(b.config).length },
    layers: b.blobIds.map((digest) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest, size: compressedLayerSize(cat, b.blobIds.length) })),
  });
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_OCI_INDEX,
    manifests: [{ mediaType: MEDIA_OCI_MANIFEST, digest: `sha256:${sha256Hex(utf8Encode(manifest))}`, size: utf8Encode(manifest).length, platform: { architecture: 'amd64', os: 'linux' } }],
  });
}
