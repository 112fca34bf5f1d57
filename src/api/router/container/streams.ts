/**
 * Container routes whose body is a stream: wait (header now, body at exit), logs and stats (chunked,
 * flushed per message), attach (hijacked). Each waits only through the connection's Waiter.
 */
import { invalidParameter, statusFromError } from '../../../pkg/errdefs.js';
import { formatRFC3339NanoFixed } from '../../../pkg/timetypes.js';
import { textToBytes } from '../../bytes.js';
import { encodeJSON } from '../../../pkg/gojson.js';
import { encodeFrame, MEDIA_MULTIPLEXED_STREAM, MEDIA_RAW_STREAM, STDERR, STDOUT } from '../../../pkg/stdcopy.js';
import { ConnectionClosed, track, waitFor } from '../../server/types.js';
import { versionAtLeast } from '../../version.js';
import { boolValue, boolValueOrDefault } from '../httputils.js';
import type { RequestContext } from '../types.js';
import { AttachPump, upgradeHead } from './attach.js';
import type { ContainerBackend, LogMessage, MessageSink, WaitCondition } from './backend.js';
import { statusText } from '../../http/status.js';

/** A queue the backend fills from anywhere and the handler drains in its own process. */
function queueSink<T>(ctx: RequestContext): MessageSink<T> & { items: T[]; ended: boolean; err?: Error } {
  const q = {
    items: [] as T[],
    ended: false,
    err: undefined as Error | undefined,
    message(m: T): void {
      q.items.push(m);
      ctx.waiter.wake();
    },
    end(err?: Error): void {
      q.ended = true;
      q.err = err;
      ctx.waiter.wake();
    },
  };
  return q;
}

export function containerStreamHandlers(b: ContainerBackend) {
  return {
    async postContainersWait(ctx: RequestContext): Promise<void> {
      const raw = ctx.query.get('condition');
      let condition: WaitCondition = 'not-running';
      if (raw !== '') {
        if (raw !== 'not-running' && raw !== 'next-exit' && raw !== 'removed') {
          throw invalidParameter(`invalid condition: ${JSON.stringify(raw)}`);
        }
        condition = raw;
      }
      const wait = await waitFor(ctx.waiter, b.containerWait(ctx.vars.name, condition));
      ctx.w.header.set('Content-Type', 'application/json');
      ctx.w.writeHeader(200);
      await ctx.w.flush();
      let r: Awaited<typeof wait.result>;
      try {
        r = await waitFor(ctx.waiter, wait.result, true);
      } catch (e) {
        if (e instanceof ConnectionClosed) wait.cancel?.();
        throw e;
      }
      const body = r.Error ? { Error: { Message: r.Error }, StatusCode: r.StatusCode } : { StatusCode: r.StatusCode };
      await ctx.w.write(textToBytes(encodeJSON(body)));
    },

    async getContainersLogs(ctx: RequestContext): Promise<void> {
      const config = {
        stdout: boolValue(ctx, 'stdout'),
        stderr: boolValue(ctx, 'stderr'),
        follow: boolValue(ctx, 'follow'),
        timestamps: boolValue(ctx, 'timestamps'),
        tail: ctx.query.get('tail'),
        since: ctx.query.get('since'),
        until: ctx.query.get('until'),
        details: boolValue(ctx, 'details'),
      };
      if (!(config.stdout || config.stderr)) throw invalidParameter('Bad parameters: you must choose at least one stream');
      const q = queueSink<LogMessage>(ctx);
      const { tty, subscription } = await waitFor(ctx.waiter, b.containerLogs(ctx.vars.name, config, q));
      try {
        const mux = !tty;
        ctx.w.header.set('Content-Type', mux && versionAtLeast(ctx.version, '1.42') ? MEDIA_MULTIPLEXED_STREAM : MEDIA_RAW_STREAM);
        ctx.w.writeHeader(200);
        await ctx.w.flush();
        for (;;) {
          while (q.items.length > 0) {
            const m = q.items.shift()!;
            const text = (config.timestamps ? `${formatRFC3339NanoFixed(m.timeNs)} ` : '') + m.line;
            const bytes = textToBytes(text);
            await ctx.w.write(mux ? encodeFrame(m.stream === 'stderr' ? STDERR : STDOUT, bytes) : bytes);
          }
          if (q.ended) break;
          await ctx.waiter.until(() => q.items.length > 0 || q.ended || ctx.waiter.clientGone());
          if (ctx.waiter.clientGone()) return;
        }
        if (q.err) await ctx.w.write(textToBytes(`Error grabbing logs: ${q.err.message}\n`));
      } finally {
        subscription.dispose();
      }
    },

    async getContainersStats(ctx: RequestContext): Promise<void> {
      const stream = boolValueOrDefault(ctx, 'stream', true);
      const oneShot = versionAtLeast(ctx.version, '1.41') && boolValue(ctx, 'one-shot');
      const q = queueSink<unknown>(ctx);
      const sub = await waitFor(ctx.waiter, b.containerStats(ctx.vars.name, { stream, oneShot }, q));
      try {
        ctx.w.header.set('Content-Type', 'application/json');
        ctx.w.writeHeader(200);
        if (stream) await ctx.w.flush();
        for (;;) {
          while (q.items.length > 0) {
            await ctx.w.write(textToBytes(encodeJSON(q.items.shift())));
            if (stream) await ctx.w.flush();
          }
          if (q.ended) break;
          await ctx.waiter.until(() => q.items.length > 0 || q.ended || ctx.waiter.clientGone());
          if (ctx.waiter.clientGone()) return;
        }
      } finally {
        sub.dispose();
      }
    },

    async postContainersAttach(ctx: RequestContext): Promise<void> {
      let pump: AttachPump | null = null;
      let done = false;
      const attach = (): Promise<void> | void => b.containerAttach(ctx.vars.name, {
        useStdin: boolValue(ctx, 'stdin'),
        useStdout: boolValue(ctx, 'stdout'),
        useStderr: boolValue(ctx, 'stderr'),
        logs: boolValue(ctx, 'logs'),
        stream: boolValue(ctx, 'stream'),
        detachKeys: ctx.query.get('detachKeys'),
        getStreams: (multiplexed) => {
          const head = upgradeHead(ctx, multiplexed);
          pump = new AttachPump(ctx, ctx.w.hijack(), multiplexed);
          pump.rawOut(head);
          return pump.streams;
        },
      });
      let failure: unknown = null;
      track(attach, (e) => {
        failure = e;
        done = true;
        ctx.waiter.wake();
      });
      // Until the backend hijacks, it may still refuse the attach with an ordinary error.
      await ctx.waiter.until(() => done || pump !== null);
      if (pump === null) {
        if (failure === null) return;
        // moby hijacks anyway and writes a bare status line with the message (container_routes.go).
        const raw = ctx.w.hijack();
        const code = statusFromError(failure);
        await raw.write(textToBytes(`HTTP/1.1 ${code} ${statusText(code)}\r\nContent-Type: ${MEDIA_RAW_STREAM}\r\n\r\n${(failure as Error).message}\r\n`));
        raw.closeWrite();
        return;
      }
      await (pump as AttachPump).run(() => done);
    },
  };
}
