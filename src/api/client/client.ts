/**
 * The docker CLI's API client (docker/client): ping and version negotiation, typed calls returning decoded
 * JSON, streams read piece by piece, and hijacked connections for attach and exec. Every request runs on
 * its own connection through the caller's `Sys`, so it goes through the same socket a real client would.
 */
import { SysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { bytesToText, readWire, sendWire, textToBytes } from '../bytes.js';
import { encodeQuery } from '../http/query.js';
import { encodeJSON } from '../../pkg/gojson.js';
import { API_VERSION, compareVersions } from '../version.js';
import { DaemonResponseError } from './errors.js';
import { ResponseReader } from './response.js';
import { roundTrip, type RequestSpec } from './transport.js';
import { statusText } from '../http/status.js';

export const DEFAULT_HOST = 'unix:///var/run/docker.sock';
type Json = Record<string, unknown>;
type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface PingResult {
  readonly apiVersion: string;
  readonly osType: string;
  readonly builderVersion: string;
  /** `Docker-Experimental: true`. */
  readonly experimental: boolean;
  /** The `Swarm` header as sent (`inactive`, `active/manager`…); '' when absent. */
  readonly swarm: string;
}

/** A raw connection after `101 UPGRADED`: bytes both ways. */
export interface HijackedConn {
  readonly mediaType: string;
  /** Next bytes from the daemon, null at end of stream. */
  read(): Promise<string | null>;
  write(bytes: string): Promise<void>;
  /** Half-close: the daemon sees end of stdin. */
  closeWrite(): void;
  close(): void;
}

export class DockerClient {
  /** The API version requests use; lowered by `negotiate()`. */
  version = API_VERSION;
  /** The ping that negotiated `version` (docker/cli keeps it as the server's info); null until one answered. */
  private pinged: PingResult | null = null;

  constructor(
    private readonly sys: Sys,
    readonly host: string = DEFAULT_HOST,
  ) {}

  // ---- plumbing

  private target(path: string, query?: QueryParams): string {
    const q = query ? encodeQuery(query) : '';
    return `/v${this.version}${path}${q ? `?${q}` : ''}`;
  }

  private jsonSpec(method: string, path: string, query?: QueryParams, body?: unknown): RequestSpec {
    if (body === undefined) return { method, target: this.target(path, query) };
    return { method, target: this.target(path, query), headers: { 'Content-Type': 'application/json' }, body: textToBytes(encodeJSON(body)) };
  }

  /** Sends a request; a status ≥ 400 becomes a DaemonResponseError with the daemon's message. */
  async send(spec: RequestSpec): Promise<ResponseReader> {
    await this.negotiate();
    const res = await roundTrip(this.sys, this.host, spec);
    if (res.status >= 400) {
      const body = await res.readAll().catch(() => '');
      this.sys.close(res.fd);
      throw responseError(res.status, body, spec.target, this.host);
    }
    return res;
  }

  private async json<T>(spec: RequestSpec): Promise<T> {
    const res = await this.send(spec);
    const body = await res.readAll();
    this.sys.close(res.fd);
    return (body.trim() === '' ? undefined : JSON.parse(bytesToText(body))) as T;
  }

  private async empty(spec: RequestSpec): Promise<number> {
    const res = await this.send(spec);
    await res.readAll();
    this.sys.close(res.fd);
    return res.status;
  }

  // ---- system

  /** HEAD /_ping (GET /_ping if HEAD is refused with 404/405). Connection errors propagate. */
  async ping(): Promise<PingResult> {
    let res = await roundTrip(this.sys, this.host, { method: 'HEAD', target: '/_ping' });
    if (res.status === 404 || res.status === 405) {
      this.sys.close(res.fd);
      res = await roundTrip(this.sys, this.host, { method: 'GET', target: '/_ping' });
      await res.readAll();
    }
    this.sys.close(res.fd);
    return {
      apiVersion: res.headers.get('Api-Version'),
      osType: res.headers.get('Ostype'),
      builderVersion: res.headers.get('Builder-Version'),
      experimental: res.headers.get('Docker-Experimental') === 'true',
      swarm: res.headers.get('Swarm'),
    };
  }

  /**
   * moby's checkVersion: ping and lower `version` to min(1.50, the daemon's Api-Version) (no header: 1.24).
   * A failed ping leaves the client un-negotiated, so the next request pings again, and the error goes to
   * the caller: calls that check first (create, exec create, wait, image list, stop/restart with a signal)
   * fail with `Head ".../_ping"`.
   */
  async checkVersion(): Promise<PingResult> {
    if (this.pinged) return this.pinged;
    const p = await this.ping();
    const v = p.apiVersion || '1.24';
    if (compareVersions(v, this.version) < 0) this.version = v;
    this.pinged = p;
    return p;
  }

  /** moby's getAPIPath: negotiate if it can; a connection error is left for the request itself to report. */
  async negotiate(): Promise<void> {
    try {
      await this.checkVersion();
    } catch (e) {
      if (!(e instanceof Error) || e.name !== 'ConnectionError') throw e;
    }
  }

  systemVersion(): Promise<Json> {
    return this.json(this.jsonSpec('GET', '/version'));
  }

  systemInfo(): Promise<Json> {
    return this.json(this.jsonSpec('GET', '/info'));
  }

  /** GET /events: newline-separated JSON, as a stream. */
  async events(query: { since?: string; until?: string; filters?: string } = {}): Promise<JsonStream> {
    return new JsonStream(this.sys, await this.send(this.jsonSpec('GET', '/events', query)));
  }

  // ---- containers

  containerList(opts: { all?: boolean; limit?: number; size?: boolean; filters?: string } = {}): Promise<Json[]> {
    return this.json(this.jsonSpec('GET', '/containers/json', {
      all: opts.all ? '1' : undefined,
      limit: opts.limit && opts.limit > 0 ? String(opts.limit) : undefined,
      size: opts.size ? '1' : undefined,
      filters: opts.filters,
    }));
  }

  async containerCreate(config: Json, name?: string, platform?: string): Promise<{ Id: string; Warnings: string[] }> {
    await this.checkVersion();
    return this.json(this.jsonSpec('POST', '/containers/create', { name: name || undefined, platform: platform || undefined }, config));
  }

  /** GET a JSON document and return its text as the daemon wrote it (docker inspect prints it as is). */
  async getRaw(path: string, query?: QueryParams): Promise<string> {
    const res = await this.send(this.jsonSpec('GET', path, query));
    const body = await res.readAll();
    this.sys.close(res.fd);
    return bytesToText(body);
  }

  containerInspect(id: string): Promise<Json> {
    return this.json(this.jsonSpec('GET', `/containers/${id}/json`));
  }

  /** 204, or 304 when already running (the CLI treats both as success). */
  containerStart(id: string): Promise<number> {
    return this.empty(this.jsonSpec('POST', `/containers/${id}/start`));
  }

  async containerStop(id: string, opts: { timeout?: number; signal?: string } = {}): Promise<number> {
    if (opts.signal) await this.checkVersion();
    return this.empty(this.jsonSpec('POST', `/containers/${id}/stop`, { t: opts.timeout?.toString(), signal: opts.signal }));
  }

  async containerRestart(id: string, opts: { timeout?: number; signal?: string } = {}): Promise<number> {
    if (opts.signal) await this.checkVersion();
    return this.empty(this.jsonSpec('POST', `/containers/${id}/restart`, { t: opts.timeout?.toString(), signal: opts.signal }));
  }

  containerKill(id: string, signal?: string): Promise<number> {
    return this.empty(this.jsonSpec('POST', `/containers/${id}/kill`, { signal: signal || undefined }));
  }

  containerPause(id: string): Promise<number> {
    return this.empty(this.jsonSpec('POST', `/containers/${id}/pause`));
  }

  containerUnpause(id: string): Promise<number> {
    return this.empty(this.jsonSpec('POST', `/containers/${id}/unpause`));
  }

  containerRemove(id: string, opts: { force?: boolean; removeVolumes?: boolean } = {}): Promise<number> {
    return this.empty(this.jsonSpec('DELETE', `/containers/${id}`, { force: opts.force ? '1' : undefined, v: opts.removeVolumes ? '1' : undefined }));
  }

  systemDiskUsage(): Promise<Json> {
    return this.json(this.jsonSpec('GET', '/system/df'));
  }

  imagesPrune(filters?: string): Promise<Json> {
    return this.json(this.jsonSpec('POST', '/images/prune', { filters }));
  }

  networkList(filters?: string): Promise<Json[]> {
    return this.json(this.jsonSpec('GET', '/networks', { filters }));
  }

  networkCreate(req: Json): Promise<{ Id: string; Warning?: string }> {
    return this.json(this.jsonSpec('POST', '/networks/create', undefined, req));
  }

  networkConnect(network: string, body: Json): Promise<number> {
    return this.empty(this.jsonSpec('POST', `/networks/${network}/connect`, undefined, body));
  }

  networkDisconnect(network: string, body: Json): Promise<number> {
    return this.empty(this.jsonSpec('POST', `/networks/${network}/disconnect`, undefined, body));
  }

  networkRemove(network: string): Promise<number> {
    return this.empty(this.jsonSpec('DELETE', `/networks/${network}`));
  }

  networksPrune(filters?: string): Promise<Json> {
    return this.json(this.jsonSpec('POST', '/networks/prune', { filters }));
  }

  volumeList(filters?: string): Promise<Json> {
    return this.json(this.jsonSpec('GET', '/volumes', { filters }));
  }

  volumeCreate(body: Json): Promise<Json> {
    return this.json(this.jsonSpec('POST', '/volumes/create', undefined, body));
  }

  volumeRemove(name: string, force: boolean): Promise<number> {
    return this.empty(this.jsonSpec('DELETE', `/volumes/${name}`, { force: force ? '1' : undefined }));
  }

  volumesPrune(filters?: string): Promise<Json> {
    return this.json(this.jsonSpec('POST', '/volumes/prune', { filters }));
  }

  buildCachePrune(opts: { all?: boolean; filters?: string }): Promise<Json> {
    return this.json(this.jsonSpec('POST', '/build/prune', { all: opts.all ? '1' : undefined, filters: opts.filters }));
  }

  containersPrune(filters?: string): Promise<Json> {
    return this.json(this.jsonSpec('POST', '/containers/prune', { filters }));
  }

  containerRename(id: string, name: string): Promise<number> {
    return this.empty(this.jsonSpec('POST', `/containers/${id}/rename`, { name }));
  }

  containerUpdate(id: string, update: Json): Promise<{ Warnings: string[] | null }> {
    return this.json(this.jsonSpec('POST', `/containers/${id}/update`, undefined, update));
  }

  containerResize(id: string, height: number, width: number): Promise<number> {
    return this.empty(this.jsonSpec('POST', `/containers/${id}/resize`, { h: String(height), w: String(width) }));
  }

  containerTop(id: string, psArgs?: string): Promise<{ Titles: string[]; Processes: string[][] }> {
    return this.json(this.jsonSpec('GET', `/containers/${id}/top`, { ps_args: psArgs || undefined }));
  }

  /** Returns once the daemon accepted the wait (its header); `result()` blocks until the exit. */
  async containerWait(id: string, condition?: string): Promise<{ result(): Promise<{ StatusCode: number; Error?: { Message: string } }> }> {
    await this.checkVersion();
    const res = await this.send(this.jsonSpec('POST', `/containers/${id}/wait`, { condition }));
    return {
      result: async () => {
        const body = await res.readAll();
        this.sys.close(res.fd);
        return JSON.parse(bytesToText(body)) as { StatusCode: number };
      },
    };
  }

  /** The log stream (multiplexed unless the container has a TTY); read it with `next()`. */
  async containerLogs(id: string, opts: { follow?: boolean; stdout?: boolean; stderr?: boolean; tail?: string; timestamps?: boolean; since?: string; until?: string } = {}): Promise<BodyStream> {
    const res = await this.send(this.jsonSpec('GET', `/containers/${id}/logs`, {
      follow: opts.follow ? '1' : undefined,
      stderr: opts.stderr ? '1' : undefined,
      stdout: opts.stdout ? '1' : undefined,
      tail: opts.tail,
      timestamps: opts.timestamps ? '1' : undefined,
      since: opts.since,
      until: opts.until,
    }));
    return new BodyStream(this.sys, res);
  }

  containerAttach(id: string, opts: { stdin?: boolean; stdout?: boolean; stderr?: boolean; stream?: boolean; logs?: boolean; detachKeys?: string }): Promise<HijackedConn> {
    return this.hijack('POST', `/containers/${id}/attach`, {
      detachKeys: opts.detachKeys,
      logs: opts.logs ? '1' : undefined,
      stderr: opts.stderr ? '1' : undefined,
      stdin: opts.stdin ? '1' : undefined,
      stdout: opts.stdout ? '1' : undefined,
      stream: opts.stream ? '1' : undefined,
    });
  }

  async containerExecCreate(id: string, config: Json): Promise<{ Id: string }> {
    await this.checkVersion();
    return this.json(this.jsonSpec('POST', `/containers/${id}/exec`, undefined, config));
  }

  containerExecStart(execId: string, opts: { Detach: boolean; Tty: boolean; ConsoleSize?: [number, number] }): Promise<HijackedConn | null> {
    if (opts.Detach) return this.empty(this.jsonSpec('POST', `/exec/${execId}/start`, undefined, opts)).then(() => null);
    return this.hijack('POST', `/exec/${execId}/start`, undefined, opts);
  }

  containerExecInspect(execId: string): Promise<Json> {
    return this.json(this.jsonSpec('GET', `/exec/${execId}/json`));
  }

  containerExecResize(execId: string, height: number, width: number): Promise<number> {
    return this.empty(this.jsonSpec('POST', `/exec/${execId}/resize`, { h: String(height), w: String(width) }));
  }

  // ---- images

  async imageList(opts: { all?: boolean; filters?: string } = {}): Promise<Json[]> {
    await this.checkVersion();
    return this.json(this.jsonSpec('GET', '/images/json', { all: opts.all ? '1' : undefined, filters: opts.filters }));
  }

  imageInspect(name: string): Promise<Json> {
    return this.json(this.jsonSpec('GET', `/images/${name}/json`));
  }

  imageRemove(name: string, opts: { force?: boolean; noPrune?: boolean } = {}): Promise<Json[]> {
    return this.json(this.jsonSpec('DELETE', `/images/${name}`, { force: opts.force ? '1' : undefined, noprune: opts.noPrune ? '1' : undefined }));
  }

  imageHistory(name: string): Promise<Json[]> {
    return this.json(this.jsonSpec('GET', `/images/${name}/history`));
  }

  imageTag(source: string, repo: string, tag?: string): Promise<number> {
    return this.empty(this.jsonSpec('POST', `/images/${source}/tag`, { repo, tag }));
  }

  /** POST /commit with no body: the daemon starts from the container's own config. */
  containerCommit(query: { container: string; repo: string; tag: string; comment: string; author: string; changes: readonly string[]; pause?: string }): Promise<Json> {
    return this.json(this.jsonSpec('POST', '/commit', query));
  }

  imageSearch(term: string, limit?: number, filters?: string): Promise<Json[]> {
    return this.json(this.jsonSpec('GET', '/images/search', { term, limit: limit ? String(limit) : undefined, filters: filters || undefined }));
  }

  /** POST /images/create: progress messages as they arrive. */
  async imagePull(fromImage: string, tag: string, platform?: string, registryAuth?: string): Promise<JsonStream> {
    const spec = this.jsonSpec('POST', '/images/create', { fromImage, tag, platform: platform || undefined });
    const res = await this.send(registryAuth === undefined ? spec : { ...spec, headers: { 'X-Registry-Auth': registryAuth } });
    return new JsonStream(this.sys, res);
  }

  /**
   * POST /build with the context tar as the body (bytes as a binary string). The reply is a JSON message
   * stream whose reads can be bounded in time: the CLI's build display redraws when nothing came for a while.
   */
  async imageBuild(query: QueryParams, body: string, headers: Readonly<Record<string, string>>): Promise<TimedJsonStream> {
    await this.negotiate();
    const spec: RequestSpec = { method: 'POST', target: this.target('/build', query), headers, body };
    const limit: { ms: number | null } = { ms: null };
    const sys = this.sys;
    const reader = {
      async readData(fd: number, max?: number): Promise<string | Uint8Array | null> {
        if (limit.ms === null) return sys.readData(fd, max);
        const d = await sys.readDataTimed(fd, limit.ms, max);
        if (d === undefined) throw new ReadTimeout();
        return d;
      },
    };
    const res = await roundTrip(sys, this.host, spec, reader);
    if (res.status >= 400) {
      const text = await res.readAll().catch(() => '');
      sys.close(res.fd);
      throw responseError(res.status, text, spec.target, this.host);
    }
    return new TimedJsonStream(sys, res, limit);
  }

  /** POST /images/{name}/push: progress messages as they arrive. */
  async imagePush(name: string, tag: string, registryAuth: string): Promise<JsonStream> {
    const spec = this.jsonSpec('POST', `/images/${name}/push`, { tag: tag || undefined });
    const res = await this.send({ ...spec, headers: { 'X-Registry-Auth': registryAuth } });
    return new JsonStream(this.sys, res);
  }

  registryLogin(auth: Record<string, string>): Promise<Json> {
    return this.json(this.jsonSpec('POST', '/auth', undefined, auth));
  }

  // ---- hijack

  private async hijack(method: string, path: string, query?: QueryParams, body?: unknown): Promise<HijackedConn> {
    const spec = this.jsonSpec(method, path, query, body);
    const headers = { ...(spec.headers ?? { 'Content-Type': 'text/plain' }), Connection: 'Upgrade', Upgrade: 'tcp' };
    const res = await this.send({ ...spec, headers, hijack: true });
    if (res.status !== 101 && res.status !== 200) {
      this.sys.close(res.fd);
      throw new Error(`unable to upgrade to tcp, received ${res.status}`);
    }
    const sys = this.sys;
    let early = res.take();
    // The CLI closes the connection from one task while another may still read or write it (a failed
    // start): once closed, reads see the end, writes a broken pipe, and closing again is harmless.
    let closed = false;
    return {
      mediaType: res.headers.get('Content-Type'),
      read: async () => {
        if (early) {
          const e = early;
          early = '';
          return e;
        }
        return closed ? null : readWire(sys, res.fd);
      },
      write: (bytes) => (closed ? Promise.reject(new SysError('EPIPE', 'write')) : sendWire(sys, res.fd, bytes)),
      closeWrite: () => {
        if (!closed) sys.shutdown(res.fd);
      },
      close: () => {
        if (closed) return;
        closed = true;
        sys.close(res.fd);
      },
    };
  }
}

/** A streamed body, piece by piece (bytes). */
export class BodyStream {
  constructor(
    protected readonly sys: Sys,
    readonly res: ResponseReader,
  ) {}

  get mediaType(): string {
    return this.res.headers.get('Content-Type');
  }

  async next(): Promise<string | null> {
    const p = await this.res.next();
    if (p === null) this.close();
    return p;
  }

  close(): void {
    try {
      this.sys.close(this.res.fd);
    } catch {
      /* closed already */
    }
  }
}

/** Newline-separated JSON messages (pull progress, events). */
export class JsonStream extends BodyStream {
  private buf = '';

  async nextMessage(): Promise<Json | null> {
    for (;;) {
      const nl = this.buf.indexOf('\n');
      if (nl >= 0) {
        const line = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        if (line.trim() !== '') return JSON.parse(bytesToText(line)) as Json;
        continue;
      }
      const p = await this.next();
      if (p === null) return this.buf.trim() === '' ? null : (JSON.parse(bytesToText(this.buf)) as Json);
      this.buf += p;
    }
  }
}

/** A bounded read that saw nothing in time. */
class ReadTimeout extends Error {}

/** JSON messages, each awaited at most some milliseconds of virtual time if the caller asks. */
export class TimedJsonStream extends JsonStream {
  constructor(sys: Sys, res: ResponseReader, private readonly limit: { ms: number | null }) {
    super(sys, res);
  }

  /** The next message, null at the end, undefined when none came within `ms`. */
  async nextMessageWithin(ms: number): Promise<Json | null | undefined> {
    this.limit.ms = ms;
    try {
      return await this.nextMessage();
    } catch (e) {
      if (e instanceof ReadTimeout) return undefined;
      throw e;
    } finally {
      this.limit.ms = null;
    }
  }
}

function responseError(status: number, body: string, target: string, host: string): DaemonResponseError {
  const text = bytesToText(body);
  try {
    const j = JSON.parse(text) as { message?: string };
    if (typeof j.message === 'string') return new DaemonResponseError(status, j.message);
  } catch {
    /* not JSON */
  }
  if (text.trim() === '') {
    const url = `http://${host.startsWith('unix://') ? 'api.moby.localhost' : host.slice(6)}${target}`;
    return new DaemonResponseError(status, `request returned ${statusText(status)} for API route and version ${url}, check if the server supports the requested API version`);
  }
  return new DaemonResponseError(status, text.trim());
}
