/**
 * curl 8.5.0 (Ubuntu 24.04) over the simulated network: HTTP/1.1 to any address the namespace can reach
 * (another container, the host, example.com on the simulated Internet) or to a unix socket (the Docker API
 * the way the book does it). Its messages and exit codes are curl's; TLS is not modelled, so an https URL
 * stops after the TCP connect with one clear line.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { sendWire, textToBytes } from '../../api/bytes.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';
import { getaddrinfo } from '../lib/resolver.js';
import { defaultPort, HttpProtocolError, HttpResponse, parseUrl, resolveLocation, type Url } from './http.js';

const USAGE = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const VERSION = `curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7
Release-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.6
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`;

interface Options {
  urls: string[];
  method: string | undefined;
  socket: string | undefined;
  headers: string[];
  data: string[];
  include: boolean;
  head: boolean;
  silent: boolean;
  showError: boolean;
  fail: boolean;
  follow: boolean;
  verbose: boolean;
  output: string | undefined;
  remoteName: boolean;
  writeOut: string | undefined;
  userAgent: string;
  connectTimeoutMs: number | undefined;
  /** Printed before the transfer (curl warns while parsing its options). */
  warnings: string[];
}

/** Short options that take an argument. */
const SHORT_ARG: Record<string, string> = { X: '--request', H: '--header', d: '--data', o: '--output', w: '--write-out', A: '--user-agent', m: '--max-time' };
const SHORT_FLAG: Record<string, string> = {
  i: '--include', I: '--head', s: '--silent', S: '--show-error', f: '--fail', L: '--location', v: '--verbose',
  O: '--remote-name', k: '--insecure', '4': '--ipv4', V: '--version',
};
const LONG_ARG = new Set([
  '--request', '--header', '--data', '--data-raw', '--data-binary', '--data-ascii', '--output', '--write-out',
  '--user-agent', '--unix-socket', '--connect-timeout', '--max-time',
]);

type Parsed = Options | { exit: number; text: string; fd: 1 | 2 };

function parse(sys: Sys, argv: readonly string[]): Parsed {
  const o: Options = {
    urls: [], method: undefined, socket: undefined, headers: [], data: [], include: false, head: false, silent: false,
    showError: false, fail: false, follow: false, verbose: false, output: undefined, remoteName: false,
    writeOut: undefined, userAgent: 'curl/8.5.0', connectTimeoutMs: undefined, warnings: [],
  };
  const apply = (name: string, value: string | undefined): Parsed | undefined => {
    switch (name) {
      case '--request': o.method = value; break;
      case '--header': o.headers.push(value!); break;
      case '--data': case '--data-ascii': case '--data-binary': case '--data-raw': {
        let v = value!;
        if (name !== '--data-raw' && v.startsWith('@')) {
          try {
            v = utf8Decode(sys.fs.readFile(v.slice(1)));
          } catch (e) {
            if (isProcessEnd(e) || !isSysError(e)) throw e;
            o.warnings.push(`Warning: Couldn't read data from file "${v.slice(1)}", this makes an empty \nWarning: POST.\n`);
            v = '';
          }
          if (name !== '--data-binary') v = v.replace(/[\r\n]/g, '');
        }
        o.data.push(v);
        break;
      }
      case '--output': o.output = value; break;
      case '--write-out': o.writeOut = value; break;
      case '--user-agent': o.userAgent = value!; break;
      case '--unix-socket': o.socket = value; break;
      case '--connect-timeout': {
        const secs = Number(value);
        if (!Number.isFinite(secs) || secs < 0) return { exit: 2, text: `curl: option ${name}: expected a proper numerical parameter\n${USAGE}`, fd: 2 };
        o.connectTimeoutMs = secs * 1000;
        break;
      }
      case '--max-time':
        // A transfer's reads cannot be cut short here; saying so beats a limit that does nothing.
        return { exit: 2, text: `curl: option ${name}: is not simulated in dockersim\n`, fd: 2 };
      case '--include': o.include = true; break;
      case '--head': o.head = true; break;
      case '--silent': o.silent = true; break;
      case '--show-error': o.showError = true; break;
      case '--fail': o.fail = true; break;
      case '--location': o.follow = true; break;
      case '--verbose': o.verbose = true; break;
      case '--remote-name': o.remoteName = true; break;
      case '--insecure': case '--ipv4': break; // no TLS to verify; every address is IPv4 here
      case '--version': return { exit: 0, text: VERSION, fd: 1 };
      default:
        return { exit: 2, text: `curl: option ${name}: is unknown\n${USAGE}`, fd: 2 };
    }
    return undefined;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      let value: string | undefined;
      if (LONG_ARG.has(name)) {
        value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) return { exit: 2, text: `curl: option ${name}: requires parameter\n${USAGE}`, fd: 2 };
      }
      const r = apply(name, value);
      if (r) return r;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (SHORT_ARG[c]) {
          const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (value === undefined) return { exit: 2, text: `curl: option -${c}: requires parameter\n${USAGE}`, fd: 2 };
          const r = apply(SHORT_ARG[c], value);
          if (r) return r;
          break;
        }
        if (!SHORT_FLAG[c]) return { exit: 2, text: `curl: option -${a.slice(j)}: is unknown\n${USAGE}`, fd: 2 };
        const r = apply(SHORT_FLAG[c], undefined);
        if (r) return r;
      }
    } else o.urls.push(a);
  }
  if (o.urls.length === 0) return { exit: 2, text: `curl: no URL specified\n${USAGE}`, fd: 2 };
  return o;
}

