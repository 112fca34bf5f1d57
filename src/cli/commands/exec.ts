import { command, flag } from '../spec.js';

/** `docker exec` as docker/cli 28.2.2 defines it (cli/command/container/exec.go); flag text recorded from `--help`. */
export const execCommand = command({
  use: "exec [OPTIONS] CONTAINER COMMAND [ARG...]",
  short: "Execute a command in a running container",
  aliases: "docker container exec, docker exec",
  args: { min: 2 },
  interspersed: false,
  flags: [
    flag("detach", "d", "", "Detached mode: run command in the background", { sim: true }),
    flag("detach-keys", "", "string", "Override the key sequence for detaching a container", { sim: true }),
    flag("env", "e", "list", "Set environment variables", { sim: true }),
    flag("env-file", "", "list", "Read in a file of environment variables"),
    flag("interactive", "i", "", "Keep STDIN open even if not attached", { sim: true }),
    flag("privileged", "", "", "Give extended privileges to the command"),
    flag("tty", "t", "", "Allocate a pseudo-TTY", { sim: true }),
    flag("user", "u", "string", "Username or UID (format: \"<name|uid>[:<group|gid>]\")", { sim: true }),
    flag("workdir", "w", "string", "Working directory inside the container", { sim: true }),
  ],
});
