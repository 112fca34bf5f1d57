import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import type { ApiClient, ContainerJSON, WaitHandle } from '../../client.js';
import { flag, getBool, getString } from '../../flags.js';
import { StatusError } from '../../errors.js';
import { streamHijacked } from './hijack.js';
import { forwardSignals } from './signals.js';
import { checkTty, resizeForAttach } from './tty.js';
import { containerNames, running } from '../completion.js';

/** `docker attach` as docker/cli 28.2.2 defines it (cli/command/container/attach.go); flag text recorded from `--help`. */
export const attachCommand = command({
  use: "attach [OPTIONS] CONTAINER",
  short: "Attach local standard input, output, and error streams to a running container",
  aliases: "docker container attach, docker attach",
  args: { exact: 1 },
  flags: [
    flag("detach-keys", "", "string", "Override the key sequence for detaching a container", { sim: true }),
    flag("no-stdin", "", "", "Do not attach STDIN", { sim: true }),
    flag("sig-proxy", "", "", "Proxy all received signals to the process", { def: "true", sim: true }),
  ],
  completion: containerNames(running),
  run: (cli, inv) => runAttach(cli, {
    noStdin: getBool(inv.flags, 'no-stdin'),
    proxy: getBool(inv.flags, 'sig-proxy'),
    detachKeys: getString(inv.flags, 'detach-keys'),
    container: inv.args[0],
  }),
});

export interface AttachOptions {
  readonly noStdin: boolean;
  readonly proxy: boolean;
  readonly detachKeys: string;
  readonly container: string;
}

/** The client refuses before attaching: the daemon would accept and then never send anything. */
async function inspectAndCheckState(client: ApiClient, container: string): Promise<ContainerJSON> {
  const c = (await client.containerInspect(container)).value;
  if (!c.State.Running) throw new Error('You cannot attach to a stopped container, start it first');
  if (c.State.Paused) throw new Error('You cannot attach to a paused container, unpause it first');
  if (c.State.Restarting) throw new Error('You cannot attach to a restarting container, wait until it is running');
  return c;
}

/**
 * wait → inspect → attach → inspect again → stream. Detaching (Ctrl-P Ctrl-Q) ends with docker's
 * `read escape sequence` and exit 1 (run and start return quietly; attach hands the error to main).
 */
export async function runAttach(cli: CommandCli, opts: AttachOptions): Promise<void> {
  const client = cli.client();
  const waiting: Promise<WaitHandle> = client.containerWait(opts.container, '');
  waiting.catch(() => undefined);
  const c = await inspectAndCheckState(client, opts.container);
  checkTty(cli, !opts.noStdin, c.Config.Tty);
  const stdin = !opts.noStdin && c.Config.OpenStdin;
  const cleanups: Array<() => void> = [];
  if (opts.proxy && !c.Config.Tty) cleanups.push(forwardSignals(cli, opts.container));
  try {
    const conn = await client.containerAttach(opts.container, {
      stream: true, stdin, stdout: true, stderr: true, detachKeys: opts.detachKeys || undefined,
    });
    cleanups.push(() => conn.close());
    await inspectAndCheckState(client, opts.container);
    if (c.Config.Tty && cli.out.isTerminal()) cleanups.push(await resizeForAttach(cli, opts.container));
    await streamHijacked(cli, conn, {
      tty: c.Config.Tty, stdin, stdout: true, stderr: true, detachKeys: opts.detachKeys,
    });
  } finally {
    for (const f of cleanups.reverse()) f();
  }
  const res = await (await waiting).result();
  if (res.Error) throw new Error(res.Error.Message);
  if (res.StatusCode !== 0) throw new StatusError(res.StatusCode);
}
