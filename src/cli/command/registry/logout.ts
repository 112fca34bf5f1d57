import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { fileNames } from '../completion.js';
import { ConfigFile, convertToHostname, INDEX_SERVER } from '../../config/configfile.js';

/** `docker logout` as docker/cli 28.2.2 defines it (cli/command/registry/logout.go). */
export const logoutCommand = command({
  use: "logout [SERVER]",
  short: "Log out from a registry",
  long: "Log out from a registry.\nIf no server is specified, the default is defined by the daemon.",
  args: { max: 1 },
  flags: [],
  // No ValidArgsFunction in docker/cli: cobra's default, files.
  completion: fileNames,
  run: (cli, inv) => runLogout(cli, inv.args[0] ?? ''),
});

/** Erases every spelling of the address a login may have stored; the file is written even when none was there. */
export async function runLogout(cli: CommandCli, server: string): Promise<void> {
  const isDefault = server === '';
  const address = isDefault ? INDEX_SERVER : server;
  const host = isDefault ? address : convertToHostname(address);
  const keys = isDefault ? [address] : [address, host, `http://${host}`, `https://${host}`];
  await cli.out.write(`Removing login credentials for ${host}\n`);
  const cfg = ConfigFile.load(cli);
  for (const k of keys) cfg.auths.delete(k);
  cfg.save(cli);
}
