import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { errorText, passProcessEnd } from '../../errors.js';
import { anyState, containerNames } from '../completion.js';

/** `docker rename` as docker/cli 28.2.2 defines it (cli/command/container/rename.go); flag text recorded from `--help`. */
export const renameCommand = command({
  use: "rename CONTAINER NEW_NAME",
  short: "Rename a container",
  aliases: "docker container rename, docker rename",
  args: { exact: 2 },
  flags: [
  ],
  completion: containerNames(anyState, { first: true }),
  run: (cli, inv) => runRename(cli, inv.args[0], inv.args[1]),
});

export async function runRename(cli: CommandCli, oldName: string, newName: string): Promise<void> {
  const from = oldName.trim();
  const to = newName.trim();
  if (from === '' || to === '') throw new Error('Error: Neither old nor new names may be empty');
  try {
    await cli.client().containerRename(from, to);
  } catch (e) {
    passProcessEnd(e);
    await cli.err.write(errorText(e) + '\n');
    throw new Error(`Error: failed to rename container named ${from}`);
  }
}
