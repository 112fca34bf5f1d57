/**
 * The build routes (moby's router/build): POST /build (the legacy builder's JSON stream, or BuildKit's trace
 * for version=2) and the cache prune `docker system prune` calls.
 */
import { DaemonError, invalidParameter } from '../../../pkg/errdefs.js';
import { base64Encode } from '../../../pkg/base64.js';
import { encodeJSON } from '../../../pkg/gojson.js';
import type { StatusResponse } from '../../../pkg/buildkit/status.js';
import type { BuildOptions } from '../../../engine/daemon/builder/options.js';
import { textToBytes } from '../../bytes.js';
import { boolValue, parseFilters, writeJSON, type Filters } from '../httputils.js';
import { route, type RequestContext, type Route } from '../types.js';
import { requestBytes } from '../../http/request.js';
import { ConnectionClosed, track, waitFor } from '../../server/types.js';

type MaybeAsync<T> = T | Promise<T>;

const notSimulated = (what: string): DaemonError => new DaemonError('NotImplemented', `dockersim: ${what} is not simulated`);
type Json = Record<string, unknown>;

/** ImageBuildOptions as the route reads them from the query: the builder's own options. */
export type BuildRequest = BuildOptions;

export interface BuildSinks {
  /** A message of the legacy stream (`{"stream":…}`, `{"aux":…}`, pull progress). */
  message(m: Json): void;
  /** One BuildKit StatusResponse (version=2). */
  trace(s: StatusResponse): void;
}

export interface BuildBackend {
  /** POST /build/prune: `{CachesDeleted, SpaceReclaimed}`. */
  buildCachePrune(opts: { all: boolean; filters: Filters }): MaybeAsync<Record<string, unknown>>;
  /** POST /build: the image ID; an error carries `code` when a RUN step's command failed. */
  imageBuild?(req: BuildRequest, context: Uint8Array, sinks: BuildSinks): Promise<string>;
  /** The protobuf encoding of a StatusResponse (BuildKit's trace), when the daemon has it. */
  encodeStatus?(s: StatusResponse): Uint8Array;
}

function jsonParam<T>(ctx: RequestContext, key: string, what: string): T | undefined {
  const raw = ctx.query.get(key);
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch (e) {
    throw invalidParameter(`error reading ${what}: ${(e as Error).message}`);
  }
}

/**
 * The options the docker client sends with every build (zero when unset: cpushares=0, memory=0, ulimits=null …)
 * that dockersim's build containers do not model: a value other than the zero is refused, never ignored.
 */
const UNMODELLED_NUMBERS = ['cpushares', 'cpuquota', 'cpuperiod', 'memory', 'memswap', 'shmsize'] as const;
const UNMODELLED_TEXT: ReadonlyArray<readonly [string, string]> = [
  ['cpusetcpus', '--cpuset-cpus'], ['cpusetmems', '--cpuset-mems'], ['cgroupparent', '--cgroup-parent'],
  ['isolation', '--isolation'], ['outputs', '--output'], ['session', 'a BuildKit session'],
];

function refuseUnmodelled(ctx: RequestContext): void {
  for (const key of UNMODELLED_NUMBERS) {
    const v = ctx.query.get(key);
    if (v !== '' && v !== '0' && v !== '-1') throw notSimulated(`the build option ${key}=${v}`);
  }
  for (const [key, what] of UNMODELLED_TEXT) if (ctx.query.get(key) !== '') throw notSimulated(what);
  const network = ctx.query.get('networkmode');
  if (network !== '' && network !== 'default') throw notSimulated(`--network=${network} for a build`);
  for (const key of ['extrahosts', 'securityopt']) if (ctx.query.all(key).some((v) => v !== '')) throw notSimulated(`--${key === 'extrahosts' ? 'add-host' : 'security-opt'}`);
  const ulimits = ctx.query.get('ulimits');
  if (ulimits !== '' && ulimits !== 'null' && ulimits !== '[]') throw notSimulated('--ulimit for a build');
  if (boolValue(ctx, 'squash')) throw notSimulated('--squash');
}

