import { command, flag } from '../spec.js';

/** `docker version` as docker/cli 28.2.2 defines it (cli/command/system/version.go); flag text recorded from `--help`. */
export const versionCommand = command({
  use: "version [OPTIONS]",
  short: "Show the Docker version information",
  args: { none: true },
  flags: [
    flag("format", "f", "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
  ],
});
