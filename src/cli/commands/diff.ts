import { command, flag } from '../spec.js';

/** `docker diff` as docker/cli 28.2.2 defines it (cli/command/container/diff.go); flag text recorded from `--help`. */
export const diffCommand = command({
  use: "diff CONTAINER",
  short: "Inspect changes to files or directories on a container's filesystem",
  aliases: "docker container diff, docker diff",
  args: { exact: 1 },
  flags: [
  ],
});
