/**
 * curl (8.5, Ubuntu 24.04) for plain HTTP on this host: enough to talk to the Docker daemon the way the book
 * does (`curl --unix-socket /var/run/docker.sock http://localhost/containers/json`). The simulated host has
 * no Internet: any other host fails as a host without DNS would.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { bytesToText, textToBytes } from '../../api/bytes.js';
import { ProtocolError, ResponseReader } from '../../api/client/response.js';

interface CurlOptions {
  url: string;
  method: string | undefined;
  socket: string | undefined;
  headers: string[];
  data: string | undefined;
  include: boolean;
  silent: boolean;
  fail: boolean;
}

const USAGE = "curl: try 'curl --help' or 'curl --manual' for more information\n";

function parse(argv: readonly string[]): CurlOptions | string {
  const o: CurlOptions = { url: '', method: undefined, socket: undefined, headers: [], data: undefined, include: false, silent: false, fail: false };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string | undefined => argv[++i];
    if (a === '--unix-socket') o.socket = next();
    else if (a === '-X' || a === '--request') o.method = next();
    else if (a === '-H' || a === '--header') o.headers.push(next() ?? '');
    else if (a === '-d' || a === '--data' || a === '--data-raw') o.data = next();
    else if (a === '-i' || a === '--include') o.include = true;
    else if (a === '-s' || a === '--silent') o.silent = true;
    else if (a === '-f' || a === '--fail') o.fail = true;
    else if (/^-[isfS]+$/.test(a)) {
      o.include ||= a.includes('i');
      o.silent ||= a.includes('s');
      o.fail ||= a.includes('f');
    } else if (a.startsWith('-')) return `curl: option ${a}: is unknown\n${USAGE}`;
    else o.url = a;
  }
  if (!o.url) return `curl: no URL specified\n${USAGE}`;
  return o;
}

export const curl: Program = async (sys: Sys) => {
  const o = parse(sys.argv);
  if (typeof o === 'string') {
    await sys.write(2, o);
    return 2;
  }
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(o.url);
  if (!m) {
    await sys.write(2, `curl: (3) URL rejected: Malformed input to a URL function\n`);
    return 3;
  }
  const scheme = m[1] ?? 'http';
  const host = m[2];
  const port = Number(m[3] ?? (scheme === 'https' ? 443 : 80));
  const target = m[4] || '/';
  const local = ['localhost', '127.0.0.1', '0.0.0.0'].includes(host) || sys.netInterfaces().some((i) => i.ipv4.some((c) => c.startsWith(`${host}/`)));
  if (!o.socket && !local) {
    await sys.write(2, `curl: (6) Could not resolve host: ${host}\n`);
    return 6;
  }
  let fd: number;
  try {
    fd = sys.connect(o.socket ? `unix://${o.socket}` : `tcp://${host === 'localhost' ? '127.0.0.1' : host}:${port}`);
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    await sys.write(2, `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`);
    return 7;
  }
  const method = o.method ?? (o.data !== undefined ? 'POST' : 'GET');
  const body = o.data === undefined ? '' : textToBytes(o.data);
  let req = `${method} ${target} HTTP/1.1\r\nHost: ${host}${m[3] ? `:${port}` : ''}\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n`;
  for (const h of o.headers) req += `${h}\r\n`;
  if (o.data !== undefined) {
    if (!o.headers.some((h) => /^content-type:/i.test(h))) req += 'Content-Type: application/x-www-form-urlencoded\r\n';
    req += `Content-Length: ${body.length}\r\n`;
  }
  await sys.write(fd, `${req}\r\n${body}`);
  const res = new ResponseReader(sys, fd, method);
  try {
    await res.readHead();
    if (o.fail && res.status >= 400) {
      await sys.write(2, `curl: (22) The requested URL returned error: ${res.status}\n`);
      return 22;
    }
    if (o.include) {
      await sys.write(1, `HTTP/1.1 ${res.status} ${res.statusText}\r\n${res.headers.lines()}\r\n`);
    }
    for (let piece = await res.next(); piece !== null; piece = await res.next()) await sys.write(1, bytesToText(piece));
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    await sys.write(2, 'curl: (52) Empty reply from server\n');
    return 52;
  } finally {
    sys.close(fd);
  }
  return 0;
};
