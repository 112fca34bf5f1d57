/** System routes (moby's router/system/system_routes.go): ping, version, info, events. */
import { invalidParameter, systemError } from '../../../engine/daemon/errdefs.js';
import { textToBytes } from '../../bytes.js';
import { waitFor } from '../../server/types.js';
import { parseFilters, writeJSON } from '../httputils.js';
import type { RequestContext } from '../types.js';
import type { SystemBackend } from './backend.js';

/**
 * timetypes.ParseTimestamps: `seconds[.nanoseconds]` as the CLI sends it; '' = unset. The CLI turns dates and
 * durations into this form itself; anything else fails in strconv.ParseInt, an unclassified error that moby
 * answers with a 500 and Go's own text.
 */
export function parseTimestamp(value: string): bigint | undefined {
  if (value === '') return undefined;
  const dot = value.indexOf('.');
  const sec = parseInt64(dot < 0 ? value : value.slice(0, dot));
  if (dot < 0) return sec * 1_000_000_000n;
  const frac = value.slice(dot + 1);
  const n = parseInt64(frac);
  // Go scales the fraction through a float64: nine digits or fewer come out exact.
  const nsec = frac.length <= 9 ? n * 10n ** BigInt(9 - frac.length) : BigInt(Math.trunc(Number(n) * 10 ** (9 - frac.length)));
  return sec * 1_000_000_000n + nsec;
}

const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64), with Go's error texts. */
function parseInt64(s: string): bigint {
  if (!/^[+-]?\d+$/.test(s)) throw systemError(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n > INT64_MAX || n < -INT64_MAX - 1n) throw systemError(`strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
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
