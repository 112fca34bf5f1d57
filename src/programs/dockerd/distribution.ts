/**
 * dockerd's registry service and its HTTP client for registries other than Docker Hub (moby registry/ and
 * distribution's client): which endpoints a host gets (127.0.0.0/8, ::1 and `insecure-registries` may use
 * plain HTTP; any other registry only HTTPS, which nothing on the simulated network speaks, so a plain-HTTP
 * registry answers with Go's `http: server gave HTTP response to HTTPS client`), and the v2 API calls a push
 * and a pull make, over the kernel's sockets: through a published port and docker-proxy, so the registry
 * container logs every request. Layer blobs go as references (LAYER_REF_TYPE), never as bytes.
 */
import { arrayFromBytes, bytesFromArray, sendWire } from '../../api/bytes.js';
import { ResponseReader } from '../../api/client/response.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { utf8Decode } from '../../engine/kernel/utf8.js';
import { layerOfBlob } from '../../engine/daemon/distribution/blobs.js';
import {
  LAYER_REF_TYPE, MEDIA_MANIFEST, type AuthConfig, type BlobContent, type RegistryService, type RemoteRepository,
} from '../../engine/daemon/distribution/remote.js';
import { notFound, systemError } from '../../pkg/errdefs.js';
import { familiarString, tagNameOnly, type Reference } from '../../pkg/reference.js';
import { getaddrinfo } from '../lib/resolver.js';
import { ENGINE_COMMIT, ENGINE_VERSION } from './config.js';

interface Endpoint {
  readonly scheme: 'http' | 'https';
  readonly host: string;
  readonly address: string;
}

function ipv4ToInt(ip: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  return m ? m.slice(1).reduce((a, b) => a * 256 + Number(b), 0) : null;
}

