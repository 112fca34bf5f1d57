/** Image routes (moby's router/image/image_routes.go): list, pull progress stream, inspect, delete, search. */
import { invalidParameter } from '../../../pkg/errdefs.js';
import { textToBytes } from '../../bytes.js';
import { encodeJSON } from '../../../pkg/gojson.js';
import { ConnectionClosed, track, waitFor } from '../../server/types.js';
import { boolValue, parseFilters, streamJSONMessages, writeJSON } from '../httputils.js';
import type { RequestContext } from '../types.js';
import type { ImageBackend } from './backend.js';
import { postImagesImport, type ArchiveBackend } from '../archive/routes.js';

const isArchiveBackend = (b: object): b is ArchiveBackend => 'imageImport' in b;

export function imageHandlers(b: ImageBackend) {
  return {
    async getImagesJSON(ctx: RequestContext): Promise<void> {
      const list = await waitFor(ctx.waiter, b.images({
        all: boolValue(ctx, 'all'),
        filters: parseFilters(ctx.query.get('filters')),
        sharedSize: boolValue(ctx, 'shared-size'),
        manifests: boolValue(ctx, 'manifests'),
      }));
      await writeJSON(ctx.w, 200, list);
    },

    async getImagesByName(ctx: RequestContext): Promise<void> {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.imageInspect(ctx.vars.name)));
    },

    async getImagesHistory(ctx: RequestContext): Promise<void> {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.imageHistory(ctx.vars.name)));
    },

    async postImagesTag(ctx: RequestContext): Promise<void> {
      await waitFor(ctx.waiter, b.imageTag(ctx.vars.name, ctx.query.get('repo'), ctx.query.get('tag')));
      ctx.w.writeHeader(201);
    },

    async deleteImages(ctx: RequestContext): Promise<void> {
      const name = ctx.vars.name;
      if (name.trim() === '') throw invalidParameter('image name cannot be blank');
      const res = await waitFor(ctx.waiter, b.imageDelete(name, { force: boolValue(ctx, 'force'), prune: !boolValue(ctx, 'noprune') }));
      await writeJSON(ctx.w, 200, res);
    },

    async postImagesPrune(ctx: RequestContext): Promise<void> {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.imagesPrune(parseFilters(ctx.query.get('filters')))));
    },

    async getImagesSearch(ctx: RequestContext): Promise<void> {
      const raw = ctx.query.get('limit');
      let limit = 0;
      if (raw !== '') {
        if (!/^-?\d+$/.test(raw)) throw invalidParameter(`strconv.Atoi: parsing ${JSON.stringify(raw)}: invalid syntax`);
        limit = Number(raw);
      }
      const res = await waitFor(ctx.waiter, b.imageSearch(ctx.query.get('term'), limit, parseFilters(ctx.query.get('filters'))));
      await writeJSON(ctx.w, 200, res);
    },

    async postImagesCreate(ctx: RequestContext): Promise<void> {
      const fromImage = ctx.query.get('fromImage');
      if (fromImage === '') {
        if (ctx.query.get('fromSrc') !== '' && isArchiveBackend(b)) return postImagesImport(b, ctx);
        throw invalidParameter('importing images is not supported by the simulator');
      }
      await streamJSONMessages(ctx, (progress) =>
        b.imagePull({ fromImage, tag: ctx.query.get('tag'), platform: ctx.query.get('platform') }, progress, ctx.req.headers.get('X-Registry-Auth')),
      );
    },
  };
}
