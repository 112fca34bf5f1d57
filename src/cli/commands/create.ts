import { command } from '../spec.js';
import { flag } from '../flags.js';
import type { CommandCli } from '../cli.js';
import { createContainer } from './container-create.js';
import { containerConfigFor, createOptions, type ContainerConfig, type CreateOptions } from './container-opts.js';
import { CONTAINER_FLAGS } from './container-flags.js';

/** `docker create` as docker/cli 28.2.2 defines it (cli/command/container/create.go); flag text recorded from `--help`. */
export const createCommand = command({
  use: "create [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create a new container",
  aliases: "docker container create, docker create",
  args: { min: 1 },
  interspersed: false,
  flags: [
    ...CONTAINER_FLAGS,
    flag("pull", "", "string", "Pull image before creating (\"always\", \"|missing\", \"never\")", { def: "\"missing\"", sim: true }),
  ],
  run: async (cli, inv) => {
    const opts = createOptions(inv);
    await runCreate(cli, containerConfigFor(cli, inv, opts.pull, 'create'), opts);
  },
});

/** Prints the new container's 64-hex ID. Daemon errors come back plain (exit 1, no `docker:` prefix). */
export async function runCreate(cli: CommandCli, cfg: ContainerConfig, opts: CreateOptions): Promise<void> {
  const id = await createContainer(cli, cfg, opts);
  await cli.out.write(id + '\n');
}