function inCidr(ip: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/');
  const a = ipv4ToInt(ip);
  const b = ipv4ToInt(net);
  if (a === null || b === null || bits === undefined) return false;
  const n = Number(bits);
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

/** registry.ServiceConfig's insecure check: the index name listed, or its address in a listed (or loopback) CIDR. */
function isSecure(host: string, ip: string, insecure: readonly string[]): boolean {
  if (insecure.includes(host)) return false;
  for (const cidr of ['127.0.0.0/8', ...insecure.filter((i) => i.includes('/'))]) if (inCidr(ip, cidr)) return false;
  return ip !== '::1';
}

export function userAgent(sys: Sys): string {
  return `docker/${ENGINE_VERSION} go/go1.24.3 git-commit/${ENGINE_COMMIT} kernel/${sys.uname().release} os/linux arch/amd64 UpstreamClient(Docker-Client/${ENGINE_VERSION} \\(linux\\))`;
}

class HttpRegistry {
  constructor(
    private readonly sys: Sys,
    readonly endpoint: Endpoint,
  ) {}

  url(path: string): string {
    return `${this.endpoint.scheme}://${this.endpoint.host}${path}`;
  }

  /** One request on its own connection; a connection failure is Go's `Get "URL": dial tcp …` error. */
  async request(method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<{ status: number; headers: ResponseReader['headers']; body: string }> {
    const sys = this.sys;
    const verb = method.charAt(0) + method.slice(1).toLowerCase();
    let fd: number;
    try {
      fd = await sys.dial(`tcp://${this.endpoint.address}`, { timeoutMs: 30_000 });
    } catch (e) {
      if (isProcessEnd(e) || !isSysError(e)) throw e;
      const why = e.code === 'ECONNREFUSED' ? 'connect: connection refused' : e.code === 'ETIMEDOUT' ? 'i/o timeout' : `connect: ${e.message.toLowerCase()}`;
      throw systemError(`${verb} "${this.url(path)}": dial tcp ${this.endpoint.address}: ${why}`);
    }
    try {
      if (this.endpoint.scheme === 'https') throw systemError(`${verb} "${this.url(path)}": http: server gave HTTP response to HTTPS client`);
      let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.endpoint.host}\r\nUser-Agent: ${userAgent(sys)}\r\n`;
      if (body.length > 0 || method === 'PUT' || method === 'PATCH' || method === 'POST') head += `Content-Length: ${body.length}\r\n`;
      for (const k of Object.keys(headers).sort()) head += `${k}: ${headers[k]}\r\n`;
      if (method !== 'HEAD') head += 'Accept-Encoding: gzip\r\n';
      await sendWire(sys, fd, `${head}Connection: close\r\n\r\n${body}`);
      const res = new ResponseReader(sys, fd, method);
      try {
        await res.readHead();
      } catch (e) {
        if (!isSysError(e) || e.code !== 'ECONNRESET') throw e;
        // Go's net/http: the read that failed, with both ends of the connection.
        const local = sys.getsockname(fd);
        throw systemError(`${verb} "${this.url(path)}": read tcp ${local.address}:${local.port}->${this.endpoint.address}: read: connection reset by peer`);
      }
      const text = await res.readAll();
      return { status: res.status, headers: res.headers, body: text };
    } finally {
      sys.close(fd);
    }
  }
}

/** The registry's error body as moby wraps it: `<code lower>: <message>`. */
function registryError(body: string): string {
  try {
    const e = (JSON.parse(body) as { errors: Array<{ code: string; message: string }> }).errors[0];
    return `${e.code.toLowerCase().replace(/_/g, ' ')}: ${e.message}`;
  } catch {
    return body.trim();
  }
}

function repository(reg: HttpRegistry, ref: Reference): RemoteRepository {
  const name = ref.path;
  const pending = new Map<string, string>();
  const startUpload = async (): Promise<string> => {
    const r = await reg.request('POST', `/v2/${name}/blobs/uploads/`);
    if (r.status !== 202) throw systemError(registryError(r.body));
    return r.headers.get('Location');
  };
  const sendBlob = async (location: string, digest: string, content: BlobContent): Promise<void> => {
    const [type, body] = 'layer' in content ? [LAYER_REF_TYPE, digest] : ['application/octet-stream', bytesFromArray(content.bytes)];
    const p = await reg.request('PATCH', location, { 'Content-Type': type }, body);
    if (p.status !== 202) throw systemError(registryError(p.body));
    const loc = p.headers.get('Location');
    const put = await reg.request('PUT', `${loc}${loc.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`, { 'Content-Type': 'application/octet-stream' });
    if (put.status !== 201) throw systemError(registryError(put.body));
  };
  return {
    path: name,
    blobExists: async (d) => (await reg.request('HEAD', `/v2/${name}/blobs/${d}`)).status === 200,
    mountBlob: async (d, from) => {
      const r = await reg.request('POST', `/v2/${name}/blobs/uploads/?from=${encodeURIComponent(from)}&mount=${encodeURIComponent(d)}`);
      if (r.status === 201) return true;
      if (r.status === 202) pending.set(d, r.headers.get('Location'));
      return false;
    },
    putBlob: async (d, content) => {
      const location = pending.get(d) ?? (await startUpload());
      pending.delete(d);
      await sendBlob(location, d, content);
    },
    putManifest: async (tag, body) => {
      const r = await reg.request('PUT', `/v2/${name}/manifests/${tag}`, { 'Content-Type': MEDIA_MANIFEST }, body);
      if (r.status !== 201) throw systemError(registryError(r.body));
    },
    getManifest: async (refStr) => {
      const r = await reg.request('GET', `/v2/${name}/manifests/${refStr}`, { Accept: MEDIA_MANIFEST });
      if (r.status === 200) return { body: utf8Decode(arrayFromBytes(r.body)), digest: r.headers.get('Docker-Content-Digest') };
      const why = registryError(r.body);
      if (why.startsWith('name unknown')) throw notFound(`repository ${ref.domain}/${ref.path} not found: ${why}`);
      throw notFound(`manifest for ${familiarString(tagNameOnly(ref))} not found: ${why}`);
    },
    getBlob: async (d) => {
      const r = await reg.request('GET', `/v2/${name}/blobs/${d}`, { Accept: `${LAYER_REF_TYPE}, */*` });
      if (r.status !== 200) throw notFound(registryError(r.body));
      if (r.headers.get('Content-Type') === LAYER_REF_TYPE) {
        const layer = layerOfBlob(r.body.trim());
        if (layer) return { layer };
      }
      return { bytes: arrayFromBytes(r.body) };
    },
  };
}

/** Resolves a registry host (`localhost:5000`, `10.0.0.5:5000`, a name) to its endpoint; Go's errors when that fails. */
async function endpointFor(sys: Sys, domain: string, insecure: readonly string[]): Promise<Endpoint> {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(domain);
  const hostname = m?.[1] ?? domain;
  const port = m?.[2] ?? '443';
  let ip: string;
  if (hostname === 'localhost') ip = '127.0.0.1';
  else if (ipv4ToInt(hostname) !== null) ip = hostname;
  else {
    const r = await getaddrinfo(sys, hostname);
    if (!r.ok) throw systemError(`Get "https://${domain}/v2/": dial tcp: lookup ${hostname}: no such host`);
    ip = r.addresses[0];
  }
  const scheme = isSecure(domain, ip, insecure) ? 'https' : 'http';
  return { scheme, host: domain, address: `${ip}:${port}` };
}

export function registryService(insecure: readonly string[]): RegistryService {
  const ping = async (sys: Sys, domain: string): Promise<HttpRegistry> => {
    const reg = new HttpRegistry(sys, await endpointFor(sys, domain, insecure));
    const r = await reg.request('GET', '/v2/');
    if (r.status !== 200 && r.status !== 401) throw systemError(`${reg.url('/v2/')}: ${registryError(r.body)}`);
    return reg;
  };
  return {
    async open(sys: Sys, ref: Reference, _action: 'push' | 'pull', _auth: AuthConfig) {
      if (ref.domain === 'docker.io') return null;
      return repository(await ping(sys, ref.domain), ref);
    },
    async login(sys: Sys, server: string) {
      await ping(sys, server);
    },
  };
}
