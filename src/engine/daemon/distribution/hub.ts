/**
 * The simulated Docker Hub's memory of the session: its accounts and what the learner pushed. It lives with the
 * machine (keyed by its kernel), so it lasts the session, outlives dockerd restarts, and a replay of the journal
 * logs in and pushes the same way again, rebuilding it. Official images (`library/…`) stay the offline
 * catalogue's; their layers are there to mount from. Anyone may pull; a push needs a login and a repository in
 * the user's own namespace, else Docker Hub's `denied`.
 *
 * Accounts: the real Hub cannot be reached and has no sign-up page here, so the first login with a name Docker
 * Hub would give out (a Docker ID: 4 to 30 lowercase letters and digits) registers that account with the
 * password given; a later login must give the same password. Any other name, a name the simulated Hub shows as
 * someone else's (`ubuntu`, `library`…), and a wrong password get Hub's answer to a login it refuses.
 */
import type { Kernel } from '../../kernel/kernel.js';
import { notFound, systemError } from '../../../pkg/errdefs.js';
import { TAKEN_NAMESPACES } from '../images/search.js';
import { buildCatalogImage, CATALOG } from '../registry.js';
import { layerOfBlob } from './blobs.js';
import { digestOf } from './manifest.js';
import type { AuthConfig, BlobContent, RemoteRepository } from './remote.js';

interface HubRepo {
  readonly tags: Map<string, string>;
  readonly blobs: Set<string>;
}

export interface HubState {
  /** Docker ID → password, in the order they were registered. */
  readonly accounts: Map<string, string>;
  readonly repos: Map<string, HubRepo>;
  readonly manifests: Map<string, string>;
  readonly configs: Map<string, Uint8Array>;
}

const hubs = new WeakMap<Kernel, HubState>();

export function hubOf(kernel: Kernel): HubState {
  let h = hubs.get(kernel);
  if (!h) {
    h = { accounts: new Map(), repos: new Map(), manifests: new Map(), configs: new Map() };
    hubs.set(kernel, h);
  }
  return h;
}

export const DENIED = 'denied: requested access to the resource is denied';

/** Hub's token server's refusal of credentials (`{"details": …}` as distribution's errcode words it). */
export const INCORRECT_CREDENTIALS = 'unauthorized: incorrect username or password';

/** What dockerd's login (registry.loginV2) reports when Hub's token server refuses the credentials. */
export const INCORRECT_LOGIN = `Get "https://registry-1.docker.io/v2/": ${INCORRECT_CREDENTIALS}`;

/** A name Docker Hub gives out as a Docker ID (its sign-up form's rule). */
export function isDockerID(name: string): boolean {
  return /^[a-z0-9]{4,30}$/.test(name);
}

/**
 * A login to the Hub: true when `username`/`password` name an account, registering it on the first login for a
 * valid Docker ID (see above); false where Hub refuses the credentials.
 */
export function hubLogin(kernel: Kernel, username: string, password: string): boolean {
  if (!isDockerID(username) || TAKEN_NAMESPACES.has(username) || password === '') return false;
  const accounts = hubOf(kernel).accounts;
  const known = accounts.get(username);
  if (known === undefined) accounts.set(username, password);
  return known === undefined || known === password;
}

/**
 * Credentials Hub's token server refuses: a name no account has, or another password. No name at all is an
 * anonymous token, which Hub gives (for pulls).
 */
export function hubRefuses(kernel: Kernel, auth: AuthConfig): boolean {
  const user = auth.username ?? '';
  return user !== '' && hubOf(kernel).accounts.get(user) !== (auth.password ?? '');
}

/**
 * The repositories the learner pushed, as Hub's search API lists a new public repository: no description, no
 * stars, not official. Only those with a tag: a push that failed before its manifest made none.
 */
export function hubPushedRepos(kernel: Kernel): readonly string[] {
  const out: string[] = [];
  for (const [path, r] of hubOf(kernel).repos) if (r.tags.size > 0) out.push(path);
  return out.sort();
}

/** A repository the learner pushed to (official names are the catalogue's, never the Hub's memory). */
export function hubHasRepo(kernel: Kernel, path: string): boolean {
  return hubOf(kernel).repos.has(path);
}

function catalogBlobs(path: string): Set<string> {
  const out = new Set<string>();
  for (const c of CATALOG) if (c.path === path) for (const b of buildCatalogImage(c).blobIds) out.add(b);
  return out;
}

/** The repository `path` on the Hub, as a pusher or puller sees it. */
export function hubRepository(kernel: Kernel, path: string, action: 'push' | 'pull', auth: AuthConfig): RemoteRepository {
  const hub = hubOf(kernel);
  if (action === 'push') {
    const user = auth.username ?? '';
    // Hub's token server checks the credentials before the scope: a push with credentials no account has fails
    // as the blob request's token fetch does (retryOnError keeps the errcode, not the URL); none at all gets an
    // anonymous token without push.
    if (hubRefuses(kernel, auth)) throw systemError(INCORRECT_CREDENTIALS);
    if (user === '' || !path.startsWith(`${user}/`)) throw systemError(DENIED);
  }
  const repo = (): HubRepo => {
    let r = hub.repos.get(path);
    if (!r) {
      r = { tags: new Map(), blobs: new Set() };
      hub.repos.set(path, r);
    }
    return r;
  };
  const has = (p: string, d: string): boolean => (hub.repos.get(p)?.blobs.has(d) ?? false) || catalogBlobs(p).has(d);
  return {
    path,
    blobExists: async (d) => has(path, d),
    mountBlob: async (d, from) => {
      if (!has(from, d)) return false;
      repo().blobs.add(d);
      return true;
    },
    putBlob: async (d, content) => {
      if ('bytes' in content) hub.configs.set(d, content.bytes);
      repo().blobs.add(d);
    },
    putManifest: async (tag, body) => {
      const digest = digestOf(body);
      hub.manifests.set(digest, body);
      repo().tags.set(tag, digest);
    },
    getManifest: async (ref) => {
      const r = hub.repos.get(path);
      const digest = ref.startsWith('sha256:') ? ref : r?.tags.get(ref);
      const body = digest !== undefined && (r?.tags.size ?? 0) > 0 ? hub.manifests.get(digest) : undefined;
      if (!body || !digest) throw notFound(`manifest for ${path}:${ref} not found: manifest unknown: manifest unknown`);
      return { body, digest };
    },
    getBlob: async (d): Promise<BlobContent> => {
      const cfg = hub.configs.get(d);
      if (cfg) return { bytes: cfg };
      const layer = layerOfBlob(d);
      if (!layer || !has(path, d)) throw notFound(`blob unknown: blob unknown to registry`);
      return { layer };
    },
  };
}
