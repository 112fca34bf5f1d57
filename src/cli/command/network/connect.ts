import { command } from '../../spec.js';
import { networkNames } from '../completion.js';
import type { CommandCli } from '../../cli.js';
import { changed, flag, getInt, getList, getString } from '../../flags.js';

/** `docker network connect` as docker/cli 28.2.2 defines it (cli/command/network/connect.go); flag text recorded from `--help`. */
export const connectCommand = command({
  use: "connect [OPTIONS] NETWORK CONTAINER",
  short: "Connect a container to a network",
  args: { exact: 2 },
  flags: [
    flag("alias", "", "strings", "Add network-scoped alias for the container", { sim: true }),
    flag("driver-opt", "", "strings", "driver options for the network", { sim: true }),
    flag("gw-priority", "", "int", "Highest gw-priority provides the default gateway. Accepts positive and negative values.", { def: "0", sim: true }),
    flag("ip", "", "string", "IPv4 address (e.g., \"172.30.100.104\")", { sim: true }),
    flag("ip6", "", "string", "IPv6 address (e.g., \"2001:db8::33\")", { sim: true }),
    flag("link", "", "list", "Add link to another container", { sim: true }),
    flag("link-local-ip", "", "strings", "Add a link-local address for the container", { sim: true }),
  ],
  completion: networkNames('unconnected'),
  run: (cli, inv) => runConnect(cli, inv.args[0], inv.args[1], inv.flags),
});

type Flags = Parameters<typeof getString>[0];

const slice = (f: Flags, name: string): string[] => getList(f, name).flatMap((v) => (v === '' ? [] : v.split(',')));

async function runConnect(cli: CommandCli, network: string, container: string, f: Flags): Promise<void> {
  const driverOpts: Record<string, string> = {};
  for (const o of slice(f, 'driver-opt')) {
    const i = o.indexOf('=');
    const k = (i < 0 ? o : o.slice(0, i)).trim();
    if (i < 0 || k === '') throw new Error('invalid key/value pair format in driver options');
    driverOpts[k] = o.slice(i + 1).trim();
  }
  if (Object.keys(driverOpts).length > 0) throw new Error('dockersim: --driver-opt is not simulated');
  if (changed(f, 'gw-priority') && getInt(f, 'gw-priority') !== 0) throw new Error('dockersim: --gw-priority is not simulated');
  const ipam: Record<string, unknown> = {};
  if (getString(f, 'ip')) ipam.IPv4Address = getString(f, 'ip');
  if (getString(f, 'ip6')) ipam.IPv6Address = getString(f, 'ip6');
  if (slice(f, 'link-local-ip').length > 0) ipam.LinkLocalIPs = slice(f, 'link-local-ip');
  const links = getList(f, 'link');
  const aliases = slice(f, 'alias');
  await cli.client().networkConnect(network, container, {
    IPAMConfig: ipam,
    Links: links.length > 0 ? links : null,
    Aliases: aliases.length > 0 ? aliases : null,
    DriverOpts: {},
    GwPriority: 0,
  });
}
