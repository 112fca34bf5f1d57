/**
 * wget: GNU Wget 1.21.4 (Ubuntu 24.04) and busybox's applet, plain HTTP over the simulated network, saving to
 * the file the URL names (index.html for a directory; `.1`, `.2`… beside an existing one), `-O FILE`, `-O -`,
 * `-q`. Their lines, progress display and exit codes are the real ones; https stops after the connect.
 */
import { sendWire } from '../../api/bytes.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { GAI_MESSAGES, getaddrinfo } from '../lib/resolver.js';
import { defaultPort, HttpProtocolError, HttpResponse, parseUrl, resolveLocation, type Url } from './http.js';
import { wgetStamp } from './when.js';

function quote(sys: Sys, s: string): string {
  const loc = sys.env.LC_ALL || sys.env.LC_CTYPE || sys.env.LANG || '';
  return /utf-?8/i.test(loc) ? `‘${s}’` : `'${s}'`;
}

/** wget's sizes: `1.2K`, `1.23K`, `349`. */
function human(n: number, digits: number): string {
  const units = ['', 'K', 'M', 'G'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return String(n);
  const d = v < 10 ? digits : v < 100 ? digits - 1 : 0;
  return `${v.toFixed(Math.max(0, d))}${units[u]}`;
}

/** retr_rate: `41.5 MB/s`, `168 KB/s`. */
function rate(bytes: number, ms: number): { value: string; unit: string } {
  const secs = Math.max(ms, 0.001) / 1000;
  let r = bytes / secs;
  const names = ['B/s', 'KB/s', 'MB/s', 'GB/s'];
  let u = 0;
  while (r >= 1024 && u < names.length - 1) {
    r /= 1024;
    u++;
  }
  const prec = r >= 99.95 ? 0 : r >= 9.995 ? 1 : 2;
  return { value: r.toFixed(prec), unit: names[u] };
}

function localName(sys: Sys, url: Url): string {
  const path = url.target.replace(/\?.*/, '');
  const base = path.slice(path.lastIndexOf('/') + 1) || 'index.html';
  let name = base;
  for (let n = 1; sys.fs.exists(name); n++) name = `${base}.${n}`;
  return name;
}

interface Fetched {
  status: number;
  reason: string;
  res: HttpResponse;
  fd: number;
  url: Url;
}

class WgetError extends Error {
  constructor(readonly code: number) {
    super(String(code));
  }
}

/** A failure wget retries (its message already logged): nothing came back, or the connection was reset. */
class Retryable extends Error {}

/** wget's default --tries. */
const TRIES = 20;
/** --waitretry's default: before try n it waits min(n - 1, 10) seconds. */
const WAIT_RETRY_S = 10;

/** GNU wget. */
export const wget: Program = async (sys) => {
  let quiet = false;
  let output: string | undefined;
  let tries = TRIES;
  const urls: string[] = [];
  const argv = sys.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quiet' || a === '-q') quiet = true;
    else if (/^-q+O/.test(a) || a.startsWith('-O')) {
      quiet ||= a.startsWith('-q');
      const rest = a.slice(a.indexOf('O') + 1);
      output = rest !== '' ? rest : argv[++i];
    } else if (a.startsWith('--output-document=')) output = a.slice(18);
    else if (a === '-t' || /^-t\d/.test(a) || a.startsWith('--tries=')) {
      const v = a === '-t' ? argv[++i] : a.startsWith('-t') ? a.slice(2) : a.slice(8);
      // 0 and inf: try for ever (Ctrl-C ends it), as wget does.
      if (v === 'inf' || v === '0') tries = Infinity;
      else if (v !== undefined && /^\d+$/.test(v)) tries = Number(v);
      else {
        await sys.write(2, `wget: a --tries value of ${quote(sys, v ?? '')} is not simulated in dockersim\n`);
        return 2;
      }
    }
    else if (a === '-V' || a === '--version') {
      await sys.write(1, 'GNU Wget 1.21.4 built on linux-gnu.\n');
      return 0;
    } else if (a.startsWith('-')) {
      await sys.write(2, `wget: option ${a} is not simulated in dockersim\n`);
      return 2;
    } else urls.push(a);
  }
  if (urls.length === 0) {
    await sys.write(2, "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  const log = async (s: string): Promise<void> => {
    if (!quiet) await sys.write(2, s);
  };
  let status = 0;
  for (const raw of urls) {
    try {
      await getOne(sys, raw, output, log, tries);
    } catch (e) {
      if (!(e instanceof WgetError)) throw e;
      status = e.code;
    }
  }
  return status;
};

async function getOne(sys: Sys, raw: string, output: string | undefined, log: (s: string) => Promise<void>, tries: number): Promise<void> {
  let current = raw;
  const hosts: HostCache = new Map();
  for (let hop = 0; hop < 20; hop++) {
    const url = parseUrl(current);
    if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) {
      await sys.write(2, url ? `${raw}: Unsupported scheme ${quote(sys, url.scheme)}.\n` : `${raw}: Invalid URL.\n`);
      throw new WgetError(1);
    }
    const shown = `${url.scheme}://${url.host}${url.port !== undefined ? `:${url.port}` : ''}${url.target}`;
    let f: Fetched | undefined;
    for (let attempt = 1; !f; attempt++) {
      if (attempt > 1) await sys.sleep(Math.min(attempt - 1, WAIT_RETRY_S) * 1000);
      await log(`--${wgetStamp(sys.now())}--  ${attempt > 1 ? `(try:${String(attempt).padStart(2)})  ` : ''}${shown}\n`);
      try {
        f = await request(sys, url, log, hosts);
      } catch (e) {
        if (!(e instanceof Retryable)) throw e;
        if (attempt >= tries) {
          await log('Giving up.\n\n');
          throw new WgetError(4);
        }
        await log('Retrying.\n\n');
      }
    }
    try {
      const loc = f.status >= 300 && f.status < 400 ? f.res.header('Location') : undefined;
      if (loc !== undefined) {
        await log(`Location: ${loc} [following]\n`);
        current = resolveLocation(url, loc);
        continue;
      }
      if (f.status >= 400) {
        await log(`${wgetStamp(sys.now())} ERROR ${f.status}: ${f.reason}.\n\n`);
        throw new WgetError(8);
      }
      await save(sys, f, output, log);
      return;
    } finally {
      sys.close(f.fd);
    }
  }
  await log('20 redirections exceeded.\n');
  throw new WgetError(8);
}

