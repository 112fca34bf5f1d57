import { command, type Invocation } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { passProcessEnd, StatusError, toStatusError } from '../../errors.js';
import { createContainer } from './create.js';
import { CONTAINER_FLAGS, containerConfigFor, createOptions, type ContainerConfig, type CreateOptions } from './opts.js';
import { streamHijacked } from './hijack.js';
import { forwardSignals } from './signals.js';
import { checkTty, monitorTtySize } from './tty.js';
import { streamsEnded, waitExitOrRemoved } from './utils.js';
import { imageNames } from '../completion.js';

/** `docker run` as docker/cli 28.2.2 defines it (cli/command/container/run.go); flag text recorded from `--help`. */
export const runCommand = command({
  use: "run [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create and run a new container from an image",
  aliases: "docker container run, docker run",
  args: { min: 1 },
  interspersed: false,
  flags: [
    ...CONTAINER_FLAGS,
    flag("detach", "d", "", "Run container in background and print container ID", { sim: true }),
    flag("detach-keys", "", "string", "Override the key sequence for detaching a container", { sim: true }),
    flag("pull", "", "string", "Pull image before running (\"always\", \"missing\", \"never\")", { def: "\"missing\"", sim: true }),
    flag("sig-proxy", "", "", "Proxy received signals to the process", { def: "true", sim: true }),
  ],
  completion: imageNames(1),
  run: async (cli, inv) => {
    const opts = runOptions(inv);
    await runRun(cli, containerConfigFor(cli, inv, opts.pull, 'run'), opts);
  },
});

export interface RunOptions extends CreateOptions {
  readonly detach: boolean;
  readonly sigProxy: boolean;
  readonly detachKeys: string;
}

/**
 * runContainer: create (pulling if needed) → attach (hijack) → wait(next-exit or removed) → start →
 * resize → copy streams until the output ends → exit with the container's status. Detached (-d), it
 * prints the ID instead of attaching. Typing the detach keys leaves the container running, exit 0.
 */
export async function runRun(cli: CommandCli, cfg: ContainerConfig, opts: RunOptions): Promise<void> {
  const config = cfg.config;
  const client = cli.client();
  if (!opts.detach) {
    checkTty(cli, config.AttachStdin, config.Tty);
  } else {
    if (opts.attach.length > 0) throw new Error('conflicting options: cannot specify both --attach and --detach');
    config.AttachStdin = false;
    config.AttachStdout = false;
    config.AttachStderr = false;
    config.StdinOnce = false;
  }
  let id: string;
  try {
    id = await createContainer(cli, cfg, opts);
  } catch (e) {
    passProcessEnd(e);
    throw toStatusError(e, 'run');
  }
  const cleanups: Array<() => void> = [];
  if (opts.sigProxy) cleanups.push(forwardSignals(cli, id));
  try {
    const showId = !config.AttachStdout && !config.AttachStderr;
    if (showId) await cli.out.write(id + '\n');
    const attach = config.AttachStdin || config.AttachStdout || config.AttachStderr;
    let streaming: Promise<void> | null = null;
    let close = (): void => undefined;
    let cancel = (): void => undefined;
    const cancelled = new Promise<void>((resolve) => (cancel = resolve));
    if (attach) {
      const conn = await client.containerAttach(id, {
        stream: true,
        stdin: config.AttachStdin,
        stdout: config.AttachStdout,
        stderr: config.AttachStderr,
        detachKeys: opts.detachKeys || undefined,
      });
      close = () => conn.close();
      streaming = streamHijacked(cli, conn, {
        tty: config.Tty,
        stdin: config.AttachStdin,
        stdout: config.AttachStdout,
        stderr: config.AttachStderr,
        stderrToOut: config.Tty,
        detachKeys: opts.detachKeys,
        cancelled,
      });
      // Settled below; until then a failure must not count as unhandled.
      streaming.catch(() => undefined);
      cleanups.push(close);
    }
    const status = await waitExitOrRemoved(cli, id, cfg.hostConfig.AutoRemove);
    try {
      await client.containerStart(id);
    } catch (e) {
      passProcessEnd(e);
      // The terminal leaves raw mode before the error is printed.
      cancel();
      close();
      await streaming?.catch(() => undefined);
      if (cfg.hostConfig.AutoRemove) await status();
      throw toStatusError(e, 'run');
    }
    if (attach && config.Tty && cli.out.isTerminal()) cleanups.push(await monitorTtySize(cli, id, false));
    if (streaming && !(await streamsEnded(streaming))) return;
    if (showId) return;
    const code = await status();
    if (code !== 0) throw new StatusError(code);
  } finally {
    for (const c of cleanups.reverse()) c();
  }
}

export function runOptions(inv: Invocation): RunOptions {
  return {
    ...createOptions(inv),
    detach: getBool(inv.flags, 'detach'),
    sigProxy: getBool(inv.flags, 'sig-proxy'),
    detachKeys: getString(inv.flags, 'detach-keys'),
  };
}
