/** System routes (moby's router/system/system_routes.go): ping, version, info, events. */
import { invalidParameter } from '../../../pkg/errdefs.js';
import { parseTimestamps } from '../../../pkg/timetypes.js';
import { textToBytes } from '../../bytes.js';
import { waitFor } from '../../server/types.js';
import { parseFilters, writeJSON } from '../httputils.js';
import type { RequestContext } from '../types.js';
import type { SystemBackend } from './backend.js';

/** The `since`/`until` query values: '' is unset; anything but `seconds[.nanoseconds]` fails as moby's does. */
function parseTimestamp(value: string): bigint | undefined {
  return value === '' ? undefined : parseTimestamps(value);
}

export function systemHandlers(b: SystemBackend) {
  return {
    async pingHandler(ctx: RequestContext): Promise<void> {
      const h = ctx.w.header;
      h.add('Cache-Control', 'no-cache, no-store, must-revalidate');
      h.add('Pragma', 'no-cache');
      h.set('Builder-Version', '2');
      h.set('Swarm', 'inactive');
      if (ctx.req.method === 'HEAD') {
        h.set('Content-Type', 'text/plain; charset=utf-8');
        h.set('Content-Length', '0');
        return;
      }
      await ctx.w.write('OK');
    },

    async getVersion(ctx: RequestContext): Promise<void> {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.systemVersion()));
    },

    async getInfo(ctx: RequestContext): Promise<void> {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.systemInfo()));
    },

    /** Without `type`, every kind; else only those named (API >= 1.42), an unknown one a 400. */
    async getDiskUsage(ctx: RequestContext): Promise<void> {
      const types = ctx.query.all('type');
      const all = !ctx.query.has('type');
      const want = { containers: all, images: all, volumes: all, buildCache: all };
      for (const t of types) {
        if (t === 'container') want.containers = true;
        else if (t === 'image') want.images = true;
        else if (t === 'volume') want.volumes = true;
        else if (t === 'build-cache') want.buildCache = true;
        else throw invalidParameter(`unknown object type: ${t}`);
      }
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.systemDiskUsage(want)));
    },

    async getEvents(ctx: RequestContext): Promise<void> {
      const sinceNs = parseTimestamp(ctx.query.get('since'));
      const untilNs = parseTimestamp(ctx.query.get('until'));
      if (sinceNs !== undefined && untilNs !== undefined && sinceNs > untilNs) {
        throw invalidParameter(`\`since\` time (${ctx.query.get('since')}) cannot be after \`until\` time (${ctx.query.get('until')})`);
      }
      const filters = parseFilters(ctx.query.get('filters'));
      const onlyPast = untilNs !== undefined && untilNs <= b.nowNs();
      const q: string[] = [];
      let ended = false;
      const sub = await waitFor(ctx.waiter, b.subscribeEvents({ sinceNs, untilNs, filters }, {
        event: (json) => {
          q.push(json);
          ctx.waiter.wake();
        },
        end: () => {
          ended = true;
          ctx.waiter.wake();
        },
      }));
      try {
        ctx.w.header.set('Content-Type', 'application/json');
        ctx.w.writeHeader(200);
        // moby flushes the header at once unless only past events were asked for.
        if (!onlyPast) await ctx.w.flush();
        for (;;) {
          while (q.length > 0) {
            await ctx.w.write(textToBytes(`${q.shift()!}\n`));
            if (!onlyPast) await ctx.w.flush();
          }
          if (ended || onlyPast) break;
          await ctx.waiter.until(() => q.length > 0 || ended || ctx.waiter.clientGone());
          if (ctx.waiter.clientGone()) return;
        }
      } finally {
        sub.dispose();
      }
    },
  };
}
