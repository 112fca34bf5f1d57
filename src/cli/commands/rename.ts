import { command, flag } from '../spec.js';

/** `docker rename` as docker/cli 28.2.2 defines it (cli/command/container/rename.go); flag text recorded from `--help`. */
export const renameCommand = command({
  use: "rename CONTAINER NEW_NAME",
  short: "Rename a container",
  aliases: "docker container rename, docker rename",
  args: { exact: 2 },
  flags: [
  ],
});
