import { command, flag } from '../spec.js';

/** `docker attach` as docker/cli 28.2.2 defines it (cli/command/container/attach.go); flag text recorded from `--help`. */
export const attachCommand = command({
  use: "attach [OPTIONS] CONTAINER",
  short: "Attach local standard input, output, and error streams to a running container",
  aliases: "docker container attach, docker attach",
  args: { exact: 1 },
  flags: [
    flag("detach-keys", "", "string", "Override the key sequence for detaching a container", { sim: true }),
    flag("no-stdin", "", "", "Do not attach STDIN", { sim: true }),
    flag("sig-proxy", "", "", "Proxy all received signals to the process", { def: "true", sim: true }),
  ],
});
