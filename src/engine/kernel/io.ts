/**
 * What a non-blocking read or write on an open file returns. Its own module so the files that implement
 * `OpenFile` (a tty among them) need not import openfile.ts, which names the tty.
 */

/** What a write carries: a string is UTF-8 text, a Uint8Array bytes as they are. */
export type Data = string | Uint8Array;

/** `undefined` from a try-operation means "would block": wait on the matching queue and retry. */
export type ReadResult = string | null | undefined;
export type BytesResult = Uint8Array | null | undefined;
export type DataResult = Data | null | undefined;
export type WriteResult = 'ok' | 'epipe' | undefined;
