import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { errorText, passProcessEnd, StatusError } from '../../errors.js';
import { streamHijacked } from './hijack.js';
import { forwardSignals } from './signals.js';
import { monitorTtySize } from './tty.js';
import { streamsEnded, waitExitOrRemoved } from './utils.js';
import { containerNames } from '../completion.js';

/** `docker start` as docker/cli 28.2.2 defines it (cli/command/container/start.go); flag text recorded from `--help`. */
export const startCommand = command({
  use: "start [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Start one or more stopped containers",
  aliases: "docker container start, docker start",
  args: { min: 1 },
  flags: [
    flag("attach", "a", "", "Attach STDOUT/STDERR and forward signals", { sim: true }),
    flag("checkpoint", "", "string", "Restore from this checkpoint", { annotations: { experimental: true, ostype: 'linux' } }),
    flag("checkpoint-dir", "", "string", "Use a custom checkpoint storage directory", { annotations: { experimental: true, ostype: 'linux' } }),
    flag("detach-keys", "", "string", "Override the key sequence for detaching a container", { sim: true }),
    flag("interactive", "i", "", "Attach container's STDIN", { sim: true }),
  ],
  completion: containerNames((state) => state === 'exited' || state === 'created'),
  run: (cli, inv) => runStart(cli, {
    attach: getBool(inv.flags, 'attach'),
    interactive: getBool(inv.flags, 'interactive'),
    detachKeys: getString(inv.flags, 'detach-keys'),
    containers: inv.args,
  }),
});

export interface StartOptions {
  readonly attach: boolean;
  readonly interactive: boolean;
  readonly detachKeys: string;
  readonly containers: readonly string[];
}

export async function runStart(cli: CommandCli, opts: StartOptions): Promise<void> {
  if (!opts.attach && !opts.interactive) return startWithoutAttaching(cli, opts.containers);
  if (opts.containers.length > 1) throw new Error('you cannot start and attach multiple containers at once');
  const client = cli.client();
  const c = (await client.containerInspect(opts.containers[0])).value;
  const tty = c.Config.Tty;
  const cleanups: Array<() => void> = [];
  if (!tty) cleanups.push(forwardSignals(cli, c.Id));
  try {
    const stdin = opts.interactive && c.Config.OpenStdin;
    const conn = await client.containerAttach(c.Id, {
      stream: true, stdin, stdout: true, stderr: true, detachKeys: opts.detachKeys || undefined,
    });
    cleanups.push(() => conn.close());
    const streaming = streamHijacked(cli, conn, { tty, stdin, stdout: true, stderr: true, detachKeys: opts.detachKeys });
    streaming.catch(() => undefined);
    const autoRemove = c.HostConfig?.AutoRemove === true;
    const status = await waitExitOrRemoved(cli, c.Id, autoRemove);
    try {
      await client.containerStart(c.Id);
    } catch (e) {
      passProcessEnd(e);
      conn.close();
      if (autoRemove) await status();
      throw e;
    }
    if (tty && cli.out.isTerminal()) cleanups.push(await monitorTtySize(cli, c.Id, false));
    if (!(await streamsEnded(streaming))) return;
    const code = await status();
    if (code !== 0) throw new StatusError(code);
  } finally {
    for (const f of cleanups.reverse()) f();
  }
}

/** Each name is printed as given when it starts (304 "already started" included); failures are listed. */
async function startWithoutAttaching(cli: CommandCli, containers: readonly string[]): Promise<void> {
  const failed: string[] = [];
  for (const c of containers) {
    try {
      await cli.client().containerStart(c);
    } catch (e) {
      passProcessEnd(e);
      await cli.err.write(errorText(e) + '\n');
      failed.push(c);
      continue;
    }
    await cli.out.write(c + '\n');
  }
  if (failed.length > 0) throw new Error(`Error: failed to start containers: ${failed.join(', ')}`);
}
