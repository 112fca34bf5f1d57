import { command, flag } from '../spec.js';

/** `docker pull` as docker/cli 28.2.2 defines it (cli/command/image/pull.go); flag text recorded from `--help`. */
export const pullCommand = command({
  use: "pull [OPTIONS] NAME[:TAG|@DIGEST]",
  short: "Download an image from a registry",
  aliases: "docker image pull, docker pull",
  args: { exact: 1 },
  flags: [
    flag("all-tags", "a", "", "Download all tagged images in the repository"),
    flag("disable-content-trust", "", "", "Skip image verification", { def: "true", sim: true }),
    flag("platform", "", "string", "Set platform if server is multi-platform capable"),
    flag("quiet", "q", "", "Suppress verbose output", { sim: true }),
  ],
});
