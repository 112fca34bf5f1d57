/**
 * One request on its own connection through `Sys`: the bytes Go's http.Client writes (Host, User-Agent,
 * Content-Length, the rest sorted, Accept-Encoding added by the transport over TCP), the response read back
 * with ResponseReader. Connection failures become the CLI's texts.
 */
import { isProcessEnd } from '../../engine/kernel/process.js';
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { arrayFromBytes, sendWire } from '../bytes.js';
import { Headers } from '../http/headers.js';
import { CLIENT_USER_AGENT } from '../version.js';
import { connectionError } from './errors.js';
import { ResponseReader } from './response.js';

export interface RequestSpec {
  readonly method: string;
  /** Path with query (`/v1.50/containers/json?all=1`). */
  readonly target: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Bytes: a binary string, or a Uint8Array (a tar to upload), sent as it is without a string between. */
  readonly body?: string | Uint8Array;
  /** A hijack: no Accept-Encoding, the connection is kept for raw use. */
  readonly hijack?: boolean;
}

/** The Host header Go's docker client sends: a dummy name over a unix socket. */
export function hostHeader(host: string): string {
  return host.startsWith('unix://') ? 'api.moby.localhost' : host.replace(/^tcp:\/\//, '');
}

export function formatRequest(host: string, spec: RequestSpec): string {
  const h = new Headers(Object.entries(spec.headers ?? {}));
  let out = `${spec.method} ${spec.target} HTTP/1.1\r\nHost: ${hostHeader(host)}\r\nUser-Agent: ${CLIENT_USER_AGENT}\r\n`;
  const body = spec.body ?? '';
  if (body.length > 0 || ['POST', 'PUT', 'PATCH'].includes(spec.method)) out += `Content-Length: ${body.length}\r\n`;
  out += h.lines();
  if (host.startsWith('tcp://') && spec.method !== 'HEAD' && !spec.hijack) out += 'Accept-Encoding: gzip\r\n';
  return `${out}\r\n${typeof body === 'string' ? body : ''}`;
}


/** `reader` reads the response (a caller may give one with a deadline: the build's progress ticks). */
export async function roundTrip(sys: Sys, host: string, spec: RequestSpec, reader: Pick<Sys, 'readData'> = sys): Promise<ResponseReader> {
  let fd: number;
  try {
    fd = sys.connect(host);
  } catch (e) {
    if (isSysError(e)) throw connectionError(e.code, host, spec.method, spec.target);
    throw e;
  }
  try {
    const head = formatRequest(host, spec);
    if (spec.body instanceof Uint8Array && spec.body.length > 0) {
      // Head and body in one write, as the binary string went: a write's cost on the simulated clock counts
      // calls and bytes, so transcripts keep their times. The body is copied once, never through a string.
      const all = new Uint8Array(head.length + spec.body.length);
      all.set(arrayFromBytes(head));
      all.set(spec.body, head.length);
      await sys.write(fd, all);
    } else await sendWire(sys, fd, head);
    const res = new ResponseReader(reader, fd, spec.method);
    await res.readHead();
    return res;
  } catch (e) {
    if (!isProcessEnd(e)) sys.close(fd);
    if (isSysError(e)) throw connectionError(e.code === 'EACCES' ? 'EACCES' : 'ECONNRESET', host, spec.method, spec.target);
    throw e;
  }
}
