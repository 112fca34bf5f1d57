import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { forEachContainer } from './utils.js';
import { containerNames, running } from '../completion.js';

/** `docker pause` as docker/cli 28.2.2 defines it (cli/command/container/pause.go); flag text recorded from `--help`. */
export const pauseCommand = command({
  use: "pause CONTAINER [CONTAINER...]",
  short: "Pause all processes within one or more containers",
  aliases: "docker container pause, docker pause",
  args: { min: 1 },
  flags: [
  ],
  completion: containerNames(running),
  run: (cli, inv) => runPause(cli, inv.args),
});

export async function runPause(cli: CommandCli, containers: readonly string[]): Promise<void> {
  await forEachContainer(cli, containers, (c) => cli.client().containerPause(c));
}
