import { command, flag } from '../spec.js';

/** `docker inspect` as docker/cli 28.2.2 defines it (cli/command/system/inspect.go); flag text recorded from `--help`. */
export const inspectCommand = command({
  use: "inspect [OPTIONS] NAME|ID [NAME|ID...]",
  short: "Return low-level information on Docker objects",
  args: { min: 1 },
  flags: [
    flag("format", "f", "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("size", "s", "", "Display total file sizes if the type is container", { sim: true }),
    flag("type", "", "string", "Only inspect objects of the given type", { sim: true }),
  ],
});
