import { command, flag } from '../spec.js';

/** `docker stop` as docker/cli 28.2.2 defines it (cli/command/container/stop.go); flag text recorded from `--help`. */
export const stopCommand = command({
  use: "stop [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Stop one or more running containers",
  aliases: "docker container stop, docker stop",
  args: { min: 1 },
  flags: [
    flag("signal", "s", "string", "Signal to send to the container", { sim: true }),
    flag("timeout", "t", "int", "Seconds to wait before killing the container", { sim: true }),
    flag("time", "", "int", "Seconds to wait before killing the container", { sim: true, hidden: true, deprecated: "use --timeout instead" }),
  ],
});
