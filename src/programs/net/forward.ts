/**
 * The web preview's port forward, the client side (machine/preview.ts starts it): one request written on a
 * connection the forwarder dials on the host, the answer read with the response reader curl and the Engine
 * API client use, every wait bounded in virtual time. In the network tools' chunk, beside curl: the page's
 * first chunk does not carry it, and a machine loads it through `Sys.hostLoad` at its first request.
 */
import { arrayFromBytes } from '../../api/bytes.js';
import { ProtocolError, ResponseReader } from '../../api/client/response.js';
import { SysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';

/** One request as the journal keeps it: everything the server will see, so a replay sends the same bytes. */
export interface HttpRequest {
  readonly method: 'GET';
  /**
   * The host's IPv4 address the forwarder connects to: 127.0.0.1 for a port bound to every address (or to
   * loopback), the address itself for a port published on one address only (`-p 10.0.2.15:8080:80`).
   */
  readonly address: string;
  /** The host's port (a published port, or a server on the host itself). */
  readonly port: number;
  /** Path and query, starting with `/`. */
  readonly path: string;
  /** Header lines after Host, in order (User-Agent, Accept, Referer…). */
  readonly headers: readonly (readonly [string, string])[];
}

export type HttpOutcome =
  | {
      readonly ok: true;
      readonly status: number;
      readonly statusText: string;
      readonly headers: readonly (readonly [string, string])[];
      readonly body: Uint8Array;
      /** The body was longer than `MAX_BODY_BYTES`: what came is kept, the rest was not read. */
      readonly truncated: boolean;
    }
  | {
      readonly ok: false;
      /**
       * `refused`: nothing listens there; `timeout`: no connection or no complete answer within the time;
       * `empty`: the server closed without a byte; `protocol`: not HTTP/1.x; `unreachable`: no route;
       * `host`: the host could not start the forwarder (PID 1 gone, out of tasks).
       */
      readonly error: 'refused' | 'timeout' | 'empty' | 'protocol' | 'unreachable' | 'host';
      readonly message: string;
    };

/** A browser waits ~30 s for a connection and an answer before it says the page is not responding. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** More than a preview should hold in the page; the rest is left unread (and the server's write fails). */
export const MAX_BODY_BYTES = 4 << 20;

/** The request's bytes on the wire. */
export function requestText(req: HttpRequest): string {
  // As a browser writes it: the default port goes without saying.
  const host = req.port === 80 ? hostName(req.address) : `${hostName(req.address)}:${req.port}`;
  const lines = [`${req.method} ${req.path} HTTP/1.1`, `Host: ${host}`];
  for (const [k, v] of req.headers) lines.push(`${k}: ${v}`);
  // One request per connection: the preview has nothing to reuse a connection for.
  lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** What the address bar and the Host header call the address: `localhost` for loopback, as a browser's port forward does. */
export function hostName(address: string): string {
  return address === '127.0.0.1' ? 'localhost' : address;
}

export async function exchange(sys: Sys, req: HttpRequest): Promise<HttpOutcome> {
  const deadline = sys.uptime() + REQUEST_TIMEOUT_MS;
  let fd: number;
  try {
    fd = await sys.dial(`tcp://${req.address}:${req.port}`, { timeoutMs: REQUEST_TIMEOUT_MS });
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    if (e.code === 'ECONNREFUSED') return { ok: false, error: 'refused', message: e.message };
    if (e.code === 'ETIMEDOUT') return { ok: false, error: 'timeout', message: e.message };
    return { ok: false, error: 'unreachable', message: e.message };
  }
  try {
    await sys.write(fd, requestText(req));
    const timed = { readData: (f: number, max?: number) => readBefore(sys, f, deadline, max) };
    const res = new ResponseReader(timed, fd, req.method);
    await res.readHead();
    const pieces: string[] = [];
    let size = 0;
    let truncated = false;
    for (let p = await res.next(); p !== null; p = await res.next()) {
      pieces.push(p);
      size += p.length;
      if (size > MAX_BODY_BYTES) {
        truncated = true;
        break;
      }
    }
    const headers: [string, string][] = [];
    for (const line of res.rawHead.slice(1)) {
      const c = line.indexOf(':');
      if (c > 0) headers.push([line.slice(0, c), line.slice(c + 1).trim()]);
    }
    const body = arrayFromBytes(pieces.join(''));
    return { ok: true, status: res.status, statusText: res.statusText, headers, body: truncated ? body.subarray(0, MAX_BODY_BYTES) : body, truncated };
  } catch (e) {
    if (e instanceof Timeout) return { ok: false, error: 'timeout', message: 'no complete answer in time' };
    if (e instanceof ProtocolError) return { ok: false, error: e.kind === 'empty' ? 'empty' : 'protocol', message: e.message };
    if (e instanceof SysError) return { ok: false, error: 'empty', message: e.message };
    throw e;
  } finally {
    sys.close(fd);
  }
}

class Timeout extends Error {}

/** A read of the connection's pieces, as written, that gives up at `deadline` (virtual uptime). */
async function readBefore(sys: Sys, fd: number, deadline: number, max?: number): Promise<string | Uint8Array | null> {
  for (;;) {
    const left = deadline - sys.uptime();
    if (left <= 0) throw new Timeout();
    const d = await sys.readDataTimed(fd, left, max);
    if (d !== undefined) return d;
  }
}
