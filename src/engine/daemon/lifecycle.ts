/**
 * What dockerd does to containers when it starts and stops (moby daemon.restore and daemon.Shutdown, without
 * live-restore). Shutdown stops every running container at once, each with its own stop timeout, and — the
 * daemon is shutting down, not the user stopping them — does not mark them manually stopped. Start brings back
 * the containers their restart policy asks for, judged by a fresh restart manager: `always` even after a
 * manual stop, `unless-stopped` unless stopped by hand, `on-failure` after a non-zero exit within its count.
 */
import type { DaemonContext } from './context.js';
import { isDaemonError } from '../../pkg/errdefs.js';
import { RestartManager } from './restartmanager.js';
import { startContainer } from './start.js';
import { stopContainer } from './stop.js';
import { containerUnpause } from './pause.js';

export async function daemonShutdownContainers(d: DaemonContext): Promise<void> {
  const engine = d.store;
  engine.shuttingDown = true;
  try {
    const running = [...engine.containers.values()].filter((c) => c.State.Running);
    await Promise.all(
      running.map(async (c) => {
        try {
          if (c.State.Paused) containerUnpause(d, c.ID);
          await stopContainer(d, c);
        } catch (e) {
          if (!isDaemonError(e)) throw e;
        }
      }),
    );
  } finally {
    engine.shuttingDown = false;
  }
}

export async function daemonRestoreContainers(d: DaemonContext): Promise<void> {
  for (const c of [...d.store.containers.values()]) {
    if (c.State.Running || c.State.RemovalInProgress || c.State.Dead) continue;
    const ranForMs = c.State.FinishedAt !== null && c.State.StartedAt !== null ? Number((c.State.FinishedAt - c.State.StartedAt) / 1_000_000n) : 0;
    const decision = new RestartManager(c.HostConfig.RestartPolicy, c.RestartCount).shouldRestart(c.State.ExitCode, c.HasBeenManuallyStopped, ranForMs);
    if (!decision.restart) continue;
    try {
      await startContainer(d, c);
    } catch (e) {
      if (!isDaemonError(e)) throw e;
    }
  }
}
