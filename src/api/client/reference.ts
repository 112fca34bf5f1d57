/**
 * moby client's getAPITagFromNamedRef: the `tag` query parameter of /images/create, which carries the digest
 * of a canonical reference (`ubuntu@sha256:…`) and is empty for a bare name (`--all-tags`).
 */
import type { Reference } from '../../pkg/reference.js';

export function apiTag(r: Reference): string {
  return r.digest ?? r.tag ?? '';
}
