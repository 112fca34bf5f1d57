/** Exec routes (moby's router/container/exec.go): create, start (hijacked unless detached), resize, inspect. */
import { track, waitFor } from '../../server/types.js';
import { atoi, readJSON, writeJSON } from '../httputils.js';
import type { RequestContext } from '../types.js';
import { AttachPump, upgradeHead } from './attach.js';
import type { ContainerBackend } from './backend.js';

type Json = Record<string, unknown>;

export function execHandlers(b: ContainerBackend) {
  return {
    async postContainerExecCreate(ctx: RequestContext): Promise<void> {
      const config = readJSON<Json>(ctx) ?? {};
      const id = await waitFor(ctx.waiter, b.containerExecCreate(ctx.vars.name, config));
      await writeJSON(ctx.w, 201, { Id: id });
    },

    async getExecByID(ctx: RequestContext): Promise<void> {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.containerExecInspect(ctx.vars.id)));
    },

    async postContainerExecResize(ctx: RequestContext): Promise<void> {
      const height = atoi(ctx.query.get('h'));
      const width = atoi(ctx.query.get('w'));
      await waitFor(ctx.waiter, b.containerExecResize(ctx.vars.name, height, width));
      ctx.w.writeHeader(200);
    },

    async postContainerExecStart(ctx: RequestContext): Promise<void> {
      const opts = readJSON<Json>(ctx) ?? {};
      const detach = opts.Detach === true;
      const tty = opts.Tty === true;
      const cs = opts.ConsoleSize;
      const consoleSize = tty && Array.isArray(cs) && cs.length === 2 ? ([Number(cs[0]), Number(cs[1])] as const) : null;
      const id = ctx.vars.name;
      await waitFor(ctx.waiter, b.execExists(id));
      if (detach) {
        await waitFor(ctx.waiter, b.containerExecStart(id, { detach, tty, consoleSize, streams: null }));
        return;
      }
      const head = upgradeHead(ctx, !tty);
      const pump = new AttachPump(ctx, ctx.w.hijack(), !tty);
      pump.rawOut(head);
      let done = false;
      track(
        () => b.containerExecStart(id, { detach, tty, consoleSize, streams: pump.streams }),
        (err) => {
          if (err !== null) pump.streams.stdout(`${(err as Error).message}\r\n`);
          done = true;
          ctx.waiter.wake();
        },
      );
      await pump.run(() => done);
    },
  };
}

