import { command, flag } from '../spec.js';

/** `docker ps` as docker/cli 28.2.2 defines it (cli/command/container/list.go); flag text recorded from `--help`. */
export const psCommand = command({
  use: "ps [OPTIONS]",
  short: "List containers",
  aliases: "docker container ls, docker container list, docker container ps, docker ps",
  args: { none: true },
  flags: [
    flag("all", "a", "", "Show all containers (default shows just running)", { sim: true }),
    flag("filter", "f", "filter", "Filter output based on conditions provided", { sim: true }),
    flag("format", "", "string", "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("last", "n", "int", "Show n last created containers (includes all states)", { def: "-1", sim: true }),
    flag("latest", "l", "", "Show the latest created container (includes all states)", { sim: true }),
    flag("no-trunc", "", "", "Don't truncate output", { sim: true }),
    flag("quiet", "q", "", "Only display container IDs", { sim: true }),
    flag("size", "s", "", "Display total file sizes", { sim: true }),
  ],
});
