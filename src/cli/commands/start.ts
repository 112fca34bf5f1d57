import { command, flag } from '../spec.js';

/** `docker start` as docker/cli 28.2.2 defines it (cli/command/container/start.go); flag text recorded from `--help`. */
export const startCommand = command({
  use: "start [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Start one or more stopped containers",
  aliases: "docker container start, docker start",
  args: { min: 1 },
  flags: [
    flag("attach", "a", "", "Attach STDOUT/STDERR and forward signals", { sim: true }),
    flag("checkpoint", "", "string", "Restore from this checkpoint"),
    flag("checkpoint-dir", "", "string", "Use a custom checkpoint storage directory"),
    flag("detach-keys", "", "string", "Override the key sequence for detaching a container", { sim: true }),
    flag("interactive", "i", "", "Attach container's STDIN", { sim: true }),
  ],
});