/** Thrown to end the transfer with curl's exit code and message. */
class CurlError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

interface Transfer {
  status: number;
  bytes: number;
  headerBytes: number;
  url: string;
  contentType: string;
  remote: { ip: string; port: number };
  local: { ip: string; port: number };
  redirects: number;
}

class Curl {
  private readonly started: number;
  private readonly meter: boolean;
  private outFd = 1;
  private bodyToTty: boolean;

  constructor(
    private readonly sys: Sys,
    private readonly o: Options,
  ) {
    this.started = sys.uptime();
    this.bodyToTty = o.output === undefined && !o.remoteName && sys.isatty(1);
    this.meter = !o.silent && !this.bodyToTty;
  }

  private elapsed(): number {
    return Math.floor(this.sys.uptime() - this.started);
  }

  private async verbose(lines: string[]): Promise<void> {
    if (this.o.verbose && lines.length > 0) await this.sys.write(2, lines.map((l) => `${l}\n`).join(''));
  }

  async run(): Promise<number> {
    const t: Transfer = { status: 0, bytes: 0, headerBytes: 0, url: '', contentType: '', remote: { ip: '', port: 0 }, local: { ip: '', port: 0 }, redirects: 0 };
    let code = 0;
    let first = true;
    for (const raw of this.o.urls) {
      try {
        if (this.o.output !== undefined || this.o.remoteName) this.outFd = this.openOutput(raw);
        if (this.meter && first) await this.sys.write(2, METER_HEAD);
        first = false;
        await this.fetch(raw, t);
      } catch (e) {
        if (!(e instanceof CurlError)) throw e;
        if (this.meter) await this.sys.write(2, `\r${meterLine(t.bytes, t.bytes, this.elapsed())}\n`);
        await this.verbose([`* Closing connection`]);
        if (!this.o.silent || this.o.showError) await this.sys.write(2, `curl: (${e.code}) ${e.message}\n`);
        code = e.code;
      } finally {
        if (this.outFd !== 1) this.sys.close(this.outFd);
        this.outFd = 1;
      }
      if (code === 0 && this.meter) await this.sys.write(2, `\r${meterLine(t.bytes, t.bytes, this.elapsed())}\n`);
      if (this.o.writeOut !== undefined && (code === 0 || code === 22)) await this.sys.write(1, writeOut(this.o.writeOut, t, this.elapsed()));
      if (code !== 0) return code;
    }
    return code;
  }

