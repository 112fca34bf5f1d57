/**
 * What a push or pull needs of a registry's repository (distribution's Repository: blobs and manifests), so
 * one pusher and one puller serve Docker Hub (hub.ts, records on the simulated Internet) and a registry
 * container spoken to over HTTP (dockerd's distribution client). Blobs travel as layers (blobs.ts), or as bytes
 * when they are small (an image config).
 */
import type { Layer } from '../../fs/layer.js';
import type { Sys } from '../../kernel/sys.js';
import type { Reference } from '../../../pkg/reference.js';
import type { DaemonStore } from '../store.js';

export const MEDIA_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const MEDIA_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const MEDIA_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

export type BlobContent = { readonly layer: Layer } | { readonly bytes: Uint8Array };

/** registrytypes.AuthConfig as X-Registry-Auth carries it. */
export interface AuthConfig {
  readonly username?: string;
  readonly password?: string;
  readonly serveraddress?: string;
  readonly identitytoken?: string;
}

export interface RemoteRepository {
  /** `you/static_web`: the repository's name on its registry. */
  readonly path: string;
  /** HEAD /v2/<name>/blobs/<digest>. */
  blobExists(digest: string): Promise<boolean>;
  /** POST /v2/<name>/blobs/uploads/?mount=<digest>&from=<repo>: true when the registry mounted it (201). */
  mountBlob(digest: string, from: string): Promise<boolean>;
  /** The upload session: POST, PATCH, PUT ?digest=. */
  putBlob(digest: string, content: BlobContent, size: number): Promise<void>;
  /** PUT /v2/<name>/manifests/<tag>. */
  putManifest(tag: string, body: string): Promise<void>;
  /** GET /v2/<name>/manifests/<tag or digest>: the manifest's bytes and digest, or the registry's error. */
  getManifest(reference: string): Promise<{ readonly body: string; readonly digest: string }>;
  /** GET /v2/<name>/blobs/<digest>. */
  getBlob(digest: string): Promise<BlobContent>;
}

/**
 * Opens a repository on a registry other than the offline catalogue (the Hub's pushed repositories, a registry
 * container); null when the reference is the catalogue's. Errors are Docker's (`http: server gave HTTP
 * response to HTTPS client`, `connection refused`…).
 */
export type RemoteOpener = (sys: Sys, ref: Reference, action: 'push' | 'pull', auth: AuthConfig) => Promise<RemoteRepository | null>;

/** dockerd's registry service: how it reaches registries (insecure-registries included). */
export interface RegistryService {
  readonly open: RemoteOpener;
  /** POST /auth for a registry other than Docker Hub: `GET /v2/` must answer. */
  login(sys: Sys, server: string, auth: AuthConfig): Promise<void>;
}

const services = new WeakMap<DaemonStore, RegistryService>();

export function setRegistryService(engine: DaemonStore, service: RegistryService): void {
  services.set(engine, service);
}

export function remoteOpener(engine: DaemonStore): RemoteOpener | undefined {
  return services.get(engine)?.open;
}

export function registryService(engine: DaemonStore): RegistryService | undefined {
  return services.get(engine);
}

/**
 * How dockerd and a registry container pass a layer blob without its bytes: the request or response body is
 * the blob's digest with this content type, and the receiver takes the layer from the blob pool (blobs.ts).
 * Only dockerd asks for it (`Accept`); any other client of the registry gets the blob's bytes.
 */
export const LAYER_REF_TYPE = 'application/vnd.dockersim.layer-ref';
