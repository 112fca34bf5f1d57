/** GET /distribution/{name}/json for a catalogue image: the descriptor of the index Docker Hub would serve. */
import { describe, expect, it } from 'vitest';
import { catalogIndex, distributionInspect } from '../../../../src/engine/daemon/distribution/inspect.js';
import { buildCatalogImage, resolveRemote } from '../../../../src/engine/daemon/registry.js';
import { parseNormalizedNamed, tagNameOnly } from '../../../../src/pkg/reference.js';
import { boot, inDaemon } from '../harness.js';

describe('distribution inspect of a catalogue image', () => {
  it('gives the index\'s media type, the repo digest and the index\'s byte size, not 0', async () => {
    const h = boot();
    const out = await inDaemon(h, async (d) => distributionInspect(d.store, d.sys, 'busybox'));
    const cat = resolveRemote(tagNameOnly(parseNormalizedNamed('busybox')));
    const index = catalogIndex(cat);
    expect(out).toEqual({
      Descriptor: { mediaType: 'application/vnd.oci.image.index.v1+json', digest: buildCatalogImage(cat).repoDigest, size: index.length },
      Platforms: [{ architecture: 'amd64', os: 'linux' }],
    });
    const parsed = JSON.parse(index) as { manifests: Array<{ size: number; platform: unknown }> };
    expect(parsed.manifests).toHaveLength(1);
    expect(parsed.manifests[0].platform).toEqual({ architecture: 'amd64', os: 'linux' });
    expect((out.Descriptor as { size: number }).size).toBeGreaterThan(200);
  });
});
