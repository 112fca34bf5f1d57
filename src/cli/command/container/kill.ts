import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { forEachContainer } from './utils.js';
import { flag, getString } from '../../flags.js';
import { containerNames, running } from '../completion.js';

/** `docker kill` as docker/cli 28.2.2 defines it (cli/command/container/kill.go); flag text recorded from `--help`. */
export const killCommand = command({
  use: "kill [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Kill one or more running containers",
  aliases: "docker container kill, docker kill",
  args: { min: 1 },
  flags: [
    flag("signal", "s", "string", "Signal to send to the container", { sim: true }),
  ],
  completion: containerNames(running),
  run: (cli, inv) => runKill(cli, getString(inv.flags, 'signal'), inv.args),
});

export async function runKill(cli: CommandCli, signal: string, containers: readonly string[]): Promise<void> {
  await forEachContainer(cli, containers, (c) => cli.client().containerKill(c, signal));
}