/** newImageBuildOptions. */
export function buildRequest(ctx: RequestContext): BuildRequest {
  refuseUnmodelled(ctx);
  const v = ctx.query.get('version');
  if (v !== '' && v !== '1' && v !== '2') throw invalidParameter(`invalid version ${JSON.stringify(v)}`);
  const forceRemove = boolValue(ctx, 'forcerm');
  if ((jsonParam<string[]>(ctx, 'cachefrom', 'cache-from') ?? []).length > 0) throw notSimulated('--cache-from');
  return {
    tags: ctx.query.all('t'), dockerfile: ctx.query.get('dockerfile'),
    buildArgs: jsonParam<Record<string, string | null>>(ctx, 'buildargs', 'build args') ?? {},
    target: ctx.query.get('target'), noCache: boolValue(ctx, 'nocache'), pull: boolValue(ctx, 'pull'), quiet: boolValue(ctx, 'q'),
    remove: forceRemove || ctx.query.get('rm') === '' || boolValue(ctx, 'rm'), forceRemove,
    labels: jsonParam<Record<string, string>>(ctx, 'labels', 'labels') ?? {},
    version: v === '2' ? '2' : '1', remote: ctx.query.get('remote'), platform: ctx.query.get('platform'),
    registryConfig: ctx.req.headers.get('X-Registry-Config') ?? '',
  };
}

async function postBuild(b: BuildBackend, ctx: RequestContext): Promise<void> {
  ctx.w.header.set('Content-Type', 'application/json');
  const req = buildRequest(ctx);
  if (!b.imageBuild) throw invalidParameter('build is not supported');
  const q: Json[] = [];
  // -q: the stream is kept back and only the ID is sent (or, on failure, what was kept, then the error).
  const held: Json[] = [];
  let done = false;
  let failure: unknown = null;
  let id = '';
  const push = (m: Json): void => {
    (req.quiet ? held : q).push(m);
    ctx.waiter.wake();
  };
  const sinks: BuildSinks = {
    message: push,
    trace: (s) => {
      if (!b.encodeStatus) return;
      push({ id: 'moby.buildkit.trace', aux: base64Encode(b.encodeStatus(s)) });
    },
  };
  track(
    () => b.imageBuild!(req, requestBytes(ctx.req), sinks).then((x) => void (id = x)),
    (err) => {
      failure = err;
      done = true;
      ctx.waiter.wake();
    },
  );
  let written = false;
  for (;;) {
    while (q.length > 0) {
      await ctx.w.write(textToBytes(encodeJSON(q.shift())));
      await ctx.w.flush();
      written = true;
    }
    if (done) break;
    await ctx.waiter.until(() => q.length > 0 || done || ctx.waiter.clientGone());
    if (ctx.waiter.clientGone()) throw new ConnectionClosed();
  }
  if (failure !== null) {
    if (req.quiet) for (const m of held) await ctx.w.write(textToBytes(encodeJSON(m)));
    if (!written && !(req.quiet && held.length > 0)) throw failure;
    const message = (failure as Error).message;
    const code = (failure as { code?: unknown }).code;
    // streamformatter.FormatError: a failed RUN's JSONError carries the exit code.
    const detail = typeof code === 'number' ? { code, message } : { message };
    await ctx.w.write(textToBytes(encodeJSON({ errorDetail: detail, error: message })));
    return;
  }
  if (req.quiet) await ctx.w.write(textToBytes(encodeJSON({ stream: `${id}\n` })));
}

export function buildRoutes(b: BuildBackend): Route[] {
  return [
    route('POST', '/build/prune', async (ctx: RequestContext): Promise<void> => {
      const opts = { all: boolValue(ctx, 'all'), filters: parseFilters(ctx.query.get('filters')) };
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.buildCachePrune(opts)));
    }),
    route('POST', '/build', (ctx) => postBuild(b, ctx)),
    // moby registers /session whatever the builder (its session manager checks the upgrade first) and /grpc only
    // with a BuildKit backend: /grpc is not found here, as on a daemon without one, so buildx fails as it would there.
    route('POST', '/session', async (ctx) => {
      const proto = ctx.req.headers.get('Upgrade');
      if (proto === '') throw invalidParameter('no upgrade proto in request');
      if (proto !== 'h2c') throw invalidParameter(`protocol ${proto} not supported`);
      throw notSimulated('a BuildKit session (HTTP/2 gRPC over /session)');
    }),
  ];
}
