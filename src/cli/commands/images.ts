import { command, flag } from '../spec.js';

/** `docker images` as docker/cli 28.2.2 defines it (cli/command/image/list.go); flag text recorded from `--help`. */
export const imagesCommand = command({
  use: "images [OPTIONS] [REPOSITORY[:TAG]]",
  short: "List images",
  aliases: "docker image ls, docker image list, docker images",
  args: { max: 1 },
  flags: [
    flag("all", "a", "", "Show all images (default hides intermediate images)", { sim: true }),
    flag("digests", "", "", "Show digests", { sim: true }),
    flag("filter", "f", "filter", "Filter output based on conditions provided", { sim: true }),
    flag("format", "", "string", "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("no-trunc", "", "", "Don't truncate output", { sim: true }),
    flag("quiet", "q", "", "Only show image IDs", { sim: true }),
    flag("tree", "", "", "List multi-platform images as a tree (EXPERIMENTAL)"),
  ],
});
