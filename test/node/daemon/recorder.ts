/**
 * Records every HTTP exchange through the daemon (a bridge tap) and hands each JSON body to the validator:
 * requests parsed with the API's own parser, responses with a small reader of status, headers, Content-Length
 * and chunked bodies. A hijacked connection (101, or 200 with a raw/multiplexed stream) is not followed further.
 */
import { RequestParser } from '../../../src/api/http/parser.js';
import { bytesToText } from '../../../src/api/bytes.js';
import type { ConnectionTap } from '../../../src/node/daemon/bridge.js';
import type { SwaggerValidator } from './swagger.js';

export interface Exchange {
  method: string;
  path: string;
  status: number;
  headers: Map<string, string>;
  body: string;
}

export class Recorder {
  readonly exchanges: Exchange[] = [];
  private waiting = 0;

  /** Requests received and not yet answered in full: a client is waiting on the simulation. */
  get outstanding(): number {
    return this.waiting;
  }

  constructor(private readonly validator: SwaggerValidator | null) {}

  tap = (): ConnectionTap => {
    const parser = new RequestParser();
    const pending: Array<{ method: string; path: string }> = [];
    let buf = '';
    let stopped = false;
    return {
      // A client that gave up waiting (docker run -d leaves its /wait behind) no longer waits.
      closed: () => {
        this.waiting -= pending.length;
        pending.length = 0;
      },
      fromClient: (bytes) => {
        if (stopped) return;
        try {
          parser.push(bytes);
          for (let r = parser.next(); r; r = parser.next()) {
            pending.push({ method: r.method, path: r.target });
            this.waiting++;
          }
        } catch {
          /* a malformed request: the server's answer is still checked */
          pending.push({ method: 'BAD', path: '' });
        }
      },
      fromServer: (bytes) => {
        if (stopped) return;
        buf += bytes;
        for (;;) {
          const res = takeResponse(buf, pending[0]?.method === 'HEAD');
          if (!res) return;
          buf = res.rest;
          const req = pending.shift() ?? { method: '?', path: '?' };
          this.waiting--;
          const ex = { ...req, status: res.status, headers: res.headers, body: res.body };
          this.exchanges.push(ex);
          this.check(ex);
          if (res.hijacked) {
            stopped = true;
            this.waiting -= pending.length;
            return;
          }
        }
      },
    };
  };

  private check(ex: Exchange): void {
    const v = this.validator;
    if (!v) return;
    const ct = ex.headers.get('content-type') ?? '';
    if (ct !== 'application/json' || ex.body === '') return;
    const text = bytesToText(ex.body);
    if (ex.method === 'POST' && /\/images\/create$/.test(ex.path.split('?')[0]) && ex.status === 200) {
      for (const line of text.split('\n').filter((l) => l !== '')) v.definition('CreateImageInfo', `${ex.path} progress`, JSON.parse(line));
      return;
    }
    if (/\/(events|stats)$/.test(ex.path.split('?')[0])) return;
    v.response(ex.method, ex.path, ex.status, JSON.parse(text));
  }
}

function takeResponse(buf: string, head: boolean) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const lines = buf.slice(0, end).split('\r\n');
  const status = Number(lines[0].split(' ')[1]);
  const headers = new Map<string, string>();
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    headers.set(l.slice(0, i).toLowerCase(), l.slice(i + 1).trim());
  }
  let pos = end + 4;
  const ct = headers.get('content-type') ?? '';
  const hijacked = status === 101 || (ct.startsWith('application/vnd.docker.') && !headers.has('transfer-encoding') && !headers.has('content-length'));
  if (hijacked || head || status === 204 || status === 304) return { status, headers, body: '', rest: buf.slice(pos), hijacked };
  let body = '';
  if (headers.has('content-length')) {
    const n = Number(headers.get('content-length'));
    if (buf.length < pos + n) return null;
    body = buf.slice(pos, pos + n);
    pos += n;
  } else if (headers.get('transfer-encoding') === 'chunked') {
    for (;;) {
      const eol = buf.indexOf('\r\n', pos);
      if (eol < 0) return null;
      const size = parseInt(buf.slice(pos, eol), 16);
      if (buf.length < eol + 2 + size + 2) return null;
      body += buf.slice(eol + 2, eol + 2 + size);
      pos = eol + 2 + size + 2;
      if (size === 0) break;
    }
  } else return null; // delimited by close: not used by the Engine API over HTTP/1.1
  return { status, headers, body, rest: buf.slice(pos), hijacked: false };
}
