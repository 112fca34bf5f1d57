/**
 * Terminal plumbing shared by run, start, attach and exec (docker/cli tty.go): telling the daemon the
 * terminal's size and following SIGWINCH.
 */
import type { CommandCli } from '../../cli.js';
import { passProcessEnd } from '../../errors.js';

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

/** In.CheckTty: a TTY session with stdin needs a terminal on this side too. */
export function checkTty(cli: CommandCli, attachStdin: boolean, tty: boolean): void {
  if (tty && attachStdin && !cli.in.isTerminal()) throw new Error('the input device is not a TTY');
}
