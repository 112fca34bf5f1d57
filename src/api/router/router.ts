/**
 * Request → handler, as moby's api/server/server.go builds it on gorilla/mux: every route is registered twice,
 * under `/v{version:[0-9.]+}` and without a prefix; an unknown path or a known path with the wrong method
 * gets `404 {"message":"page not found"}` without the middleware's headers. Matched routes pass through the
 * version middleware (Server, Api-Version, Ostype; too old/new → 400) and the experimental one.
 */
import { errorMessage, invalidParameter, statusFromError } from '../../pkg/errdefs.js';
import type { HttpRequest } from '../http/request.js';
import { parseQuery, Query, QueryError } from '../http/query.js';
import type { ResponseWriter, Waiter } from '../server/types.js';
import { ConnectionClosed } from '../server/types.js';
import { API_VERSION, MIN_API_VERSION, SERVER_HEADER, compareVersions } from '../version.js';
import { writeJSON } from './httputils.js';
import type { Route } from './types.js';

interface Compiled {
  readonly route: Route;
  readonly re: RegExp;
  readonly names: string[];
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => compile(route));
  }

  /** Serves one request. Throws only ConnectionClosed (the client went away). */
  async serve(req: HttpRequest, w: ResponseWriter, waiter: Waiter): Promise<void> {
    const match = this.match(req.method, req.path);
    if (!match) return writeJSON(w, 404, { message: 'page not found' });
    const { route, vars, version } = match;
    // VersionMiddleware and ExperimentalMiddleware: headers first, so errors carry them too.
    w.header.set('Server', SERVER_HEADER);
    w.header.set('API-Version', API_VERSION);
    w.header.set('OSType', 'linux');
    w.header.set('Docker-Experimental', 'false');
    try {
      const v = version || API_VERSION;
      if (compareVersions(v, MIN_API_VERSION) < 0) {
        throw invalidParameter(`client version ${v} is too old. Minimum supported API version is ${MIN_API_VERSION}, please upgrade your client to a newer version`);
      }
      if (compareVersions(v, API_VERSION) > 0) {
        throw invalidParameter(`client version ${v} is too new. Maximum supported API version is ${API_VERSION}`);
      }
      let query: Query;
      try {
        query = parseQuery(req.rawQuery);
      } catch (e) {
        if (e instanceof QueryError) throw invalidParameter(e.message);
        throw e;
      }
      await route.handler({ req, query, vars, version: v, w, waiter });
    } catch (err) {
      if (err instanceof ConnectionClosed) throw err;
      // Once a stream has started (or the connection is hijacked), the error cannot be a status any more.
      if (w.started || w.hijacked) return;
      await writeJSON(w, statusFromError(err), { message: errorMessage(err) });
    }
  }

  match(method: string, path: string): { route: Route; vars: Record<string, string>; version: string } | null {
    for (const c of this.compiled) {
      if (c.route.method !== method) continue;
      const m = c.re.exec(path);
      if (!m) continue;
      const vars: Record<string, string> = {};
      c.names.forEach((n, i) => (vars[n] = m[i + 2] ?? ''));
      return { route: c.route, vars, version: m[1] ?? '' };
    }
    return null;
  }
}

/**
 * Each path's pattern, made once: dockerd builds a router per connection (its handlers close over that
 * connection's backend), and compiling every route's RegExp again was a tenth of the CPU of a `docker run -d`.
 * A RegExp without the g or y flag keeps no state between exec calls, so routers can share them.
 */
const patterns = new Map<string, { readonly re: RegExp; readonly names: string[] }>();

function compile(route: Route): Compiled {
  let p = patterns.get(route.path);
  if (!p) {
    const names: string[] = [];
    const body = route.path.replace(/[.+?^$()[\]\\|]/g, (c) => `\\${c}`).replace(/\{(\w+)(?::([^}]*))?\}/g, (_, name: string, pat?: string) => {
      names.push(name);
      return `(${pat ? pat.replace(/\\([.])/g, '$1') : '[^/]+'})`;
    });
    p = { names, re: new RegExp(`^(?:/v([0-9.]+))?${body}$`) };
    patterns.set(route.path, p);
  }
  return { route, names: p.names, re: p.re };
}