  private openOutput(raw: string): number {
    let name = this.o.output;
    if (name === undefined) {
      const path = parseUrl(raw)?.target.replace(/\?.*/, '') ?? '';
      name = path.slice(path.lastIndexOf('/') + 1);
      if (name === '') throw new CurlError(23, 'Remote file name has no length!');
    }
    if (name === '-') return 1;
    try {
      return this.sys.open(name, 'w');
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      throw new CurlError(23, `Failure writing output to destination`);
    }
  }

  private async fetch(raw: string, t: Transfer): Promise<void> {
    let current = raw;
    for (;;) {
      const url = parseUrl(current);
      if (!url) throw new CurlError(3, 'URL rejected: Malformed input to a URL function');
      if (url.scheme !== 'http' && url.scheme !== 'https') throw new CurlError(1, `Protocol "${url.scheme}" not supported`);
      t.url = `${url.scheme}://${url.host}${url.port !== undefined ? `:${url.port}` : ''}${url.target}`;
      const location = await this.once(url, t);
      if (location === undefined || !this.o.follow) return;
      if (t.redirects >= 50) throw new CurlError(47, 'Maximum (50) redirects followed');
      current = resolveLocation(url, location);
      t.redirects++;
      await this.verbose([`* Issue another request to this URL: '${current}'`]);
    }
  }

  /** Connects: the unix socket, or each address of the host in turn. */
  private async connect(url: Url, port: number, t: Transfer): Promise<number> {
    const sys = this.sys;
    if (this.o.socket !== undefined) {
      await this.verbose([`*   Trying ${this.o.socket}:0...`]);
      try {
        const fd = sys.connect(`unix://${this.o.socket}`);
        await this.verbose([`* Connected to ${url.host} (${this.o.socket}) port ${port}`]);
        return fd;
      } catch (e) {
        if (isProcessEnd(e) || !isSysError(e)) throw e;
        throw new CurlError(7, `Failed to connect to ${url.host} port ${port} after ${this.elapsed()} ms: Couldn't connect to server`);
      }
    }
    let addresses: readonly string[];
    if (url.host === 'localhost') addresses = ['127.0.0.1', '::1'];
    else {
      const r = await getaddrinfo(sys, url.host);
      if (!r.ok) throw new CurlError(6, `Could not resolve host: ${url.host}`);
      addresses = r.addresses;
    }
    let timedOut = false;
    for (const ip of addresses) {
      const v6 = ip.includes(':');
      await this.verbose([`*   Trying ${v6 ? `[${ip}]` : ip}:${port}...`]);
      if (v6) {
        // Only IPv4 is modelled: ::1 answers as a host with nothing on the port.
        await this.verbose([`* connect to ${ip} port ${port} from ${ip} port ${32768 + Math.floor(sys.random() * 28000)} failed: Connection refused`]);
        continue;
      }
      const left = this.o.connectTimeoutMs !== undefined ? this.o.connectTimeoutMs - (sys.uptime() - this.started) : undefined;
      try {
        const fd = await sys.dial(`tcp://${ip}:${port}`, { timeoutMs: left });
        const local = sys.getsockname(fd);
        t.remote = { ip, port };
        t.local = { ip: local.address, port: local.port };
        await this.verbose([`* Connected to ${url.host} (${ip}) port ${port}`]);
        return fd;
      } catch (e) {
        if (isProcessEnd(e) || !isSysError(e)) throw e;
        if (left !== undefined && e.code === 'ETIMEDOUT' && sys.uptime() - this.started >= this.o.connectTimeoutMs!) {
          throw new CurlError(28, `Failed to connect to ${url.host} port ${port} after ${this.elapsed()} ms: Timeout was reached`);
        }
        timedOut = e.code === 'ETIMEDOUT';
        const from = e.code === 'ENETUNREACH' ? '0.0.0.0 port 0' : `${sourceFor(sys, ip)} port ${32768 + Math.floor(sys.random() * 28000)}`;
        await this.verbose([`* connect to ${ip} port ${port} from ${from} failed: ${e.message}`]);
      }
    }
    await this.verbose([`* Failed to connect to ${url.host} port ${port} after ${this.elapsed()} ms: Couldn't connect to server`]);
    throw new CurlError(timedOut ? 28 : 7, `Failed to connect to ${url.host} port ${port} after ${this.elapsed()} ms: Couldn't connect to server`);
  }

