import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { imageNames } from '../completion.js';

/** `docker tag` as docker/cli 28.2.2 defines it (cli/command/image/tag.go). */
export const tagCommand = command({
  use: "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
  short: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
  aliases: "docker image tag, docker tag",
  args: { exact: 2 },
  interspersed: false,
  flags: [
  ],
  completion: imageNames(2),
  run: (cli, inv) => runTag(cli, inv.args[0], inv.args[1]),
});

/** No output: the daemon's 201 is all. */
export async function runTag(cli: CommandCli, source: string, target: string): Promise<void> {
  await cli.client().imageTag(source, target);
}
