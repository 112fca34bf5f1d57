/**
 * docker/cli's parseNetworkOpts for the one `--network` dockersim takes: `--network-alias`, `--ip`, `--ip6`,
 * `--link-local-ip`, `--mac-address` and, on a user-defined network, `--link` (there an alias, on the default
 * bridge a legacy link sent in HostConfig.Links) become that network's endpoint settings.
 */
import type { Json } from '../../client.js';
import type { Invocation } from '../../spec.js';
import { getList, getString } from '../../flags.js';

/** container.NetworkMode(name).IsUserDefined() */
export function isUserDefined(network: string): boolean {
  return !['', 'default', 'bridge', 'host', 'none'].includes(network) && !network.startsWith('container:');
}

export function networkEndpoint(f: Invocation['flags'], network: string): Json {
  const ep: Json = {};
  const aliases = [...getList(f, 'network-alias'), ...getList(f, 'net-alias')];
  if (aliases.length > 0 && !isUserDefined(network)) throw new Error('network-scoped aliases are only supported for user-defined networks');
  const ip = getString(f, 'ip');
  const ip6 = getString(f, 'ip6');
  const linkLocal = getList(f, 'link-local-ip');
  if (ip !== '' || ip6 !== '' || linkLocal.length > 0) {
    ep.IPAMConfig = { IPv4Address: ip, IPv6Address: ip6, LinkLocalIPs: linkLocal.length > 0 ? linkLocal : undefined };
  }
  if (aliases.length > 0) ep.Aliases = aliases;
  const links = getList(f, 'link');
  if (links.length > 0 && isUserDefined(network)) ep.Links = links;
  if (getString(f, 'mac-address') !== '') ep.MacAddress = getString(f, 'mac-address');
  return ep;
}
