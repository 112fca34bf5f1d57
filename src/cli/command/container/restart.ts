import { command, type Invocation } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { forEachContainer } from './utils.js';
import { changed, flag, getInt, getString } from '../../flags.js';
import { containerNames } from '../completion.js';

/** `docker restart` as docker/cli 28.2.2 defines it (cli/command/container/restart.go); flag text recorded from `--help`. */
export const restartCommand = command({
  use: "restart [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Restart one or more containers",
  aliases: "docker container restart, docker restart",
  args: { min: 1 },
  flags: [
    flag("signal", "s", "string", "Signal to send to the container", { sim: true }),
    flag("timeout", "t", "int", "Seconds to wait before killing the container", { sim: true }),
    flag("time", "", "int", "Seconds to wait before killing the container", { sim: true, hidden: true, deprecated: "use --timeout instead" }),
  ],
  completion: containerNames(),
  run: (cli, inv) => runRestart(cli, restartOptions(inv)),
});

export interface RestartOptions {
  readonly signal: string;
  /** Seconds; absent: the container's StopTimeout (the daemon decides). */
  readonly timeout?: number;
  readonly containers: readonly string[];
}

export async function runRestart(cli: CommandCli, opts: RestartOptions): Promise<void> {
  const o = { signal: opts.signal || undefined, timeout: opts.timeout };
  await forEachContainer(cli, opts.containers, (c) => cli.client().containerRestart(c, o));
}

export function restartOptions(inv: Invocation): RestartOptions {
  const f = inv.flags;
  // --time is the deprecated spelling of --timeout (the same variable in docker/cli).
  const given = changed(f, 'timeout') || changed(f, 'time');
  const which = changed(f, 'timeout') ? 'timeout' : 'time';
  return { signal: getString(f, 'signal'), timeout: given ? getInt(f, which) : undefined, containers: inv.args };
}
