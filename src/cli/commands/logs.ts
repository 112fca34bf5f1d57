import { command, flag } from '../spec.js';

/** `docker logs` as docker/cli 28.2.2 defines it (cli/command/container/logs.go); flag text recorded from `--help`. */
export const logsCommand = command({
  use: "logs [OPTIONS] CONTAINER",
  short: "Fetch the logs of a container",
  aliases: "docker container logs, docker logs",
  args: { exact: 1 },
  flags: [
    flag("details", "", "", "Show extra details provided to logs"),
    flag("follow", "f", "", "Follow log output", { sim: true }),
    flag("since", "", "string", "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)", { sim: true }),
    flag("tail", "n", "string", "Number of lines to show from the end of the logs", { def: "\"all\"", sim: true }),
    flag("timestamps", "t", "", "Show timestamps", { sim: true }),
    flag("until", "", "string", "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)", { sim: true }),
  ],
});
