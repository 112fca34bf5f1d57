import { command, flag } from '../spec.js';

/** `docker info` as docker/cli 28.2.2 defines it (cli/command/system/info.go); flag text recorded from `--help`. */
export const infoCommand = command({
  use: "info [OPTIONS]",
  short: "Display system-wide information",
  aliases: "docker system info, docker info",
  args: { none: true },
  flags: [
    flag("format", "f", "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
  ],
});
