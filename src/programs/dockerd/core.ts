/**
 * The half of dockerd that lives in the Docker chunk: the Engine API behind its sockets and what it does to
 * containers when it starts and stops. dockerd itself (./dockerd.ts) loads with the page, so a host's boot
 * never waits for this code: it is fetched when the daemon first has work (a connection, or containers).
 */
import { setRegistryService } from '../../engine/daemon/distribution/remote.js';
import { registryService } from './distribution.js';
import type { DaemonStore } from '../../engine/daemon/store.js';
import { Daemon } from '../../engine/daemon/daemon.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { engineRouter } from '../../api/router/index.js';
import { serveConnection, type HttpHandler } from '../../api/server/conn.js';
import { routerHandler, serveListener } from '../../api/server/serve.js';
import { engineBackend } from './backend.js';
import type { DockerdCore } from './dockerd.js';
import { daemonHelp, knownDaemonFlag } from './flags.js';
import type { DaemonConfig } from './config.js';

function apiHandler(engine: DaemonStore, hostname: string, config: DaemonConfig): (conn: Sys) => HttpHandler {
  return (conn) => routerHandler(engineRouter(engineBackend(engine, conn, hostname, config)));
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

export const dockerdCore: DockerdCore = {
  knownDaemonFlag,
  daemonHelp,
  restore: (engine, sys) => new Daemon({ store: engine, sys }).restoreContainers(),
  shutdown: (engine, sys) => new Daemon({ store: engine, sys }).shutdownContainers(),
  /** Exactly what serveListener does with a connection, for the one the front already accepted; then on. */
  async serveFrom(sys, fd, lfd, engine, hostname, config) {
    setRegistryService(engine, registryService(config.insecureRegistries ?? []));
    const perConnection = apiHandler(engine, hostname, config);
    sys.spawn({
      argv: [...sys.argv],
      thread: true,
      fds: { 3: fd },
      program: async (s) => {
        await serveConnection(s, 3, { handler: perConnection(s) });
        return 0;
      },
    });
    sys.close(fd);
    await reapChildren(sys);
    await serveListener(sys, lfd, { perConnection });
  },
};
