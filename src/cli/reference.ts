/**
 * Image references as distribution/reference normalises them: `ubuntu` is `docker.io/library/ubuntu`,
 * a first component with `.` or `:` (or `localhost`) is a registry, tags and digests are validated, and
 * the familiar form drops `docker.io/` and `library/` again. Errors carry the library's texts.
 */
export interface NamedRef {
  readonly domain: string;
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const REFERENCE = new RegExp(
  `^((?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`,
);
const HEX64 = /^[a-f0-9]{64}$/;

export class ReferenceError extends Error {}

function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  let domain: string;
  let rest: string;
  const first = i < 0 ? '' : name.slice(0, i);
  if (i < 0 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = 'docker.io';
    rest = name;
  } else {
    domain = first;
    rest = name.slice(i + 1);
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !rest.includes('/')) rest = 'library/' + rest;
  return [domain, rest];
}

/** reference.ParseNormalizedNamed. */
export function parseNormalizedNamed(s: string): NamedRef {
  if (HEX64.test(s)) {
    throw new ReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const nameEnd = remainder.search(/[:@]/);
  const remoteName = nameEnd < 0 ? remainder : remainder.slice(0, nameEnd);
  if (remoteName.toLowerCase() !== remoteName) {
    throw new ReferenceError(`invalid reference format: repository name (${remoteName}) must be lowercase`);
  }
  const m = REFERENCE.exec(`${domain}/${remainder}`);
  if (!m || s === '') throw new ReferenceError('invalid reference format');
  const full = m[1];
  const path = full.slice(domain.length + 1);
  if (full.length > 255) throw new ReferenceError('repository name must not be more than 255 characters');
  return { domain, path, tag: m[2], digest: m[3] };
}

/** reference.ParseAnyReference: a bare 64-hex (or sha256:…) is an image ID, not a name (null). */
export function parseAnyReference(s: string): NamedRef | null {
  if (HEX64.test(s) || /^sha256:[a-f0-9]{64}$/.test(s)) return null;
  return parseNormalizedNamed(s);
}

/** reference.TagNameOnly: `latest` when there is neither tag nor digest. */
export function tagNameOnly(r: NamedRef): NamedRef {
  return r.tag === undefined && r.digest === undefined ? { ...r, tag: 'latest' } : r;
}

export function isNameOnly(r: NamedRef): boolean {
  return r.tag === undefined && r.digest === undefined;
}

export function refName(r: NamedRef): string {
  return `${r.domain}/${r.path}`;
}

export function refString(r: NamedRef): string {
  return refName(r) + (r.tag !== undefined ? `:${r.tag}` : '') + (r.digest !== undefined ? `@${r.digest}` : '');
}

export function familiarName(r: NamedRef): string {
  if (r.domain !== 'docker.io') return refName(r);
  return r.path.startsWith('library/') && r.path.split('/').length === 2 ? r.path.slice(8) : r.path;
}

export function familiarString(r: NamedRef): string {
  return familiarName(r) + (r.tag !== undefined ? `:${r.tag}` : '') + (r.digest !== undefined ? `@${r.digest}` : '');
}

/** The `tag` query parameter of /images/create: the tag, or the digest for a canonical reference. */
export function apiTag(r: NamedRef): string {
  return r.digest ?? r.tag ?? '';
}
