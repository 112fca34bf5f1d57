/**
 * moby's V2 metadata service: for each layer (DiffID), the blob digests and repositories it is known to be in,
 * from pushes and pulls. A push tries those repositories for a cross-repository mount (`Mounted from …`). Images
 * from the offline catalogue were pulled from Docker Hub's official repositories, so their layers are known
 * there without a record.
 */
import { buildCatalogImage, CATALOG } from '../registry.js';
import type { DaemonStore } from '../store.js';

export interface BlobMetadata {
  readonly digest: string;
  /** `docker.io/library/ubuntu`, `localhost:5000/you/web`. */
  readonly repo: string;
}

const stores = new WeakMap<DaemonStore, Map<string, BlobMetadata[]>>();

function of(engine: DaemonStore): Map<string, BlobMetadata[]> {
  let m = stores.get(engine);
  if (!m) {
    m = new Map();
    stores.set(engine, m);
  }
  return m;
}

export function recordBlob(engine: DaemonStore, diffId: string, digest: string, repo: string): void {
  const list = of(engine).get(diffId) ?? [];
  if (!list.some((b) => b.digest === digest && b.repo === repo)) list.push({ digest, repo });
  of(engine).set(diffId, list);
}

export function knownBlobs(engine: DaemonStore, diffId: string): BlobMetadata[] {
  const out = [...(of(engine).get(diffId) ?? [])];
  for (const img of engine.images.all()) {
    if (img.catalogKey === '' || !img.diffIds.includes(diffId)) continue;
    const cat = CATALOG.find((c) => c.key === img.catalogKey);
    if (!cat) continue;
    const b = buildCatalogImage(cat);
    const i = b.diffIds.indexOf(diffId);
    const repo = `docker.io/${cat.path}`;
    if (i >= 0 && !out.some((x) => x.repo === repo)) out.push({ digest: b.blobIds[i], repo });
  }
  return out;
}
