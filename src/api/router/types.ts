/** What a route handler receives: moby's (ctx, w, r, vars) in one object. */
import type { HttpRequest } from '../http/request.js';
import type { Query } from '../http/query.js';
import type { ResponseWriter, Waiter } from '../server/types.js';

export interface RequestContext {
  readonly req: HttpRequest;
  /** The URL query (moby's r.Form: dockerode's options arrive here and, for POSTs, in the JSON body). */
  readonly query: Query;
  /** Path variables (`{name}`). */
  readonly vars: Readonly<Record<string, string>>;
  /** The API version the request asked for, or 1.50 without a `/vX` prefix. */
  readonly version: string;
  readonly w: ResponseWriter;
  readonly waiter: Waiter;
}

export type Handler = (ctx: RequestContext) => Promise<void>;

export interface Route {
  readonly method: string;
  /** gorilla/mux template: `/containers/{name:.*}/json`; `{x}` matches one path segment. */
  readonly path: string;
  readonly handler: Handler;
}

export const route = (method: string, path: string, handler: Handler): Route => ({ method, path, handler });