/** wget resolves a host once per run: a retry connects to the addresses it already has, without a `Resolving` line. */
type HostCache = Map<string, readonly string[]>;

async function request(sys: Sys, url: Url, log: (s: string) => Promise<void>, hosts: HostCache): Promise<Fetched> {
  const port = url.port ?? defaultPort(url.scheme);
  const numeric = /^\d+\.\d+\.\d+\.\d+$/.test(url.host);
  let addresses: readonly string[] = [url.host];
  const known = hosts.get(url.host);
  if (known) addresses = known;
  else if (!numeric) {
    await log(`Resolving ${url.host} (${url.host})... `);
    const r = await getaddrinfo(sys, url.host);
    if (!r.ok) {
      await log(`failed: ${GAI_MESSAGES[r.error]}.\n`);
      await sys.write(2, `wget: unable to resolve host address ${quote(sys, url.host)}\n`);
      throw new WgetError(4);
    }
    addresses = r.addresses;
    hosts.set(url.host, addresses);
    await log(`${addresses.join(', ')}\n`);
  }
  let fd = -1;
  for (const ip of addresses) {
    await log(numeric ? `Connecting to ${ip}:${port}... ` : `Connecting to ${url.host} (${url.host})|${ip}|:${port}... `);
    try {
      fd = await sys.dial(`tcp://${ip}:${port}`, { timeoutMs: 900_000 });
      await log('connected.\n');
      break;
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      await log(`failed: ${e.message}.\n`);
    }
  }
  if (fd < 0) throw new WgetError(4);
  if (url.scheme === 'https') {
    sys.close(fd);
    await sys.write(2, 'wget: dockersim: TLS is not simulated (https); use http://\n');
    throw new WgetError(5);
  }
  const hostHeader = url.port !== undefined && url.port !== 80 ? `${url.host}:${url.port}` : url.host;
  await sys.write(fd, `GET ${url.target} HTTP/1.1\r\nHost: ${hostHeader}\r\nUser-Agent: Wget/1.21.4\r\nAccept: */*\r\nAccept-Encoding: identity\r\nConnection: Keep-Alive\r\n\r\n`);
  await log('HTTP request sent, awaiting response... ');
  const res = new HttpResponse(sys, fd, 'GET');
  try {
    await res.readHead();
  } catch (e) {
    if (isSysError(e) && e.code === 'ECONNRESET') {
      sys.close(fd);
      await log('Read error (Connection reset by peer) in headers.\n');
      throw new Retryable();
    }
    if (!(e instanceof HttpProtocolError)) throw e;
    sys.close(fd);
    await log('No data received.\n');
    throw new Retryable();
  }
  await log(`${res.status} ${res.reason}\n`);
  return { status: res.status, reason: res.reason, res, fd, url };
}

