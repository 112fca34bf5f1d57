import { command } from '../../spec.js';
import { networkNames } from '../completion.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool } from '../../flags.js';

/** `docker network disconnect` as docker/cli 28.2.2 defines it (cli/command/network/disconnect.go); flag text recorded from `--help`. */
export const disconnectCommand = command({
  use: "disconnect [OPTIONS] NETWORK CONTAINER",
  short: "Disconnect a container from a network",
  args: { exact: 2 },
  flags: [
    flag("force", "f", "", "Force the container to disconnect from a network", { sim: true }),
  ],
  completion: networkNames('connected'),
  run: (cli, inv) => runDisconnect(cli, inv.args[0], inv.args[1], getBool(inv.flags, 'force')),
});

async function runDisconnect(cli: CommandCli, network: string, container: string, force: boolean): Promise<void> {
  await cli.client().networkDisconnect(network, container, force);
}
