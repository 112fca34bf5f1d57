/**
 * The registry-facing routes (moby's router/distribution and router/system's /auth, router/image's push):
 * POST /auth, POST /images/{name}/push, GET /distribution/{name}/json.
 */
import { textToBytes } from '../../bytes.js';
import { encodeJSON } from '../../../pkg/gojson.js';
import { ConnectionClosed, track, waitFor } from '../../server/types.js';
import { readJSON, writeJSON } from '../httputils.js';
import { route, type RequestContext, type Route } from '../types.js';

type Json = Record<string, unknown>;

export interface DistributionBackend {
  /** POST /auth: `{"Status":"Login Succeeded","IdentityToken":""}` or the registry's error. */
  registryLogin(auth: Json): Promise<Json>;
  /** Pushes `name` (`docker.io/you/web`), streaming progress messages; `authHeader` is X-Registry-Auth. */
  imagePush(name: string, tag: string, authHeader: string, progress: (msg: Json) => void): Promise<void>;
  /** GET /distribution/{name}/json: the manifest's descriptor and platforms. */
  distributionInspect(name: string, authHeader: string): Promise<Json>;
}

async function stream(ctx: RequestContext, run: (progress: (m: Json) => void) => Promise<void>): Promise<void> {
  const q: Json[] = [];
  let done = false;
  let failure: unknown = null;
  ctx.w.header.set('Content-Type', 'application/json');
  track(() => run((m) => {
    q.push(m);
    ctx.waiter.wake();
  }), (err) => {
    failure = err;
    done = true;
    ctx.waiter.wake();
  });
  for (;;) {
    while (q.length > 0) {
      await ctx.w.write(textToBytes(encodeJSON(q.shift())));
      await ctx.w.flush();
    }
    if (done) break;
    await ctx.waiter.until(() => q.length > 0 || done || ctx.waiter.clientGone());
    if (ctx.waiter.clientGone()) throw new ConnectionClosed();
  }
  if (failure !== null) {
    if (!ctx.w.started) throw failure;
    const message = (failure as Error).message;
    await ctx.w.write(textToBytes(encodeJSON({ errorDetail: { message }, error: message })));
  }
}

export function distributionRoutes(b: DistributionBackend): Route[] {
  return [
    route('POST', '/auth', async (ctx) => {
      const body = readJSON<Json>(ctx) ?? {};
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.registryLogin(body)));
    }),
    route('POST', '/images/{name:.*}/push', (ctx) =>
      stream(ctx, (progress) => b.imagePush(ctx.vars.name, ctx.query.get('tag'), ctx.req.headers.get('X-Registry-Auth'), progress))),
    route('GET', '/distribution/{name:.*}/json', async (ctx) => {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.distributionInspect(ctx.vars.name, ctx.req.headers.get('X-Registry-Auth'))));
    }),
  ];
}
