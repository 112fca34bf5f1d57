/**
 * moby's api/server/httputils: query booleans and numbers, JSON bodies with Go's error texts, JSON replies,
 * and filters. Everything here answers the way the Go helpers do, including which errors are classified
 * (400) and which are not (a bare strconv error is a 500 in moby).
 */
import { DaemonError, invalidParameter } from '../../pkg/errdefs.js';
import { bytesToText, textToBytes } from '../bytes.js';
import { checkSyntax, encodeJSON } from '../../pkg/gojson.js';
import { ConnectionClosed, track, type ResponseWriter } from '../server/types.js';
import type { RequestContext } from './types.js';

/** httputils.BoolValue: false is "", "0", "no", "false", "none" (any case, trimmed); anything else true. */
export function boolValue(ctx: RequestContext, key: string): boolean {
  const s = ctx.query.get(key).trim().toLowerCase();
  return !(s === '' || s === '0' || s === 'no' || s === 'false' || s === 'none');
}

export function boolValueOrDefault(ctx: RequestContext, key: string, def: boolean): boolean {
  return ctx.query.has(key) ? boolValue(ctx, key) : def;
}

/** strconv.Atoi, with Go's error text (unclassified: the client sees a 500). */
export function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** httputils.Int64ValueOrDefault: an invalid number is a 400. */
export function intValueOrDefault(ctx: RequestContext, key: string, def: number): number {
  const s = ctx.query.get(key);
  if (s === '') return def;
  if (!/^[+-]?\d+$/.test(s)) throw invalidParameter(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

/** CheckForJSON: a body must come as application/json (parameters allowed); no body, no check. */
export function checkForJSON(ctx: RequestContext): void {
  const ct = ctx.req.headers.get('Content-Type');
  if (ct === '' && ctx.req.body.length === 0) return;
  const mime = ct.split(';')[0].trim().toLowerCase();
  if (mime === '' || /[^!#$%&'*+\-.^_`|~0-9a-z/]/.test(mime) || !mime.includes('/')) {
    throw invalidParameter(`malformed Content-Type header (${ct}): mime: no media type`);
  }
  if (mime !== 'application/json') {
    throw invalidParameter(`unsupported Content-Type header (${ct}): must be 'application/json'`);
  }
}

/**
 * httputils.ReadJSON: undefined for an empty body; Go's decoder errors prefixed `invalid JSON: ` (400).
 * Type mismatches are not checked here: handlers read fields defensively.
 */
export function readJSON<T = Record<string, unknown>>(ctx: RequestContext): T | undefined {
  checkForJSON(ctx);
  const body = ctx.req.body;
  if (body.length === 0) return undefined;
  return decodeJSON<T>(body);
}

export function decodeJSON<T>(body: string): T {
  if (/^[ \t\r\n]*$/.test(body)) throw invalidParameter('invalid JSON: got EOF while reading request body');
  const { error, end } = checkSyntax(body);
  if (error) throw invalidParameter(`invalid JSON: ${error}`);
  if (!/^[ \t\r\n]*$/.test(body.slice(end))) throw invalidParameter('unexpected content after JSON');
  return JSON.parse(bytesToText(body.slice(0, end))) as T;
}

/** httputils.WriteJSON: Content-Type exactly `application/json`, the status, the value and a newline. */
export async function writeJSON(w: ResponseWriter, status: number, value: unknown): Promise<void> {
  w.header.set('Content-Type', 'application/json');
  w.writeHeader(status);
  await w.write(textToBytes(encodeJSON(value)));
}

/** A value already serialised by the daemon (events, inspect with key order kept). */
export async function writeRawJSON(w: ResponseWriter, status: number, json: string): Promise<void> {
  w.header.set('Content-Type', 'application/json');
  w.writeHeader(status);
  await w.write(textToBytes(`${json}\n`));
}

/** filters.Args: field → values (the map[string]map[string]bool of the wire, in arrival order). */
export type Filters = Readonly<Record<string, readonly string[]>>;

/**
 * filters.FromJSON: `{"status":{"running":true}}`, or the legacy `{"status":["running"]}` that dockerode and
 * old clients send; an object given directly (not a JSON string) is accepted as dockerode may pass one.
 */
export function parseFilters(raw: string | Record<string, unknown>): Filters {
  if (raw === '') return {};
  let obj: unknown = raw;
  if (typeof raw === 'string') {
    try {
      obj = decodeJSON(textToBytes(raw));
    } catch (e) {
      if (e instanceof DaemonError) throw invalidParameter('invalid filter');
      throw e;
    }
  }
  if (obj === null) return {};
  if (typeof obj !== 'object' || Array.isArray(obj)) throw invalidParameter('invalid filter');
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = [...v];
    else if (v && typeof v === 'object' && Object.values(v).every((x) => typeof x === 'boolean')) out[k] = Object.keys(v);
    else throw invalidParameter('invalid filter');
  }
  return out;
}

/** A field of a JSON body, if it has the wanted type. */
export function field<T>(body: Record<string, unknown> | undefined, key: string, type: 'string' | 'boolean' | 'number' | 'object'): T | undefined {
  const v = body?.[key];
  return typeof v === type && v !== null ? (v as T) : undefined;
}

/**
 * A JSON message stream (pull, push): each message `run` reports is written and flushed as it comes; a
 * failure before anything was written is the request's error, after that it ends the stream as
 * streamformatter.FormatError writes it (errorDetail first, as JSONMessage's field order has it).
 */
export async function streamJSONMessages(ctx: RequestContext, run: (progress: (m: Record<string, unknown>) => void) => Promise<void> | void): Promise<void> {
  const q: Array<Record<string, unknown>> = [];
  let done = false;
  let failure: unknown = null;
  ctx.w.header.set('Content-Type', 'application/json');
  track(
    () =>
      run((m) => {
        q.push(m);
        ctx.waiter.wake();
      }),
    (err) => {
      failure = err;
      done = true;
      ctx.waiter.wake();
    },
  );
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
