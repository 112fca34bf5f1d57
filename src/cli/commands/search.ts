import { command, flag } from '../spec.js';

/** `docker search` as docker/cli 28.2.2 defines it (cli/command/registry/search.go); flag text recorded from `--help`. */
export const searchCommand = command({
  use: "search [OPTIONS] TERM",
  short: "Search Docker Hub for images",
  args: { exact: 1 },
  flags: [
    flag("filter", "f", "filter", "Filter output based on conditions provided", { sim: true }),
    flag("format", "", "string", "Pretty-print search using a Go template", { sim: true }),
    flag("limit", "", "int", "Max number of search results", { sim: true }),
    flag("no-trunc", "", "", "Don't truncate output", { sim: true }),
  ],
});