  /** One request and response; returns the Location to follow for a 3xx. */
  private async once(url: Url, t: Transfer): Promise<string | undefined> {
    const sys = this.sys;
    const port = url.port ?? defaultPort(url.scheme);
    const fd = await this.connect(url, port, t);
    try {
      if (url.scheme === 'https') throw new CurlError(35, 'dockersim: TLS is not simulated (https); use http://');
      const data = this.o.data.join('&');
      const method = this.o.method ?? (this.o.head ? 'HEAD' : this.o.data.length > 0 ? 'POST' : 'GET');
      const hostHeader = url.port !== undefined && url.port !== defaultPort(url.scheme) ? `${url.host}:${url.port}` : url.host;
      const head: [string, string][] = [['Host', hostHeader], ['User-Agent', this.o.userAgent], ['Accept', '*/*']];
      if (this.o.data.length > 0) {
        head.push(['Content-Length', String(textToBytes(data).length)]);
        head.push(['Content-Type', 'application/x-www-form-urlencoded']);
      }
      for (const h of this.o.headers) {
        const c = h.indexOf(':');
        if (c <= 0) continue;
        const name = h.slice(0, c);
        const value = h.slice(c + 1).trim();
        const at = head.findIndex(([k]) => k.toLowerCase() === name.toLowerCase());
        if (value === '' && !h.endsWith(';')) {
          if (at >= 0) head.splice(at, 1);
        } else if (at >= 0) head[at] = [name, value];
        else head.push([name, value]);
      }
      const lines = [`${method} ${url.target} HTTP/1.1`, ...head.map(([k, v]) => `${k}: ${v}`)];
      await this.verbose([...lines.map((l) => `> ${l}`), '> ']);
      await sys.write(fd, `${lines.join('\r\n')}\r\n\r\n${data}`);
      const res = new HttpResponse(sys, fd, method);
      try {
        await res.readHead();
      } catch (e) {
        if (!(e instanceof HttpProtocolError)) throw e;
        if (e.kind === 'empty') throw new CurlError(52, 'Empty reply from server');
        throw new CurlError(8, 'Weird server reply');
      }
      t.status = res.status;
      t.contentType = res.header('Content-Type') ?? '';
      const headText = `${res.rawHead.join('\r\n')}\r\n\r\n`;
      t.headerBytes += headText.length;
      if (res.version === '1.0') await this.verbose(['* HTTP 1.0, assume close after body']);
      await this.verbose([...res.rawHead.map((l) => `< ${l}`), '< ']);
      const location = res.status >= 300 && res.status < 400 ? res.header('Location') : undefined;
      if (this.o.fail && res.status >= 400) {
        throw new CurlError(22, `The requested URL returned error: ${res.status}`);
      }
      if (this.o.include || this.o.head) await this.out(headText);
      const skipBody = this.o.follow && location !== undefined;
      try {
        for (let piece = await res.next(); piece !== null; piece = await res.next()) {
          t.bytes += piece.length;
          if (!skipBody) await this.out(piece);
        }
      } catch (e) {
        if (!(e instanceof HttpProtocolError)) throw e;
        throw new CurlError(18, `transfer closed with ${Number(res.header('Content-Length') ?? 0) - t.bytes} bytes remaining to read`);
      }
      await this.verbose([res.closes ? '* Closing connection' : `* Connection #0 to host ${url.host} left intact`]);
      return location;
    } finally {
      sys.close(fd);
    }
  }

