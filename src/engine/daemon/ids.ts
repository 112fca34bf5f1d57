/**
 * Container (and exec) IDs, as moby's pkg/stringid: 32 random bytes in hex, drawn again if the 12-char short
 * form is all digits (it would parse as a number, and it becomes the hostname). Lookup follows
 * daemon.GetContainer: a full ID, then an exact name, then a unique ID prefix. Names never match by prefix.
 */
import type { Prng } from '../kernel/prng.js';
import { invalidParameter, notFound } from '../../pkg/errdefs.js';

export function generateID(prng: Pick<Prng, 'hex'>): string {
  for (;;) {
    const id = prng.hex(32);
    if (!/^[0-9]{12}$/.test(shortID(id))) return id;
  }
}

/** stringid.TruncateID: drops an `algo:` prefix, keeps 12 characters. */
export function shortID(id: string): string {
  const colon = id.indexOf(':');
  const bare = colon >= 0 ? id.slice(colon + 1) : id;
  return bare.length > 12 ? bare.slice(0, 12) : bare;
}

/** The narrow view of the container store that lookup needs. */
export interface ContainerIndex<T> {
  get(id: string): T | undefined;
  /** The container ID a name (with its leading `/`) is reserved to. */
  idByName(name: string): string | undefined;
  ids(): Iterable<string>;
}

/**
 * moby daemon.GetContainer. Errors: `No such container: x` (NotFound), `multiple IDs found with provided
 * prefix: x` (InvalidParameter), and for an empty argument `invalid name or ID supplied: ""`.
 */
export function getContainer<T>(index: ContainerIndex<T>, prefixOrName: string): T {
  if (prefixOrName === '') throw invalidParameter('invalid name or ID supplied: ""');
  const exact = index.get(prefixOrName);
  if (exact !== undefined) return exact;
  const byName = index.idByName(prefixOrName.startsWith('/') ? prefixOrName : `/${prefixOrName}`);
  if (byName !== undefined) {
    const c = index.get(byName);
    if (c !== undefined) return c;
  }
  let found: string | undefined;
  for (const id of index.ids()) {
    if (!id.startsWith(prefixOrName)) continue;
    if (found !== undefined) throw invalidParameter(`multiple IDs found with provided prefix: ${prefixOrName}`);
    found = id;
  }
  const c = found === undefined ? undefined : index.get(found);
  if (c === undefined) throw notFound(`No such container: ${prefixOrName}`);
  return c;
}
