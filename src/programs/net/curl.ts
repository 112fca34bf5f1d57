/**
 * curl 8.5.0 (Ubuntu 24.04) over the simulated network: HTTP/1.1 to any address the namespace can reach
 * (another container, the host, example.com on the simulated Internet) or to a unix socket (the Docker API
 * the way the book does it). Its messages and exit codes are curl's; TLS is not modelled, so an https URL
 * stops after the TCP connect with one clear line.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { arrayFromBytes, bytesFromArray, sendWire, textToBytes } from '../../api/bytes.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';
import { inflateRaw } from '../../pkg/archive/deflate.js';
import { gunzip } from '../../pkg/archive/gzip.js';
import { getaddrinfo } from '../lib/resolver.js';
import { defaultPort, HttpProtocolError, HttpResponse, parseUrl, resolveLocation, type Url } from './http.js';

/** What --compressed asks for: every decoder Ubuntu's libcurl has, in content_encoding.c's order. */
const ACCEPT_ENCODING = 'deflate, gzip, br, zstd';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Curl_add_timecondition's `Tue, 15 Nov 1994 12:45:26 GMT`. */
function httpDate(sec: number): string {
  const d = new Date(sec * 1000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

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
  /** --compressed: ask for every encoding curl decodes, and decode the answer. */
  compressed: boolean;
  /** -r: the Range header's value after `bytes=`. */
  range: string | undefined;
  /** -z: If-Modified-Since (or, with `-`, If-Unmodified-Since) and its time in seconds. */
  timeCond: { header: string; sec: number } | undefined;
  /** Printed before the transfer (curl warns while parsing its options). */
  warnings: string[];
}

/** Short options that take an argument. */
const SHORT_ARG: Record<string, string> = {
  X: '--request', H: '--header', d: '--data', o: '--output', w: '--write-out', A: '--user-agent', m: '--max-time', r: '--range',
  z: '--time-cond',
};
const SHORT_FLAG: Record<string, string> = {
  i: '--include', I: '--head', s: '--silent', S: '--show-error', f: '--fail', L: '--location', v: '--verbose',
  O: '--remote-name', k: '--insecure', '4': '--ipv4', V: '--version',
};
const LONG_ARG = new Set([
  '--request', '--header', '--data', '--data-raw', '--data-binary', '--data-ascii', '--output', '--write-out',
  '--user-agent', '--unix-socket', '--connect-timeout', '--max-time', '--range', '--time-cond',
]);

type Parsed = Options | { exit: number; text: string; fd: 1 | 2 };

/** curl's warnf (tool_msgs.c voutf): `Warning: ` on every line, cut at a blank before column 79. */
function warning(text: string): string {
  const prefix = 'Warning: ';
  const width = 79 - prefix.length;
  let out = '';
  let rest = text;
  while (rest.length > 0) {
    if (rest.length > width) {
      let cut = width - 1;
      while (cut > 0 && rest[cut] !== ' ' && rest[cut] !== '\t') cut--;
      if (cut === 0) cut = width - 1;
      out += `${prefix}${rest.slice(0, cut + 1)}\n`;
      rest = rest.slice(cut + 1);
    } else {
      out += `${prefix}${rest}\n`;
      rest = '';
    }
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * curl_getdate for the forms people pass to -z: HTTP's three date formats, `27 Nov 2026 09:00:00`,
 * `20261127` and `2026-11-27`, in GMT unless a `+hhmm` zone follows. Seconds since the epoch, or null.
 */
function getdate(v: string): number | null {
  let day = -1;
  let mon = -1;
  let year = -1;
  let h = 0;
  let m = 0;
  let sec = 0;
  let zone = 0;
  for (const tok of v.split(/[\s,]+/).filter((t) => t !== '')) {
    const lower = tok.toLowerCase();
    let r: RegExpExecArray | null;
    if (/^[a-z]+$/.test(lower)) {
      const i = MONTHS.indexOf(lower.slice(0, 3));
      if (i >= 0 && lower.length >= 3 && mon < 0 && !['mon'].includes(lower)) mon = i;
      else if (!/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*$|^(gmt|utc|ut|z)$/.test(lower)) return null;
    } else if ((r = /^(\d\d?):(\d\d)(?::(\d\d))?$/.exec(tok))) {
      [h, m, sec] = [Number(r[1]), Number(r[2]), Number(r[3] ?? 0)];
    } else if ((r = /^([+-])(\d\d)(\d\d)$/.exec(tok))) {
      zone = (r[1] === '-' ? -1 : 1) * (Number(r[2]) * 60 + Number(r[3])) * 60;
    } else if ((r = /^(\d{4})(\d\d)(\d\d)$/.exec(tok)) || (r = /^(\d{4})-(\d\d)-(\d\d)$/.exec(tok))) {
      [year, mon, day] = [Number(r[1]), Number(r[2]) - 1, Number(r[3])];
    } else if ((r = /^(\d\d?)-([A-Za-z]{3})-(\d\d(?:\d\d)?)$/.exec(tok))) {
      day = Number(r[1]);
      mon = MONTHS.indexOf(r[2].toLowerCase());
      year = r[3].length === 2 ? (Number(r[3]) < 70 ? 2000 : 1900) + Number(r[3]) : Number(r[3]);
    } else if (/^\d{4}$/.test(tok) && year < 0) year = Number(tok);
    else if (/^\d\d?$/.test(tok) && day < 0) day = Number(tok);
    else return null;
  }
  if (day < 1 || day > 31 || mon < 0 || year < 1970 || h > 23 || m > 59 || sec > 60) return null;
  return Date.UTC(year, mon, day, h, m, sec) / 1000 - zone;
}

function parse(sys: Sys, argv: readonly string[]): Parsed {
  const o: Options = {
    urls: [], method: undefined, socket: undefined, headers: [], data: [], include: false, head: false, silent: false,
    showError: false, fail: false, follow: false, verbose: false, output: undefined, remoteName: false,
    writeOut: undefined, userAgent: 'curl/8.5.0', connectTimeoutMs: undefined, compressed: false, range: undefined,
    timeCond: undefined, warnings: [],
  };
  // warnf is quiet once -s has been parsed, so what an option warns about depends on where -s stands.
  const warn = (text: string): void => {
    if (!o.silent) o.warnings.push(text);
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
            warn(`Warning: Couldn't read data from file "${v.slice(1)}", this makes an empty \nWarning: POST.\n`);
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
      case '--compressed': o.compressed = true; break;
      case '--range': {
        const v = value!;
        if (/^\d/.test(v) && !v.includes('-')) {
          warn(warning('A specified range MUST include at least one dash (-). Appending one for you'));
          o.range = `${Number.parseInt(v, 10)}-`;
        } else {
          if (/[^\d,-]/.test(v)) {
            warn(warning("Invalid character is found in given range. A specified range MUST have only digits in 'start'-'stop'. The server's response to this request is uncertain."));
          }
          o.range = v;
        }
        break;
      }
      case '--time-cond': {
        let v = value!;
        let header = 'If-Modified-Since';
        if (v.startsWith('+')) v = v.slice(1);
        else if (v.startsWith('-')) {
          header = 'If-Unmodified-Since';
          v = v.slice(1);
        } else if (v.startsWith('=')) {
          header = 'Last-Modified';
          v = v.slice(1);
        }
        let sec = getdate(v);
        if (sec === null) {
          try {
            sec = Math.floor(sys.fs.stat(v).mtimeMs / 1000);
          } catch (e) {
            if (isProcessEnd(e) || !isSysError(e)) throw e;
          }
        }
        if (sec === null) {
          warn(warning('Illegal date format for -z, --time-cond (and not a file name). Disabling time condition. See curl_getdate(3) for valid date syntax.'));
          o.timeCond = undefined;
        } else o.timeCond = { header, sec };
        break;
      }
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
  /** `synthetic`: curl has said why itself (the binary-output warning) and prints no `curl: (N)` line. */
  constructor(readonly code: number, message: string, readonly synthetic = false) {
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

  /** Callers on the path every request takes test `o.verbose` first: no lines built, no await, for nothing. */
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
        // -w and the meter describe each URL's own transfer.
        Object.assign(t, { status: 0, bytes: 0, headerBytes: 0, redirects: 0 });
        await this.fetch(raw, t);
      } catch (e) {
        if (!(e instanceof CurlError)) throw e;
        if (this.meter) await this.sys.write(2, `\r${meterLine(t.bytes, t.bytes, this.elapsed())}\n`);
        await this.verbose([`* Closing connection`]);
        if (!e.synthetic && (!this.o.silent || this.o.showError)) await this.sys.write(2, `curl: (${e.code}) ${e.message}\n`);
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
  private async connect(u: Url, port: number, t: Transfer): Promise<number> {
    const sys = this.sys;
    // curl's host.dispname: an IPv6 literal without its brackets.
    const url = { ...u, host: u.host.startsWith('[') ? u.host.slice(1, -1) : u.host };
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
    else if (u.host.startsWith('[')) addresses = [url.host];
    else {
      const r = await getaddrinfo(sys, url.host);
      if (!r.ok) throw new CurlError(6, `Could not resolve host: ${url.host}`);
      addresses = r.addresses;
    }
    let timedOut = false;
    for (const ip of addresses) {
      const v6 = ip.includes(':');
      if (this.o.verbose) await this.verbose([`*   Trying ${v6 ? `[${ip}]` : ip}:${port}...`]);
      if (v6) {
        // The kernel carries IPv6 only on lo: ::1 reaches an IPv6 listener ([::]:80); other addresses are refused.
        // Asked first so a refused ::1 draws nothing from the network's PRNG (delays elsewhere stay as they were).
        const v6listener = ip === '::1' && sys.netSockets().some((s) => s.state === 'LISTEN' && s.local.port === port && s.local.address.includes(':'));
        if (v6listener) {
          try {
            const fd = await sys.dial(`tcp://[::1]:${port}`);
            if (sys.getsockname(fd).address === '::1') {
              t.remote = { ip, port };
              t.local = { ip, port: sys.getsockname(fd).port };
              await this.verbose([`* Connected to ${url.host} (${ip}) port ${port}`]);
              return fd;
            }
            sys.close(fd);
          } catch (e) {
            if (isProcessEnd(e) || !isSysError(e)) throw e;
          }
        }
        await this.verbose([`* connect to ${ip} port ${port} from ${ip} port ${32768 + Math.floor(sys.random() * 28000)} failed: Connection refused`]);
        continue;
      }
      const left = this.o.connectTimeoutMs !== undefined ? this.o.connectTimeoutMs - (sys.uptime() - this.started) : undefined;
      try {
        const fd = await sys.dial(`tcp://${ip}:${port}`, { timeoutMs: left });
        const local = sys.getsockname(fd);
        t.remote = { ip, port };
        t.local = { ip: local.address, port: local.port };
        if (this.o.verbose) await this.verbose([`* Connected to ${url.host} (${ip}) port ${port}`]);
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

  /** Connections left open for the next URL, by scheme, host and port (curl's connection cache). */
  private readonly cache = new Map<string, { fd: number; id: number; bundle: string }>();
  private nextId = 0;
  /** Bytes written to stdout so far (curl's binary check looks at the first 2000). */
  private written = 0;

  /** A cached connection to the same host and port, as libcurl's ConnectionExists finds it. */
  private async reuse(key: string, url: Url): Promise<{ fd: number; id: number; bundle: string } | undefined> {
    const c = this.cache.get(key);
    if (!c) return undefined;
    if (this.o.verbose) {
      // The bundle's address in curl's heap; drawn the first time it is shown.
      c.bundle ||= `0x55${Math.floor(this.sys.random() * 0xffff_ffff).toString(16).padStart(8, '0')}${Math.floor(this.sys.random() * 0x100).toString(16).padStart(2, '0')}`;
    }
    await this.verbose([
      `* Found bundle for host: ${c.bundle} [serially]`, '* Can not multiplex, even if we wanted to',
      `* Re-using existing connection with host ${url.host.startsWith('[') ? url.host.slice(1, -1) : url.host}`,
    ]);
    return c;
  }

  /** One request and response; returns the Location to follow for a 3xx. */
  private async once(url: Url, t: Transfer): Promise<string | undefined> {
    const sys = this.sys;
    const port = url.port ?? defaultPort(url.scheme);
    const key = `${url.scheme}://${url.host}:${port}${this.o.socket !== undefined ? `@${this.o.socket}` : ''}`;
    const cached = await this.reuse(key, url);
    const conn = cached ?? { fd: await this.connect(url, port, t), id: this.nextId++, bundle: '' };
    this.cache.delete(key);
    let keep = false;
    try {
      if (url.scheme === 'https') throw new CurlError(35, 'dockersim: TLS is not simulated (https); use http://');
      const fd = conn.fd;
      const data = this.o.data.join('&');
      const method = this.o.method ?? (this.o.head ? 'HEAD' : this.o.data.length > 0 ? 'POST' : 'GET');
      const hostHeader = url.port !== undefined && url.port !== defaultPort(url.scheme) ? `${url.host}:${url.port}` : url.host;
      // Curl_http's order: Host, Range, User-Agent, Accept, Accept-Encoding, then the time condition.
      const head: [string, string][] = [['Host', hostHeader]];
      if (this.o.range !== undefined) head.push(['Range', `bytes=${this.o.range}`]);
      head.push(['User-Agent', this.o.userAgent], ['Accept', '*/*']);
      if (this.o.compressed) head.push(['Accept-Encoding', ACCEPT_ENCODING]);
      if (this.o.timeCond) head.push([this.o.timeCond.header, httpDate(this.o.timeCond.sec)]);
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
      if (this.o.verbose) await this.verbose([...lines.map((l) => `> ${l}`), '> ']);
      await sys.write(fd, `${lines.join('\r\n')}\r\n\r\n${data}`);
      const res = new HttpResponse(sys, fd, method);
      try {
        await res.readHead();
      } catch (e) {
        if (isSysError(e) && e.code === 'ECONNRESET') throw new CurlError(56, 'Recv failure: Connection reset by peer');
        if (!(e instanceof HttpProtocolError)) throw e;
        if (e.kind === 'empty') throw new CurlError(52, 'Empty reply from server');
        throw new CurlError(8, 'Weird server reply');
      }
      t.status = res.status;
      t.contentType = res.header('Content-Type') ?? '';
      const headText = `${res.rawHead.join('\r\n')}\r\n\r\n`;
      t.headerBytes += headText.length;
      if (this.o.verbose && res.version === '1.0') await this.verbose(['* HTTP 1.0, assume close after body']);
      if (this.o.verbose) await this.verbose([...res.rawHead.map((l) => `< ${l}`), '< ']);
      const location = res.status >= 300 && res.status < 400 ? res.header('Location') : undefined;
      if (this.o.fail && res.status >= 400) {
        throw new CurlError(22, `The requested URL returned error: ${res.status}`);
      }
      if (this.o.include || this.o.head) await this.out(headText);
      const skipBody = this.o.follow && location !== undefined;
      const encoding = (res.header('Content-Encoding') ?? '').trim().toLowerCase();
      const decode = this.o.compressed && ['gzip', 'x-gzip', 'deflate'].includes(encoding);
      const pieces: string[] = [];
      try {
        for (let piece = await res.next(); piece !== null; piece = await res.next()) {
          t.bytes += piece.length;
          if (skipBody) continue;
          if (decode) pieces.push(piece);
          else await this.body(piece, encoding !== '');
        }
      } catch (e) {
        if (!(e instanceof HttpProtocolError)) throw e;
        throw new CurlError(18, `transfer closed with ${Number(res.header('Content-Length') ?? 0) - t.bytes} bytes remaining to read`);
      }
      if (decode && pieces.length > 0) await this.decoded(pieces.join(''), encoding);
      keep = !res.closes;
      if (this.o.verbose) {
        const shown = url.host.startsWith('[') ? url.host.slice(1, -1) : url.host;
        await this.verbose([keep ? `* Connection #${conn.id} to host ${shown} left intact` : '* Closing connection']);
      }
      if (keep) this.cache.set(key, conn);
      return location;
    } finally {
      if (!keep) sys.close(conn.fd);
    }
  }

  /**
   * A body piece as it came (a binary string: one character per byte). A compressed body is bytes, which curl
   * refuses to put on a terminal.
   */
  private async body(piece: string, binary: boolean): Promise<void> {
    if (binary && this.outFd === 1 && this.bodyToTty && this.o.output !== '-' && this.written < 2000 && piece.includes('\0')) {
      if (!this.o.silent) {
        await this.sys.write(2, warning('Binary output can mess up your terminal. Use "--output -" to tell curl to output it to your terminal anyway, or consider "--output <FILE>" to save to a file.'));
      }
      throw new CurlError(23, '', true);
    }
    return this.out(piece);
  }

  /** --compressed: the body decoded (gzip, or zlib's deflate). */
  private async decoded(raw: string, encoding: string): Promise<void> {
    let data: Uint8Array;
    try {
      const bytes = arrayFromBytes(raw);
      data = encoding === 'deflate' ? inflateRaw(bytes, (bytes[0] & 0x0f) === 8 ? 2 : 0).data : gunzip(bytes).data;
    } catch {
      throw new CurlError(61, 'Error while processing content unencoding: invalid stored block lengths');
    }
    return this.out(bytesFromArray(data));
  }

  /** `bytes`: a binary string, as the server sent it (or as --compressed decoded it). */
  private async out(bytes: string): Promise<void> {
    this.written += bytes.length;
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
