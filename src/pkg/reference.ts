/**
 * Image references as github.com/distribution/reference normalises them, for the CLI and the daemon alike:
 * `ubuntu` is `docker.io/library/ubuntu`, a first component with `.` or `:`, `localhost` or an upper-case
 * letter is a registry, tags and digests are validated (go-digest: sha256, sha384 or sha512, with 64, 96 or 128
 * lower-case hex digits), and the familiar form drops `docker.io/` and `library/` again. Errors carry the library's texts
 * as errdefs.InvalidParameter, which is what the daemon answers with (a 400); the CLI prints the message bare.
 */
import { invalidParameter, type DaemonError } from './errdefs.js';

export const DEFAULT_DOMAIN = 'docker.io';
export const DEFAULT_TAG = 'latest';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const NAME_TOTAL_LENGTH_MAX = 255;

/** A reference.Named, with its optional tag and digest. */
export interface Reference {
  readonly domain: string;
  /** `library/ubuntu`, `user/repo`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
/** reference.ReferenceRegexp: name, `:tag`, `@digest`. */
const REFERENCE = new RegExp(
  `^((?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`,
);
const HEX64 = /^[a-f0-9]{64}$/;

const invalid = (detail = ''): DaemonError =>
  invalidParameter(detail ? `invalid reference format: ${detail}` : 'invalid reference format');

function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  const first = i < 0 ? '' : name.slice(0, i);
  let domain: string;
  let rest: string;
  if (i < 0 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    rest = name;
  } else {
    domain = first;
    rest = name.slice(i + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !rest.includes('/')) rest = OFFICIAL_REPO_PREFIX + rest;
  return [domain, rest];
}

/** go-digest's algorithms and the hex length of each. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** go-digest's Digest.Validate (the reference regexp has already checked its shape). */
function validateDigest(digest: string): void {
  const i = digest.indexOf(':');
  const length = DIGEST_HEX_LENGTH[digest.slice(0, i)];
  if (length === undefined) throw invalidParameter('unsupported digest algorithm');
  const encoded = digest.slice(i + 1);
  if (encoded.length !== length) throw invalidParameter('invalid checksum digest length');
  if (!/^[a-f0-9]+$/.test(encoded)) throw invalidParameter('invalid checksum digest format');
}

function parse(s: string): Reference {
  if (HEX64.test(s)) {
    throw invalidParameter(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  // Go cuts at the first `:` only, so a digest's algorithm is part of the name checked here.
  const tagSep = remainder.indexOf(':');
  const remoteName = tagSep < 0 ? remainder : remainder.slice(0, tagSep);
  if (remoteName.toLowerCase() !== remoteName) throw invalid(`repository name (${remoteName}) must be lowercase`);
  const m = REFERENCE.exec(`${domain}/${remainder}`);
  if (!m || s === '') throw invalid();
  const full = m[1];
  if (full.length > NAME_TOTAL_LENGTH_MAX) {
    throw invalidParameter(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  if (m[3] !== undefined) validateDigest(m[3]);
  return { domain, path: full.slice(domain.length + 1), tag: m[2], digest: m[3] };
}

/** Parsed references by their text: every `docker run busybox` parses `busybox` again (bounded, results frozen). */
const parsed = new Map<string, Reference>();

/** reference.ParseNormalizedNamed. */
export function parseNormalizedNamed(s: string): Reference {
  let r = parsed.get(s);
  if (!r) {
    r = Object.freeze(parse(s));
    if (parsed.size >= 512) parsed.clear();
    parsed.set(s, r);
  }
  return r;
}

/** reference.ParseAnyReference: a bare 64-hex (or sha256:…) is an image ID, not a name (null). */
export function parseAnyReference(s: string): Reference | null {
  if (HEX64.test(s) || /^sha256:[a-f0-9]{64}$/.test(s)) return null;
  return parseNormalizedNamed(s);
}

/** reference.IsNameOnly. */
export function isNameOnly(r: Reference): boolean {
  return r.tag === undefined && r.digest === undefined;
}

/** reference.TagNameOnly: a bare name gets `:latest`. */
export function tagNameOnly(r: Reference): Reference {
  return isNameOnly(r) ? { ...r, tag: DEFAULT_TAG } : r;
}

/** Named.Name(): `docker.io/library/ubuntu`. */
export function fullName(r: Reference): string {
  return `${r.domain}/${r.path}`;
}

/** Named.String(), as the reference store keys it: `docker.io/library/ubuntu:latest`. */
export function referenceString(r: Reference): string {
  return fullName(r) + suffix(r);
}

/** reference.FamiliarName: `ubuntu`, `user/repo`, `quay.io/x/y`. */
export function familiarName(r: Reference): string {
  if (r.domain !== DEFAULT_DOMAIN) return fullName(r);
  return r.path.startsWith(OFFICIAL_REPO_PREFIX) && r.path.indexOf('/', OFFICIAL_REPO_PREFIX.length) < 0
    ? r.path.slice(OFFICIAL_REPO_PREFIX.length)
    : r.path;
}

/** reference.FamiliarString: name, then `:tag`, then `@digest`. */
export function familiarString(r: Reference): string {
  return familiarName(r) + suffix(r);
}

function suffix(r: Reference): string {
  return (r.tag !== undefined ? `:${r.tag}` : '') + (r.digest !== undefined ? `@${r.digest}` : '');
}
