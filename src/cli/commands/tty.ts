/**
 * Terminal plumbing shared by run, start, attach and exec (docker/cli tty.go, signals.go): telling the
 * daemon the terminal's size, following SIGWINCH, and proxying the CLI's signals to the container.
 */
import type { CommandCli } from '../cli.js';
import { passProcessEnd } from '../errors.js';

async function resizeTo(cli: CommandCli, id: string, isExec: boolean, height: number, width: number): Promise<void> {
  if (height === 0 && width === 0) return;
  const client = cli.client();
  if (isExec) await client.containerExecResize(id, height, width);
  else await client.containerResize(id, height, width);
}

async function resizeTty(cli: CommandCli, id: string, isExec: boolean): Promise<void> {
  const { height, width } = cli.out.ttySize();
  await resizeTo(cli, id, isExec, height, width);
}

/**
 * initTtySize + MonitorTtySize: size once now (retried in the background up to 10 times, as the process
 * may not be ready yet), then again on every SIGWINCH. Returns the unsubscribe.
 */
export async function monitorTtySize(cli: CommandCli, id: string, isExec: boolean): Promise<() => void> {
  try {
    await resizeTty(cli, id, isExec);
  } catch (e) {
    passProcessEnd(e);
    void retryResize(cli, id, isExec);
  }
  const off = cli.onSignal?.(['SIGWINCH'], () => {
    resizeTty(cli, id, isExec).catch(() => undefined);
  });
  return off ?? (() => undefined);
}

async function retryResize(cli: CommandCli, id: string, isExec: boolean): Promise<void> {
  for (let retry = 0; retry < 10; retry++) {
    await cli.sleep((retry + 1) * 10);
    try {
      await resizeTty(cli, id, isExec);
      return;
    } catch (e) {
      passProcessEnd(e);
    }
  }
  await cli.err.write('failed to resize tty, using default size\n');
}

/** `docker attach`'s nudge: one row and column more, then the real size, so the program redraws. */
export async function resizeForAttach(cli: CommandCli, id: string): Promise<() => void> {
  const { height, width } = cli.out.ttySize();
  await resizeTo(cli, id, false, height + 1, width + 1).catch(() => undefined);
  return monitorTtySize(cli, id, false);
}

/** Every catchable signal but SIGCHLD, SIGPIPE, SIGURG and SIGWINCH (docker/cli ForwardAllSignals). */
const FORWARDED = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGALRM', 'SIGCONT', 'SIGTSTP'];

/** ForwardAllSignals: each signal the CLI receives becomes `POST /containers/{id}/kill?signal=INT`. */
export function forwardSignals(cli: CommandCli, id: string): () => void {
  const off = cli.onSignal?.(FORWARDED, (sig) => {
    cli.client().containerKill(id, sig.replace(/^SIG/, '')).catch(() => undefined);
  });
  return off ?? (() => undefined);
}
