import { command, flag } from '../spec.js';

/** `docker rmi` as docker/cli 28.2.2 defines it (cli/command/image/remove.go); flag text recorded from `--help`. */
export const rmiCommand = command({
  use: "rmi [OPTIONS] IMAGE [IMAGE...]",
  short: "Remove one or more images",
  aliases: "docker image rm, docker image remove, docker rmi",
  args: { min: 1 },
  flags: [
    flag("force", "f", "", "Force removal of the image", { sim: true }),
    flag("no-prune", "", "", "Do not delete untagged parents", { sim: true }),
    flag("platform", "", "strings", "Remove only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")"),
  ],
});
