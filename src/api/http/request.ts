/** A parsed HTTP request, as the router sees it. Strings marked "bytes" are binary strings. */
import type { Headers } from './headers.js';
import type { Query } from './query.js';
import { arrayFromBytes } from '../bytes.js';

export interface HttpRequest {
  readonly method: string;
  /** The request-target as sent (`/v1.50/containers/json?all=1`). */
  readonly target: string;
  /** The path, percent-decoded. */
  readonly path: string;
  readonly rawQuery: string;
  readonly proto: string;
  readonly headers: Headers;
  /** The whole body, bytes (requests to the Engine API are small; streams go through hijacking). */
  readonly body: string;
  /**
   * A large body (an image archive to load, a build context) as the bytes it arrived as: `body` is then made
   * from them only if something reads it. Use requestBytes() for a body read as bytes.
   */
  readonly bodyBytes?: Uint8Array;
  /** The connection stays open after the response (HTTP/1.1 without `Connection: close`). */
  readonly keepAlive: boolean;
}

/** The body as bytes, without going through a binary string when it arrived as bytes. */
export function requestBytes(req: HttpRequest): Uint8Array {
  return req.bodyBytes ?? arrayFromBytes(req.body);
}

/** What `Upgrade: tcp` attach/exec requests carry; moby only checks that the header is present. */
export function wantsUpgrade(req: HttpRequest): boolean {
  return req.headers.has('Upgrade');
}

export type { Query };
