/**
 * The accept loop: every connection is served by its own child process (same argv as the server, as a
 * thread would show), so a slow or vanished client never holds up another one. A server listening on
 * several addresses runs one acceptor child per listener.
 */
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys } from '../../engine/kernel/sys.js';
import type { Router } from '../router/router.js';
import { serveConnection, type HttpHandler } from './conn.js';

export function routerHandler(router: Router): HttpHandler {
  return (req, w, waiter) => router.serve(req, w, waiter);
}

/**
 * A handler, or a factory making one per connection process (so a backend can block that process, and
 * only that one, on its own system calls).
 */
export type HandlerSource = HttpHandler | { readonly perConnection: (sys: Sys) => HttpHandler };

function handlerIn(source: HandlerSource, sys: Sys): HttpHandler {
  return typeof source === 'function' ? source : source.perConnection(sys);
}

/** The next connection on `lfd`, or null once the listener is closed. */
export async function acceptOrEnd(sys: Sys, lfd: number): Promise<number | null> {
  try {
    return await sys.accept(lfd);
  } catch (e) {
    if (isProcessEnd(e)) throw e;
    return null;
  }
}

/** Accepts on `lfd` until the listener is closed. */
export async function serveListener(sys: Sys, lfd: number, handler: HandlerSource): Promise<void> {
  for (;;) {
    const fd = await acceptOrEnd(sys, lfd);
    if (fd === null) return;
    sys.spawn({
      argv: [...sys.argv],
      thread: true,
      fds: { 3: fd },
      program: async (s) => {
        await serveConnection(s, 3, { handler: handlerIn(handler, s) });
        return 0;
      },
    });
    sys.close(fd);
    await reapChildren(sys);
  }
}

/** Serves every listener; returns when all are closed. */
export async function serve(sys: Sys, listeners: readonly number[], handler: HandlerSource): Promise<void> {
  if (listeners.length === 1) return serveListener(sys, listeners[0], handler);
  const pids = listeners.map((lfd) =>
    sys.spawn({
      argv: [...sys.argv],
      thread: true,
      fds: { 3: lfd },
      program: async (s) => {
        await serveListener(s, 3, handler);
        return 0;
      },
    }),
  );
  for (const pid of pids) await sys.wait(pid);
}

async function reapChildren(sys: Sys): Promise<void> {
  try {
    while ((await sys.wait(undefined, { nohang: true })) !== null) {
      /* reaped one */
    }
  } catch (e) {
    if (isProcessEnd(e)) throw e;
  }
}
