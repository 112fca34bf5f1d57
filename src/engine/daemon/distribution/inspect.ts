/** GET /distribution/{name}/json (moby router/distribution): the manifest descriptor a registry answers for a name. */
import type { Sys } from '../../kernel/sys.js';
import { parseNormalizedNamed, tagNameOnly } from '../../../pkg/reference.js';
import { buildCatalogImage, resolveRemote } from '../registry.js';
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
  const b = buildCatalogImage(resolveRemote(ref));
  // Docker Hub serves the official images as OCI indexes; the simulator does not model their bytes.
  return {
    Descriptor: { mediaType: 'application/vnd.oci.image.index.v1+json', digest: b.repoDigest, size: 0 },
    Platforms: [{ architecture: 'amd64', os: 'linux' }],
  };
}
