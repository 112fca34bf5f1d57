import { command } from '../../spec.js';
import { networkNames } from '../completion.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool } from '../../flags.js';
import { errorText, isNotFound, StatusError } from '../../errors.js';

/** `docker network rm` as docker/cli 28.2.2 defines it (cli/command/network/remove.go); flag text recorded from `--help`. */
export const removeCommand = command({
  use: "rm NETWORK [NETWORK...]",
  short: "Remove one or more networks",
  aliases: "docker network rm, docker network remove",
  cobraAliases: ["remove"],
  args: { min: 1 },
  flags: [
    flag("force", "f", "", "Do not error if the network does not exist", { sim: true }),
  ],
  completion: networkNames(),
  run: (cli, inv) => runRemove(cli, inv.args, getBool(inv.flags, 'force')),
});

/** Each network in turn: its name on success, the daemon's error otherwise; exit status 1 if any failed. */
async function runRemove(cli: CommandCli, networks: readonly string[], force: boolean): Promise<void> {
  let status = 0;
  for (const name of networks) {
    try {
      // The CLI looks first (an ingress network asks for confirmation), then removes.
      await cli.client().networkInspect(name).catch(() => undefined);
      await cli.client().networkRemove(name);
    } catch (e) {
      if (force && isNotFound(e)) continue;
      await cli.err.write(`${errorText(e)}\n`);
      status = 1;
      continue;
    }
    await cli.out.write(`${name}\n`);
  }
  if (status !== 0) throw new StatusError(status, `exit status ${status}`);
}