async function save(sys: Sys, f: Fetched, output: string | undefined, log: (s: string) => Promise<void>): Promise<void> {
  const lenText = f.res.header('Content-Length');
  const len = lenText === undefined ? undefined : Number(lenText);
  const type = (f.res.header('Content-Type') ?? '').split(';')[0].trim();
  const lengthLine = len === undefined ? 'unspecified' : len >= 1024 ? `${len} (${human(len, 1)})` : String(len);
  await log(`Length: ${lengthLine}${type ? ` [${type}]` : ''}\n`);
  const name = output ?? localName(sys, f.url);
  let out = 1;
  if (name !== '-') {
    try {
      out = sys.open(name, 'w');
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      await sys.write(2, `${name}: ${e.message}\n`);
      throw new WgetError(3);
    }
  }
  await log(`Saving to: ${quote(sys, name)}\n\n`);
  const started = sys.uptime();
  let got = 0;
  try {
    for (let piece = await f.res.next(); piece !== null; piece = await f.res.next()) {
      got += piece.length;
      await sendWire(sys, out, piece);
    }
  } catch (e) {
    if (!(e instanceof HttpProtocolError)) throw e;
  } finally {
    if (out !== 1) sys.close(out);
  }
  const ms = sys.uptime() - started;
  const r = rate(got, ms);
  if (sys.isatty(2)) {
    const label = (name === '-' ? '-' : name.slice(name.lastIndexOf('/') + 1)).slice(0, 20).padEnd(20);
    const size = got < 1024 ? String(got) : human(got, 2);
    const took = ms < 5 ? '0s' : `${(ms / 1000).toPrecision(2).replace(/\.?0+$/, '')}s`;
    await log(`\r${label}100%[===================>] ${size.padStart(7)}  --.-KB/s    in ${took.padEnd(8)}\n`);
  } else {
    const dots = Math.floor(got / 1024);
    let area = '';
    for (let d = 0; d < dots; d++) area += d > 0 && d % 10 === 0 ? ' .' : '.';
    const short = r.unit[0] === 'B' ? '' : r.unit[0];
    const speed = `${Math.round((got / Math.max(ms, 0.001)) * 1000 / 1024 ** ['B', 'K', 'M', 'G'].indexOf(r.unit[0]))}${short}`;
    await log(`     0K ${area.padEnd(54)}100% ${speed.padStart(5)}=${ms < 1 ? '0s' : `${(ms / 1000).toFixed(3).replace(/0+$/, '')}s`}\n`);
  }
  await log(`\n${wgetStamp(sys.now())} (${r.value} ${r.unit}) - ${quote(sys, name)} saved [${got}${len !== undefined ? `/${len}` : ''}]\n\n`);
}

// ---------------------------------------------------------------- busybox

