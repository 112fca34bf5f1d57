import { command, flag } from '../spec.js';

/** `docker top` as docker/cli 28.2.2 defines it (cli/command/container/top.go); flag text recorded from `--help`. */
export const topCommand = command({
  use: "top CONTAINER [ps OPTIONS]",
  short: "Display the running processes of a container",
  aliases: "docker container top, docker top",
  args: { min: 1 },
  interspersed: false,
  flags: [
  ],
});
