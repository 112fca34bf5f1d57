import { command, flag } from '../spec.js';

/** `docker restart` as docker/cli 28.2.2 defines it (cli/command/container/restart.go); flag text recorded from `--help`. */
export const restartCommand = command({
  use: "restart [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Restart one or more containers",
  aliases: "docker container restart, docker restart",
  args: { min: 1 },
  flags: [
    flag("signal", "s", "string", "Signal to send to the container", { sim: true }),
    flag("timeout", "t", "int", "Seconds to wait before killing the container", { sim: true }),
    flag("time", "", "int", "Seconds to wait before killing the container", { sim: true, hidden: true, deprecated: "use --timeout instead" }),
  ],
});