/** busybox wget: `Connecting to …`, a one-line bar, `'file' saved`, its own error lines; exit 1 on any failure. */
export const busyboxWget: Program = async (sys) => {
  let quiet = false;
  let output: string | undefined;
  let url: string | undefined;
  const argv = sys.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      url = a;
      continue;
    }
    // Short options bundle as getopt allows: -qO- , -q -O file.
    for (let j = 1; j < a.length; j++) {
      if (a[j] === 'q') quiet = true;
      else if (a[j] === 'O') {
        output = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        break;
      } else {
        await sys.write(2, `wget: option ${a} is not simulated in dockersim\n`);
        return 1;
      }
    }
  }
  if (url === undefined) {
    await sys.write(2, 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n\n\t--spider\tOnly check URL existence: $? is 0 if exists\n\t--header STR\tAdd STR (of form \'header: value\') to headers\n\t--post-data STR\tSend STR using POST method\n\t--post-file FILE\tSend FILE using POST method\n\t-c\t\tContinue retrieval of aborted transfer\n\t-q\t\tQuiet\n\t-P DIR\t\tSave to DIR (default .)\n\t-S    \t\tShow server response\n\t-T SEC\t\tNetwork read timeout is SEC seconds\n\t-O FILE\t\tSave to FILE (\'-\' for stdout)\n\t-o LOGFILE\tLog messages to FILE\n\t-U STR\t\tUse STR for User-Agent header\n\t-Y on/off\tUse proxy\n');
    return 1;
  }
  let current = url;
  for (let hop = 0; hop < 20; hop++) {
    const u = parseUrl(current);
    if (!u || (u.scheme !== 'http' && u.scheme !== 'https')) {
      await sys.write(2, `wget: not an http or ftp url: ${current}\n`);
      return 1;
    }
    const port = u.port ?? defaultPort(u.scheme);
    const r = await getaddrinfo(sys, u.host);
    if (!r.ok) {
      await sys.write(2, `wget: bad address '${u.host}'\n`);
      return 1;
    }
    const ip = r.addresses[0];
    if (!quiet) await sys.write(2, `Connecting to ${u.host}${u.port !== undefined ? `:${u.port}` : ''} (${ip}:${port})\n`);
    let fd: number;
    try {
      fd = await sys.dial(`tcp://${ip}:${port}`);
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      await sys.write(2, `wget: can't connect to remote host (${ip}): ${e.message}\n`);
      return 1;
    }
    try {
      if (u.scheme === 'https') {
        await sys.write(2, 'wget: dockersim: TLS is not simulated (https); use http://\n');
        return 1;
      }
      await sys.write(fd, `GET ${u.target} HTTP/1.1\r\nHost: ${u.host}${u.port !== undefined ? `:${u.port}` : ''}\r\nUser-Agent: Wget\r\nConnection: close\r\n\r\n`);
      const res = new HttpResponse(sys, fd, 'GET');
      try {
        await res.readHead();
      } catch (e) {
        if (!(e instanceof HttpProtocolError) && !(isSysError(e) && e.code === 'ECONNRESET')) throw e;
        await sys.write(2, 'wget: error getting response: Connection reset by peer\n');
        return 1;
      }
      const loc = res.status >= 300 && res.status < 400 ? res.header('Location') : undefined;
      if (loc !== undefined) {
        current = resolveLocation(u, loc);
        continue;
      }
      if (res.status >= 400) {
        await sys.write(2, `wget: server returned error: ${res.rawHead[0]}\n`);
        return 1;
      }
      const path = u.target.replace(/\?.*/, '');
      const name = output ?? (path.slice(path.lastIndexOf('/') + 1) || 'index.html');
      let out = 1;
      if (name !== '-') {
        if (output === undefined && sys.fs.exists(name)) {
          await sys.write(2, `wget: can't open '${name}': File exists\n`);
          return 1;
        }
        try {
          out = sys.open(name, 'w');
        } catch (e) {
          if (isProcessEnd(e) || !isSysError(e)) throw e;
          await sys.write(2, `wget: can't open '${name}': ${e.message}\n`);
          return 1;
        }
      }
      if (!quiet) await sys.write(2, `saving to '${name}'\n`);
      let got = 0;
      for (let piece = await res.next(); piece !== null; piece = await res.next()) {
        got += piece.length;
        await sys.write(out, piece);
      }
      if (out !== 1) sys.close(out);
      if (!quiet) {
        const label = (name === '-' ? '-' : name.slice(name.lastIndexOf('/') + 1)).slice(0, 20).padEnd(20);
        const size = got < 100000 ? String(got).padStart(6) : `${String(Math.floor(got / 1024)).padStart(5)}k`;
        await sys.write(2, `${label} 100% |********************************| ${size}  0:00:00 ETA\n'${name}' saved\n`);
      }
      return 0;
    } finally {
      sys.close(fd);
    }
  }
  await sys.write(2, 'wget: too many redirections\n');
  return 1;
};
