import { command, flag } from '../spec.js';
import { CONTAINER_FLAGS } from './container-flags.js';

/** `docker run` as docker/cli 28.2.2 defines it (cli/command/container/run.go); flag text recorded from `--help`. */
export const runCommand = command({
  use: "run [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create and run a new container from an image",
  aliases: "docker container run, docker run",
  args: { min: 1 },
  interspersed: false,
  flags: [
    ...CONTAINER_FLAGS,
    flag("detach", "d", "", "Run container in background and print container ID", { sim: true }),
    flag("detach-keys", "", "string", "Override the key sequence for detaching a container", { sim: true }),
    flag("pull", "", "string", "Pull image before running (\"always\", \"missing\", \"never\")", { def: "\"missing\"", sim: true }),
    flag("sig-proxy", "", "", "Proxy received signals to the process", { def: "true", sim: true }),
  ],
});
