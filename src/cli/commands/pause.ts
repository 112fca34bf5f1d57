import { command, flag } from '../spec.js';

/** `docker pause` as docker/cli 28.2.2 defines it (cli/command/container/pause.go); flag text recorded from `--help`. */
export const pauseCommand = command({
  use: "pause CONTAINER [CONTAINER...]",
  short: "Pause all processes within one or more containers",
  aliases: "docker container pause, docker pause",
  args: { min: 1 },
  flags: [
  ],
});