  /** `bytes`: a binary string, what the server sent. */
  private async out(bytes: string): Promise<void> {
    try {
      await sendWire(this.sys, this.outFd, bytes);
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      throw new CurlError(23, 'Failure writing output to destination');
    }
  }
}

/** The source address the kernel would pick for `ip` (what getsockname shows after a failed connect). */
function sourceFor(sys: Sys, ip: string): string {
  if (ip.startsWith('127.')) return '127.0.0.1';
  const ifaces = sys.netInterfaces().filter((i) => i.up && !i.loopback);
  for (const i of ifaces) {
    for (const c of i.ipv4) {
      const [a, l] = c.split('/');
      const shift = 32 - Number(l);
      const n = (x: string): number => x.split('.').reduce((v, o) => v * 256 + Number(o), 0);
      if (Math.floor(n(a) / 2 ** shift) === Math.floor(n(ip) / 2 ** shift)) return a;
    }
  }
  const gw = ifaces.find((i) => i.gateway !== undefined && i.ipv4.length > 0);
  return gw ? gw.ipv4[0].split('/')[0] : '0.0.0.0';
}

const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
  '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

/** curl's max5data: a size in at most 5 characters. */
function max5(n: number): string {
  const k = 1024;
  const m = k * k;
  if (n < 100000) return String(Math.floor(n)).padStart(5);
  if (n < 10000 * k) return `${String(Math.floor(n / k)).padStart(4)}k`;
  if (n < 100 * m) return `${String(Math.floor(n / m)).padStart(2)}.${Math.floor((n % m) / (m / 10))}M`;
  return `${String(Math.floor(n / m)).padStart(4)}M`;
}

function time2str(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s === 0) return '--:--:--';
  const h = Math.floor(s / 3600);
  return `${String(h).padStart(2)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The meter's line once the transfer is over (what a terminal shows after the last `\r`). */
function meterLine(total: number, got: number, ms: number): string {
  const pct = total > 0 ? Math.floor((got * 100) / total) : 0;
  const speed = ms > 0 ? Math.floor((got * 1000) / ms) : got;
  const p3 = (n: number): string => String(n).padStart(3);
  return `${p3(total > 0 ? pct : 0)} ${max5(total)}  ${p3(total > 0 ? pct : 0)} ${max5(got)}    0     0  ${max5(speed)}      0 ${time2str(ms)} ${time2str(ms)} --:--:-- ${max5(speed)}`;
}

/** -w's variables (the common ones) and backslash escapes. */
function writeOut(fmt: string, t: Transfer, ms: number): string {
  const vars: Record<string, string> = {
    http_code: String(t.status).padStart(3, '0'),
    response_code: String(t.status).padStart(3, '0'),
    size_download: String(t.bytes),
    size_header: String(t.headerBytes),
    time_total: (ms / 1000).toFixed(6),
    url_effective: t.url,
    content_type: t.contentType,
    remote_ip: t.remote.ip,
    remote_port: String(t.remote.port),
    local_ip: t.local.ip,
    local_port: String(t.local.port),
    num_redirects: String(t.redirects),
  };
  return fmt
    .replace(/%\{([a-z_]+)\}/g, (all, name: string) => vars[name] ?? all)
    .replace(/\\([nrt\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c]!);
}

export const curl: Program = async (sys: Sys) => {
  const o = parse(sys, sys.argv);
  if ('exit' in o) {
    await sys.write(o.fd, o.text);
    return o.exit;
  }
  for (const w of o.warnings) await sys.write(2, w);
  return new Curl(sys, o).run();
};
