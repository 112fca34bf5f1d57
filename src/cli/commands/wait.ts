import { command, flag } from '../spec.js';

/** `docker wait` as docker/cli 28.2.2 defines it (cli/command/container/wait.go); flag text recorded from `--help`. */
export const waitCommand = command({
  use: "wait CONTAINER [CONTAINER...]",
  short: "Block until one or more containers stop, then print their exit codes",
  aliases: "docker container wait, docker wait",
  args: { min: 1 },
  flags: [
  ],
});
