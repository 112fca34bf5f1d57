import { command, flag } from '../spec.js';
import { CONTAINER_FLAGS } from './container-flags.js';

/** `docker create` as docker/cli 28.2.2 defines it (cli/command/container/create.go); flag text recorded from `--help`. */
export const createCommand = command({
  use: "create [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create a new container",
  aliases: "docker container create, docker create",
  args: { min: 1 },
  interspersed: false,
  flags: [
    ...CONTAINER_FLAGS,
    flag("pull", "", "string", "Pull image before creating (\"always\", \"|missing\", \"never\")", { def: "\"missing\"", sim: true }),
  ],
});
