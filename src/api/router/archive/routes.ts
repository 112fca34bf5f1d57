/**
 * The routes that move tar streams (moby's router/container/copy.go, export, and router/image's get, load and
 * create-from-source): bodies are binary strings both ways, never decoded as text.
 */
import { base64Encode } from '../../../pkg/base64.js';
import type { ImportRequest } from '../../../engine/daemon/images/import.js';
import { invalidParameter } from '../../../pkg/errdefs.js';
import { arrayFromBytes, textToBytes } from '../../bytes.js';
import { bytesSource, type ByteSource } from '../../../pkg/archive/tar.js';
import { encodeJSON } from '../../../pkg/gojson.js';
import { waitFor } from '../../server/types.js';
import { boolValue } from '../httputils.js';
import { route, type RequestContext, type Route } from '../types.js';
import { requestBytes } from '../../http/request.js';

type MaybeAsync<T> = T | Promise<T>;

export interface PathStatJSON {
  readonly name: string;
  readonly size: number;
  readonly mode: number;
  readonly mtime: string;
  readonly linkTarget: string;
}

export type ImageImportRequest = ImportRequest;

export interface ArchiveBackend {
  containerStatPath(name: string, path: string): MaybeAsync<PathStatJSON>;
  containerArchivePath(name: string, path: string): MaybeAsync<{ tar: Uint8Array; stat: PathStatJSON }>;
  containerExtractToDir(name: string, path: string, data: Uint8Array, opts: { copyUIDGID: boolean; noOverwriteDirNonDir: boolean }): MaybeAsync<void>;
  containerExport(name: string): MaybeAsync<Uint8Array | ByteSource>;
  /** GET /images/get and /images/{name}/get: the images' tar (names as given), made as it is sent when a source. */
  imagesSave(names: readonly string[]): MaybeAsync<Uint8Array | ByteSource>;
  /** POST /images/load: the JSON messages to stream back, or the error before any. */
  imagesLoad(data: Uint8Array, quiet: boolean): MaybeAsync<Array<Record<string, unknown>>>;
  /** POST /images/create?fromSrc=…: the new image's ID. */
  imageImport(req: ImageImportRequest): MaybeAsync<string>;
}

/** ArchiveFormValues: name and path are required (`bad parameter: path cannot be empty`). */
function archiveValues(ctx: RequestContext): { name: string; path: string } {
  const name = ctx.vars.name;
  if (name === '') throw invalidParameter('bad parameter: name cannot be empty');
  const path = ctx.query.get('path');
  if (path === '') throw invalidParameter('bad parameter: path cannot be empty');
  return { name, path };
}

function setPathStat(ctx: RequestContext, stat: PathStatJSON): void {
  // json.Marshal of container.PathStat, base64 (StdEncoding).
  const json = textToBytes(encodeJSON(stat).replace(/\n$/, ''));
  ctx.w.header.set('X-Docker-Container-Path-Stat', base64Encode(arrayFromBytes(json)));
}

/** How much of a tar body goes to the socket per write (moby copies through a 32 KiB buffer). */
const PIECE = 32 * 1024;

/**
 * Writes a tar body in PIECE-sized writes, so a large one goes out chunked as the daemon streams it. A source's
 * pieces are made only as the socket takes what came before (each write waits for room), so what is held is a
 * piece or two, however large the archive, and a slow client slows the making.
 */
export async function writeTarBody(ctx: Pick<RequestContext, 'w'>, tar: Uint8Array | ByteSource): Promise<void> {
  const src = tar instanceof Uint8Array ? bytesSource(tar) : tar;
  const buf = new Uint8Array(PIECE);
  let held = 0;
  for (const p of src.pieces()) {
    for (let at = 0; at < p.length;) {
      if (held === 0 && p.length - at >= PIECE) {
        await ctx.w.write(p.subarray(at, at + PIECE));
        at += PIECE;
        continue;
      }
      const n = Math.min(PIECE - held, p.length - at);
      buf.set(p.subarray(at, at + n), held);
      held += n;
      at += n;
      if (held === PIECE) {
        await ctx.w.write(buf);
        held = 0;
      }
    }
  }
  if (held > 0) await ctx.w.write(buf.subarray(0, held));
}

export function archiveRoutes(b: ArchiveBackend): Route[] {
  return [
    route('HEAD', '/containers/{name:.*}/archive', async (ctx) => {
      const v = archiveValues(ctx);
      setPathStat(ctx, await waitFor(ctx.waiter, b.containerStatPath(v.name, v.path)));
    }),
    route('GET', '/containers/{name:.*}/archive', async (ctx) => {
      const v = archiveValues(ctx);
      const { tar, stat } = await waitFor(ctx.waiter, b.containerArchivePath(v.name, v.path));
      setPathStat(ctx, stat);
      ctx.w.header.set('Content-Type', 'application/x-tar');
      await writeTarBody(ctx, tar);
    }),
    route('PUT', '/containers/{name:.*}/archive', async (ctx) => {
      const v = archiveValues(ctx);
      await waitFor(ctx.waiter, b.containerExtractToDir(v.name, v.path, requestBytes(ctx.req), {
        copyUIDGID: boolValue(ctx, 'copyUIDGID'),
        noOverwriteDirNonDir: boolValue(ctx, 'noOverwriteDirNonDir'),
      }));
    }),
    route('GET', '/containers/{name:.*}/export', async (ctx) => {
      const tar = await waitFor(ctx.waiter, b.containerExport(ctx.vars.name));
      ctx.w.header.set('Content-Type', 'application/x-tar');
      await writeTarBody(ctx, tar);
    }),
    route('GET', '/images/get', async (ctx) => {
      const tar = await waitFor(ctx.waiter, b.imagesSave(ctx.query.all('names')));
      ctx.w.header.set('Content-Type', 'application/x-tar');
      await writeTarBody(ctx, tar);
    }),
    route('GET', '/images/{name:.*}/get', async (ctx) => {
      const tar = await waitFor(ctx.waiter, b.imagesSave([ctx.vars.name]));
      ctx.w.header.set('Content-Type', 'application/x-tar');
      await writeTarBody(ctx, tar);
    }),
    route('POST', '/images/load', async (ctx) => {
      const quiet = boolValue(ctx, 'quiet');
      const msgs = await waitFor(ctx.waiter, b.imagesLoad(requestBytes(ctx.req), quiet));
      ctx.w.header.set('Content-Type', 'application/json');
      for (const m of msgs) await ctx.w.write(textToBytes(encodeJSON(m)));
    }),
  ];
}

/** POST /images/create with fromSrc (postImagesCreate's import branch): `{"status":"sha256:…"}`. */
export async function postImagesImport(b: ArchiveBackend, ctx: RequestContext): Promise<void> {
  const src = ctx.query.get('fromSrc');
  const id = await waitFor(ctx.waiter, b.imageImport({
    src, repo: ctx.query.get('repo'), tag: ctx.query.get('tag'), message: ctx.query.get('message'),
    changes: ctx.query.all('changes'), platform: ctx.query.get('platform'), data: requestBytes(ctx.req),
  }));
  ctx.w.header.set('Content-Type', 'application/json');
  await ctx.w.write(textToBytes(encodeJSON({ status: id })));
}
