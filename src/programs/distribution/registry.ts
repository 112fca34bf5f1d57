/**
 * `registry serve`: the Distribution HTTP API v2 of docker/distribution 2.8.3 on the simulated network, with
 * its filesystem storage (./storage.ts), its JSON errors, its logrus lines on stderr and its combined access
 * log on stdout (what `docker logs registry` shows). No auth, no TLS, no deletes: what the book's private
 * registry does. Layer blobs that dockerd pushes arrive as references and are stored as files whose bytes are
 * made only when read (engine/daemon/distribution/blobs.ts); anything else is stored as the bytes it is.
 */
import { arrayFromBytes, bytesFromArray, readWire, sendWire } from '../../api/bytes.js';
import { HttpParseError, RequestParser } from '../../api/http/parser.js';
import type { HttpRequest } from '../../api/http/request.js';
import { statusText } from '../../api/http/status.js';
import { deferredBlob, layerOfBlob } from '../../engine/daemon/distribution/blobs.js';
import { LAYER_REF_TYPE, MEDIA_MANIFEST } from '../../engine/daemon/distribution/remote.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { sha256Hex } from '../../engine/fs/sha256.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { utf8Decode, utf8Encode } from '../../engine/kernel/utf8.js';
import { parseQuery } from '../../api/http/query.js';
import { formatRFC3339Nano } from '../../pkg/timetypes.js';
import { Storage } from './storage.js';

const VERSION = 'v2.8.3';
const GO_VERSION = 'go1.20.8';
const NAME = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*';
const DIGEST = 'sha256:[a-f0-9]{64}';
const TAG = '[\\w][\\w.-]{0,127}';

interface Config {
  readonly root: string;
  readonly addr: string;
}

