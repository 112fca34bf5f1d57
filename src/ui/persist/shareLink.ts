/**
 * Share links: `?session=` + base64url(deflate-raw(JSON of { seed, journal, head, lessons })), and `?locale=`.
 * Typing is repetitive text, so a session of a few dozen commands fits in a URL. The machine travels with the
 * lesson open on it (lesson, step), not the page layout nor the sharer's own progress.
 */
import type { JournalEntry, Position } from '../../machine/journal.js';
import { arrayFromBytes, bytesFromArray } from '../../api/bytes.js';

export interface SharedSession {
  readonly seed: number;
  readonly journal: readonly JournalEntry[];
  readonly head: Position;
  /** The lesson slot (src/ui/lessons/saved.ts), as the page saves it; opaque here. */
  readonly lessons?: unknown;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
  return btoa(bytesFromArray(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return arrayFromBytes(atob(b64));
}

export async function encodeShared(s: SharedSession): Promise<string> {
  const json = JSON.stringify({ v: 1, seed: s.seed, journal: s.journal, head: s.head, lessons: s.lessons ?? null });
  return toBase64Url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/** The decoded JSON value (checked by the caller, as any saved session is). */
export async function decodeShared(param: string): Promise<unknown> {
  const bytes = await pipe(fromBase64Url(param), new DecompressionStream('deflate-raw'));
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}

/** The link: the session, and the language it was shown in (the lesson text follows it). */
export function shareUrl(base: string, param: string, locale?: string): string {
  const u = new URL(base);
  u.search = '';
  u.hash = '';
  if (locale !== undefined) u.searchParams.set('locale', locale);
  u.searchParams.set('session', param);
  return u.toString();
}
