import { command, flag } from '../spec.js';

/** `docker unpause` as docker/cli 28.2.2 defines it (cli/command/container/unpause.go); flag text recorded from `--help`. */
export const unpauseCommand = command({
  use: "unpause CONTAINER [CONTAINER...]",
  short: "Unpause all processes within one or more containers",
  aliases: "docker container unpause, docker unpause",
  args: { min: 1 },
  flags: [
  ],
});
