/**
 * Image references as distribution/reference parses them (ParseNormalizedNamed, ParseAnyReference):
 * `ubuntu` → docker.io/library/ubuntu, `user/repo:tag`, `host:5000/a/b@sha256:…`. Familiar forms drop
 * `docker.io/` and `library/` again for display (`ubuntu:latest`).
 */
import { invalidParameter, type DaemonError } from '../../pkg/errdefs.js';

export const DEFAULT_DOMAIN = 'docker.io';
export const DEFAULT_TAG = 'latest';

export interface Reference {
  readonly domain: string;
  /** `library/ubuntu`, `user/repo`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const DOMAIN = /^(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;

export const invalidReference = (detail = ''): DaemonError =>
  invalidParameter(detail ? `invalid reference format: ${detail}` : 'invalid reference format');

/** ParseNormalizedNamed. Throws InvalidParameter with distribution's messages. */
/** Parsed references by their text: every `docker run busybox` parses `busybox` again (bounded, results frozen). */
const parsed = new Map<string, Reference>();

export function parseNormalizedNamed(s: string): Reference {
  let r = parsed.get(s);
  if (!r) {
    r = Object.freeze(parseReference(s));
    if (parsed.size >= 512) parsed.clear();
    parsed.set(s, r);
  }
  return r;
}

function parseReference(s: string): Reference {
  if (/^[a-f0-9]{64}$/.test(s)) {
    throw invalidParameter(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw invalidReference();
    if (digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest)) throw invalidParameter('invalid checksum digest length');
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw invalidReference();
  }
  if (rest === '' || rest.length > 255) throw invalidReference();
  const parts = rest.split('/');
  let domain = DEFAULT_DOMAIN;
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost' || parts[0] !== parts[0].toLowerCase())) {
    domain = parts.shift()!;
    if (!DOMAIN.test(domain)) throw invalidReference();
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  let path = parts.join('/');
  if (domain === DEFAULT_DOMAIN && parts.length === 1) path = `library/${path}`;
  if (path !== path.toLowerCase()) throw invalidReference(`repository name (${path}) must be lowercase`);
  if (!parts.every((p) => COMPONENT.test(p))) throw invalidReference();
  return { domain, path, tag, digest };
}

/** reference.TagNameOnly: a bare name gets `:latest`. */
export function withDefaultTag(r: Reference): Reference {
  return r.tag === undefined && r.digest === undefined ? { ...r, tag: DEFAULT_TAG } : r;
}

/** `docker.io/library/ubuntu`. */
export function fullName(r: Reference): string {
  return `${r.domain}/${r.path}`;
}

/** reference.FamiliarName: `ubuntu`, `user/repo`, `quay.io/x/y`. */
export function familiarName(r: Reference): string {
  if (r.domain !== DEFAULT_DOMAIN) return fullName(r);
  return r.path.startsWith('library/') && r.path.indexOf('/', 8) < 0 ? r.path.slice(8) : r.path;
}

/** reference.FamiliarString: name, then `:tag`, then `@digest`. */
export function familiarString(r: Reference): string {
  return familiarName(r) + (r.tag !== undefined ? `:${r.tag}` : '') + (r.digest !== undefined ? `@${r.digest}` : '');
}

/** The full string, as the reference store keys it. */
export function referenceString(r: Reference): string {
  return fullName(r) + (r.tag !== undefined ? `:${r.tag}` : '') + (r.digest !== undefined ? `@${r.digest}` : '');
}