/** The two settings the simulation acts on, from the YAML file and REGISTRY_* variables (env wins). */
function readConfig(sys: Sys, path: string): Config | string {
  let text: string;
  try {
    text = sys.fs.readText(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return `configuration error: open ${path}: no such file or directory`;
  }
  const root = /^\s+rootdirectory:\s*(\S+)/m.exec(text)?.[1] ?? '/var/lib/registry';
  const addr = /^\s+addr:\s*(\S+)/m.exec(text)?.[1] ?? ':5000';
  return { root: sys.env.REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY || root, addr: sys.env.REGISTRY_HTTP_ADDR || addr };
}

function uuid(sys: Sys): string {
  const h = Array.from({ length: 32 }, () => Math.floor(sys.random() * 16).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(sys.random() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** logrus's TextFormatter: quoted when a value has a character outside [A-Za-z0-9-._/@^+]. */
function field(k: string, v: string): string {
  return `${k}=${/^[A-Za-z0-9\-._/@^+]+$/.test(v) ? v : JSON.stringify(v)}`;
}

class Logger {
  constructor(
    private readonly sys: Sys,
    private readonly instance: string,
  ) {}

  async log(level: string, msg: string, fields: Record<string, string> = {}): Promise<void> {
    const all: Record<string, string> = { ...fields, 'go.version': GO_VERSION, 'instance.id': this.instance, service: 'registry', version: VERSION };
    const kv = Object.keys(all).sort().map((k) => field(k, all[k])).join(' ');
    const time = formatRFC3339Nano(BigInt(Math.round(this.sys.now() * 1e6)));
    await this.sys.write(2, `time=${JSON.stringify(time)} level=${level} msg=${JSON.stringify(msg)} ${kv}\n`);
  }
}

export const registry: Program = async (sys) => {
  const args = sys.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-v') {
    await sys.write(1, `${sys.argv[0].split('/').pop()} github.com/docker/distribution ${VERSION}\n`);
    return 0;
  }
  if (args[0] !== 'serve') {
    await sys.write(2, `registry: dockersim: only \`registry serve CONFIG\` is simulated\n`);
    return 1;
  }
  const cfgPath = args[1] ?? sys.env.REGISTRY_CONFIGURATION_PATH ?? '';
  if (cfgPath === '') {
    await sys.write(2, 'configuration path unspecified\n');
    return 1;
  }
  const cfg = readConfig(sys, cfgPath);
  if (typeof cfg === 'string') {
    await sys.write(2, `${cfg}\n`);
    return 1;
  }
  const log = new Logger(sys, uuid(sys));
  await log.log('warning', 'No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.');
  await log.log('info', 'redis not configured');
  await log.log('info', 'Starting upload purge in 20m0s');
  await log.log('info', 'using inmemory blob descriptor cache');
  const port = cfg.addr.slice(cfg.addr.lastIndexOf(':') + 1);
  const host = cfg.addr.slice(0, cfg.addr.lastIndexOf(':'));
  let lfd: number;
  try {
    lfd = sys.listen(`tcp://${host === '' ? '0.0.0.0' : host}:${port}`);
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    await log.log('fatal', `listen tcp ${cfg.addr}: bind: ${e.message.toLowerCase()}`);
    return 1;
  }
  await log.log('info', `listening on ${host === '' ? '[::]' : host}:${port}`);
  sys.signal('SIGPIPE', 'ignore');
  const storage = new Storage(sys, cfg.root);
  for (;;) {
    let fd: number;
    try {
      fd = await sys.accept(lfd);
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      return 1;
    }
    sys.spawn({ program: (t) => serveConn(t, 0, storage, log), argv: sys.argv, fds: { 0: fd, 1: 1, 2: 2 }, thread: true });
    sys.close(fd);
  }
};

interface Reply {
  status: number;
  headers: Array<[string, string]>;
  /** Bytes (a binary string). */
  body: string;
  contentType: string;
}

async function serveConn(sys: Sys, fd: number, storage: Storage, log: Logger): Promise<number> {
  const parser = new RequestParser();
  const peer = sys.getpeername(fd);
  const remote = `${peer.address}:${peer.port}`;
  try {
    for (;;) {
      let req: HttpRequest | null;
      try {
        req = parser.next();
      } catch (e) {
        if (e instanceof HttpParseError) {
          await sendWire(sys, fd, e.response);
          return 0;
        }
        throw e;
      }
      if (!req) {
        const more = await readWire(sys, fd);
        if (more === null) return 0;
        parser.push(more);
        continue;
      }
      const started = sys.now();
      const r = handle(sys, storage, req);
      const head = req.method === 'HEAD';
      const lines = [`HTTP/1.1 ${r.status} ${statusText(r.status)}`];
      const hdrs: Array<[string, string]> = [...r.headers];
      if (r.contentType) hdrs.push(['Content-Type', r.contentType]);
      if (r.status !== 204 && !hdrs.some(([k]) => k === 'Content-Length')) hdrs.push(['Content-Length', String(r.body.length)]);
      hdrs.push(['Date', httpDate(sys.now())]);
      hdrs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [k, v] of hdrs) lines.push(`${k}: ${v}`);
      await sendWire(sys, fd, `${lines.join('\r\n')}\r\n\r\n${head ? '' : r.body}`);
      const written = head ? 0 : r.body.length;
      const ua = req.headers.get('User-Agent');
      const ms = Math.max(0, sys.now() - started);
      await log.log('info', 'response completed', {
        'http.request.host': req.headers.get('Host'), 'http.request.id': uuid(sys), 'http.request.method': req.method,
        'http.request.remoteaddr': remote, 'http.request.uri': req.target, 'http.request.useragent': ua,
        'http.response.contenttype': r.contentType, 'http.response.duration': `${ms.toFixed(3).replace(/\.?0+$/, '')}ms`,
        'http.response.status': String(r.status), 'http.response.written': String(written),
      });
      await sys.write(1, `${peer.address} - - [${clfDate(sys.now())}] "${req.method} ${req.target} ${req.proto}" ${r.status} ${written} "${req.headers.get('Referer')}" "${ua}"\n`);
      if (!req.keepAlive) return 0;
    }
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
    return 0;
  } finally {
    sys.close(fd);
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

/** gorilla/handlers' combined log time: 02/Jan/2006:15:04:05 -0700. */
function clfDate(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

const API_HEADER: [string, string] = ['Docker-Distribution-Api-Version', 'registry/2.0'];
const NOSNIFF: [string, string] = ['X-Content-Type-Options', 'nosniff'];
const JSON_TYPE = 'application/json; charset=utf-8';

/** errcode.Errors as the registry writes them: `{"errors":[{code,message,detail}]}` and a newline. */
function v2Error(status: number, code: string, message: string, detail: unknown): Reply {
  const body = JSON.stringify({ errors: [{ code, message, detail }] }) + '\n';
  return { status, headers: [API_HEADER, NOSNIFF], body, contentType: JSON_TYPE };
}

function json(status: number, value: unknown, extra: Array<[string, string]> = []): Reply {
  return { status, headers: [API_HEADER, NOSNIFF, ...extra], body: bytesFromArray(utf8Encode(JSON.stringify(value) + '\n')), contentType: JSON_TYPE };
}

function empty(status: number, headers: Array<[string, string]>): Reply {
  return { status, headers: [API_HEADER, NOSNIFF, ['Content-Length', '0'], ...headers], body: '', contentType: '' };
}

const nameUnknown = (name: string): Reply => v2Error(404, 'NAME_UNKNOWN', 'repository name not known to registry', { name });
const blobUnknown = (digest: string): Reply => v2Error(404, 'BLOB_UNKNOWN', 'blob unknown to registry', digest);

export function handle(sys: Sys, storage: Storage, req: HttpRequest): Reply {
  const path = req.path;
  const q = parseQuery(req.rawQuery);
  const m = (re: string): RegExpExecArray | null => new RegExp(`^/v2/(${NAME})${re}$`).exec(path);
  let x: RegExpExecArray | null;
  if (path === '/v2/' || path === '/v2') {
    return { status: 200, headers: [API_HEADER, NOSNIFF], body: '{}', contentType: JSON_TYPE };
  }
  if (path === '/v2/_catalog' && (req.method === 'GET' || req.method === 'HEAD')) {
    return json(200, { repositories: storage.catalog() });
  }
  if ((x = m('/tags/list')) && (req.method === 'GET' || req.method === 'HEAD')) {
    const name = x[1];
    const tags = storage.tags(name);
    if (!storage.repoExists(name) || tags.length === 0) return nameUnknown(name);
    return json(200, { name, tags });
  }
  if ((x = m(`/blobs/(${DIGEST})`)) && (req.method === 'GET' || req.method === 'HEAD')) {
    const [, name, digest] = x;
    const size = storage.hasLayerLink(name, digest) ? storage.blobSize(digest) : null;
    if (size === null) return blobUnknown(digest);
    const headers: Array<[string, string]> = [['Accept-Ranges', 'bytes'], ['Cache-Control', 'max-age=31536000'], ['Docker-Content-Digest', digest], ['Etag', `"${digest}"`]];
    if (req.method === 'GET' && req.headers.get('Accept').includes(LAYER_REF_TYPE) && layerOfBlob(digest)) {
      return { status: 200, headers: [API_HEADER, NOSNIFF, ...headers], body: digest, contentType: LAYER_REF_TYPE };
    }
    if (req.method === 'HEAD') return { status: 200, headers: [API_HEADER, NOSNIFF, ...headers, ['Content-Length', String(size)]], body: '', contentType: 'application/octet-stream' };
    return { status: 200, headers: [API_HEADER, NOSNIFF, ...headers], body: bytesFromArray(storage.readBlob(digest)), contentType: 'application/octet-stream' };
  }
  if ((x = m('/blobs/uploads/')) && req.method === 'POST') {
    const name = x[1];
    const mount = q.get('mount');
    const from = q.get('from');
    if (mount && from && storage.hasLayerLink(from, mount) && storage.blobSize(mount) !== null) {
      storage.linkLayer(name, mount);
      return empty(201, [['Docker-Content-Digest', mount], ['Location', `/v2/${name}/blobs/${mount}`]]);
    }
    const id = uuid(sys);
    storage.startUpload(name, id, formatRFC3339Nano(BigInt(Math.round(sys.now() * 1e6))));
    const digest = q.get('digest');
    if (digest) return finishUpload(storage, name, id, digest, req);
    return empty(202, [['Docker-Upload-Uuid', id], ['Location', `/v2/${name}/blobs/uploads/${id}?_state=${id}`], ['Range', '0-0']]);
  }
  if ((x = m('/blobs/uploads/([a-f0-9-]+)')) && (req.method === 'PATCH' || req.method === 'PUT')) {
    const [, name, id] = x;
    if (!storage.hasUpload(name, id)) return v2Error(404, 'BLOB_UPLOAD_UNKNOWN', 'blob upload unknown to registry', {});
    if (req.method === 'PATCH') {
      receive(storage, name, id, req);
      const size = storage.uploadSize(name, id);
      return empty(202, [['Docker-Upload-Uuid', id], ['Location', `/v2/${name}/blobs/uploads/${id}?_state=${id}`], ['Range', `0-${Math.max(0, size - 1)}`]]);
    }
    return finishUpload(storage, name, id, q.get('digest') ?? '', req);
  }
  if ((x = m(`/manifests/(${TAG}|${DIGEST})`))) {
    const [, name, ref] = x;
    if (req.method === 'PUT') {
      const body = arrayFromBytes(req.body);
      const digest = `sha256:${sha256Hex(body)}`;
      let parsed: { layers?: Array<{ digest: string }>; config?: { digest: string } };
      try {
        parsed = JSON.parse(utf8Decode(body)) as typeof parsed;
      } catch {
        return v2Error(400, 'MANIFEST_INVALID', 'manifest invalid', {});
      }
      for (const d of [...(parsed.layers ?? []).map((l) => l.digest), ...(parsed.config ? [parsed.config.digest] : [])]) {
        if (!storage.hasLayerLink(name, d)) return v2Error(400, 'MANIFEST_BLOB_UNKNOWN', 'blob unknown to registry', d);
      }
      storage.putManifest(name, ref.startsWith('sha256:') ? null : ref, digest, body);
      return empty(201, [['Docker-Content-Digest', digest], ['Location', `/v2/${name}/manifests/${digest}`]]);
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (!storage.repoExists(name)) return nameUnknown(name);
      const digest = ref.startsWith('sha256:') ? (storage.hasRevision(name, ref) ? ref : null) : storage.tagDigest(name, ref);
      if (digest === null) return v2Error(404, 'MANIFEST_UNKNOWN', 'manifest unknown', ref.startsWith('sha256:') ? {} : { Tag: ref });
      const body = storage.readBlob(digest);
      const headers: Array<[string, string]> = [['Docker-Content-Digest', digest], ['Etag', `"${digest}"`]];
      if (req.method === 'HEAD') return { status: 200, headers: [API_HEADER, NOSNIFF, ...headers, ['Content-Length', String(body.length)]], body: '', contentType: MEDIA_MANIFEST };
      return { status: 200, headers: [API_HEADER, NOSNIFF, ...headers], body: bytesFromArray(body), contentType: MEDIA_MANIFEST };
    }
  }
  if (path.startsWith('/v2/')) {
    if (req.method === 'DELETE') return v2Error(405, 'UNSUPPORTED', 'The operation is unsupported.', {});
    return { status: 404, headers: [NOSNIFF], body: '404 page not found\n', contentType: 'text/plain; charset=utf-8' };
  }
  return { status: 404, headers: [NOSNIFF], body: '404 page not found\n', contentType: 'text/plain; charset=utf-8' };
}

/** A PATCH or PUT body: dockerd's layer reference becomes a deferred file; other bytes are written as they are. */
function receive(storage: Storage, name: string, id: string, req: HttpRequest): void {
  if (req.headers.get('Content-Type') === LAYER_REF_TYPE) {
    const layer = layerOfBlob(req.body.trim());
    if (layer) {
      const blob = deferredBlob(layer);
      storage.writeUpload(name, id, blob);
      storage.setUploadHashState(name, id, blob.deferredSize, req.body.trim());
      return;
    }
  }
  if (req.body.length > 0) storage.appendUpload(name, id, arrayFromBytes(req.body));
}

function finishUpload(storage: Storage, name: string, id: string, digest: string, req: HttpRequest): Reply {
  receive(storage, name, id, req);
  if (!new RegExp(`^${DIGEST}$`).test(digest)) return v2Error(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content', {});
  // A layer that came as a reference is the blob its digest names; bytes are hashed.
  const actual = storage.uploadHashState(name, id) ?? `sha256:${sha256Hex(storage.readUpload(name, id))}`;
  if (actual !== digest) return v2Error(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content', {});
  storage.commitUpload(name, id, digest);
  return empty(201, [['Docker-Content-Digest', digest], ['Location', `/v2/${name}/blobs/${digest}`]]);
}
