import { command, type Invocation } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { forEachContainer } from './utils.js';
import { changed, flag, getInt, getString } from '../../flags.js';
import { containerNames, running } from '../completion.js';

/** `docker stop` as docker/cli 28.2.2 defines it (cli/command/container/stop.go); flag text recorded from `--help`. */
export const stopCommand = command({
  use: "stop [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Stop one or more running containers",
  aliases: "docker container stop, docker stop",
  args: { min: 1 },
  flags: [
    flag("signal", "s", "string", "Signal to send to the container", { sim: true }),
    flag("timeout", "t", "int", "Seconds to wait before killing the container", { sim: true }),
    flag("time", "", "int", "Seconds to wait before killing the container", { sim: true, hidden: true, deprecated: "use --timeout instead" }),
  ],
  completion: containerNames(running),
  run: (cli, inv) => runStop(cli, stopOptions(inv)),
});

export interface StopOptions {
  readonly signal: string;
  /** Seconds; absent: the container's StopTimeout (the daemon decides). */
  readonly timeout?: number;
  readonly containers: readonly string[];
}

export async function runStop(cli: CommandCli, opts: StopOptions): Promise<void> {
  const o = { signal: opts.signal || undefined, timeout: opts.timeout };
  await forEachContainer(cli, opts.containers, (c) => cli.client().containerStop(c, o));
}

export function stopOptions(inv: Invocation): StopOptions {
  const f = inv.flags;
  // --time is the deprecated spelling of --timeout (the same variable in docker/cli).
  const given = changed(f, 'timeout') || changed(f, 'time');
  const which = changed(f, 'timeout') ? 'timeout' : 'time';
  return { signal: getString(f, 'signal'), timeout: given ? getInt(f, which) : undefined, containers: inv.args };
}
