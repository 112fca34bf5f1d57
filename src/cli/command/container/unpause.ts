import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { forEachContainer } from './utils.js';
import { containerNames } from '../completion.js';

/** `docker unpause` as docker/cli 28.2.2 defines it (cli/command/container/unpause.go); flag text recorded from `--help`. */
export const unpauseCommand = command({
  use: "unpause CONTAINER [CONTAINER...]",
  short: "Unpause all processes within one or more containers",
  aliases: "docker container unpause, docker unpause",
  args: { min: 1 },
  flags: [
  ],
  completion: containerNames((state) => state === 'paused'),
  run: (cli, inv) => runUnpause(cli, inv.args),
});

export async function runUnpause(cli: CommandCli, containers: readonly string[]): Promise<void> {
  await forEachContainer(cli, containers, (c) => cli.client().containerUnpause(c));
}
