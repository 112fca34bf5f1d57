import { command, flag } from '../spec.js';

/** `docker rm` as docker/cli 28.2.2 defines it (cli/command/container/rm.go); flag text recorded from `--help`. */
export const rmCommand = command({
  use: "rm [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Remove one or more containers",
  aliases: "docker container rm, docker container remove, docker rm",
  args: { min: 1 },
  flags: [
    flag("force", "f", "", "Force the removal of a running container (uses SIGKILL)", { sim: true }),
    flag("link", "l", "", "Remove the specified link"),
    flag("volumes", "v", "", "Remove anonymous volumes associated with the container", { sim: true }),
  ],
});
