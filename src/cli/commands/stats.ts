import { command, flag } from '../spec.js';

/** `docker stats` as docker/cli 28.2.2 defines it (cli/command/container/stats.go); flag text recorded from `--help`. */
export const statsCommand = command({
  use: "stats [OPTIONS] [CONTAINER...]",
  short: "Display a live stream of container(s) resource usage statistics",
  aliases: "docker container stats, docker stats",
  args: {},
  flags: [
    flag("all", "a", "", "Show all containers (default shows just running)", { sim: true }),
    flag("format", "", "string", "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("no-stream", "", "", "Disable streaming stats and only pull the first result", { sim: true }),
    flag("no-trunc", "", "", "Do not truncate output", { sim: true }),
  ],
});
