/**
 * The web preview's client: an HTTP request from outside the simulated host to one of its ports, as the
 * app's port forward makes it (VS Code's or `ssh -L`'s forwarding, the port links of a hosted Docker lab).
 * The forwarder connects on the host to 127.0.0.1:PORT (or to the one address a port is published on), so
 * the request meets exactly what `curl localhost:PORT` on the host meets: a server on the host itself, or a published port (Docker's DNAT and
 * docker-proxy), and the server logs the client address it would log for that curl.
 *
 * The request changes the machine (a server accepts, logs, answers), so it is a journaled input (`http`,
 * machine/journal.ts) applied between kernel runs; a reload replays it and the access log shows the same
 * line. The forwarder is a thread of PID 1 (threads are not listed by ps; its connection shows in `ss` for
 * its short life). Every wait is in virtual time: nothing listening answers ECONNREFUSED at once, a server
 * that never answers is given up after `REQUEST_TIMEOUT_MS`.
 */
import type { Kernel } from '../engine/kernel/kernel.js';
import { isProcessEnd } from '../engine/kernel/process.js';
import type { Sys } from '../engine/kernel/sys.js';
import { loadNet, NET_CHUNK } from '../programs/optional.js';
import type { HttpOutcome, HttpRequest } from '../programs/net/forward.js';

export type { HttpOutcome, HttpRequest };


/**
 * Starts the request at the kernel's current position (call only between kernel runs, as the journal does);
 * `done` is called once, from inside the simulation, when the answer is in or the request failed.
 */
export function startRequest(kernel: Kernel, req: HttpRequest, done: (o: HttpOutcome) => void): void {
  let called = false;
  const finish = (o: HttpOutcome): void => {
    if (called) return;
    called = true;
    done(o);
  };
  const init = kernel.hostPidNs.init;
  if (!init || init.state !== 'running') {
    finish({ ok: false, error: 'host', message: 'the host is not running' });
    return;
  }
  const program = async (sys: Sys): Promise<number> => {
    try {
      const net = await sys.hostLoad(NET_CHUNK, loadNet);
      finish(await net.forwardRequest(sys, req));
    } catch (e) {
      if (isProcessEnd(e)) finish({ ok: false, error: 'host', message: 'the forwarder was killed' });
      throw e;
    }
    return 0;
  };
  try {
    kernel.spawn(init, { argv: [...init.argv], thread: true, fds: {}, program });
  } catch (e) {
    finish({ ok: false, error: 'host', message: e instanceof Error ? e.message : String(e) });
  }
}

