import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { changed, flag, getBool, getList, getString } from '../../flags.js';

/** `docker network create` as docker/cli 28.2.2 defines it (cli/command/network/create.go); flag text recorded from `--help`. */
export const createCommand = command({
  use: "create [OPTIONS] NETWORK",
  short: "Create a network",
  args: { exact: 1 },
  flags: [
    flag("attachable", "", "", "Enable manual container attachment", { sim: true }),
    flag("aux-address", "", "map", "Auxiliary IPv4 or IPv6 addresses used by Network driver", { def: "map[]" }),
    flag("config-from", "", "string", "The network from which to copy the configuration", { sim: true }),
    flag("config-only", "", "", "Create a configuration only network", { sim: true }),
    flag("driver", "d", "string", "Driver to manage the Network", { def: "\"bridge\"", sim: true }),
    flag("gateway", "", "strings", "IPv4 or IPv6 Gateway for the master subnet", { sim: true }),
    flag("ingress", "", "", "Create swarm routing-mesh network", { sim: true }),
    flag("internal", "", "", "Restrict external access to the network", { sim: true }),
    flag("ip-range", "", "strings", "Allocate container ip from a sub-range", { sim: true }),
    flag("ipam-driver", "", "string", "IP Address Management Driver", { def: "\"default\"", sim: true }),
    flag("ipam-opt", "", "map", "Set IPAM driver specific options", { def: "map[]", sim: true }),
    flag("ipv4", "", "", "Enable or disable IPv4 address assignment", { def: "true", sim: true }),
    flag("ipv6", "", "", "Enable or disable IPv6 address assignment", { sim: true }),
    flag("label", "", "list", "Set metadata on a network", { sim: true }),
    flag("opt", "o", "map", "Set driver specific options", { def: "map[]", sim: true }),
    flag("scope", "", "string", "Control the network's scope", { sim: true }),
    flag("subnet", "", "strings", "Subnet in CIDR format that represents a network segment", { sim: true }),
  ],
  run: (cli, inv) => runCreate(cli, inv.args[0], inv.flags),
});

type Flags = Parameters<typeof getString>[0];

/** pflag's StringSlice: each value is CSV, so `--subnet a,b` is two. */
function slice(f: Flags, name: string): string[] {
  return getList(f, name).flatMap((v) => (v === '' ? [] : v.split(',')));
}

function mapOpt(f: Flags, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of getList(f, name)) {
    const i = kv.indexOf('=');
    out[i < 0 ? kv : kv.slice(0, i)] = i < 0 ? '' : kv.slice(i + 1);
  }
  return out;
}

interface Cidr { base: number; bits: number }

function parseCidr(s: string): Cidr | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s);
  if (!m || m.slice(1, 5).some((x) => Number(x) > 255) || Number(m[5]) > 32) return null;
  const ip = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  return { base: ip, bits: Number(m[5]) };
}

function parseIp(s: string): number | null {
  const c = parseCidr(`${s}/32`);
  return c ? c.base : null;
}

/** subnetMatches: `data` (an address or the address of a CIDR) lies in `subnet`. */
function subnetMatches(subnet: string, data: string): boolean {
  const s = parseCidr(subnet);
  if (!s) throw new Error(`invalid subnet: invalid CIDR address: ${subnet}`);
  let ip: number | null;
  if (data.includes('/')) {
    const d = parseCidr(data);
    if (!d) throw new Error(`invalid CIDR address: ${data}`);
    ip = d.base;
  } else ip = parseIp(data);
  if (ip === null) return false;
  const size = 2 ** (32 - s.bits);
  const net = Math.floor(s.base / size) * size;
  return ip >= net && ip < net + size;
}

/** createIPAMConfig: each --ip-range and --gateway goes with the subnet holding it. */
function ipamConfig(subnets: string[], ranges: string[], gateways: string[]): Array<Record<string, unknown>> {
  if (subnets.length < ranges.length || subnets.length < gateways.length) {
    throw new Error('every ip-range or gateway must have a corresponding subnet');
  }
  const data = new Map<string, Record<string, unknown>>();
  for (const s of subnets) {
    for (const k of data.keys()) {
      if (subnetMatches(s, k) || subnetMatches(k, s)) throw new Error('multiple overlapping subnet configuration is not supported');
    }
    data.set(s, { Subnet: s });
  }
  const assign = (values: string[], key: 'IPRange' | 'Gateway', what: string, multiple: string): void => {
    for (const v of values) {
      let match = false;
      for (const s of subnets) {
        if (key === 'IPRange' && !parseCidr(v)) throw new Error(`invalid CIDR address: ${v}`);
        if (!subnetMatches(s, v)) continue;
        const d = data.get(s)!;
        if (d[key]) throw new Error(`cannot configure multiple ${multiple} (${v}, ${String(d[key])}) ${key === 'IPRange' ? 'on' : 'for'} the same subnet (${s})`);
        d[key] = v;
        match = true;
      }
      if (!match) throw new Error(`no matching subnet for ${what} ${v}`);
    }
  };
  assign(ranges, 'IPRange', 'range', 'ranges');
  assign(gateways, 'Gateway', 'gateway', 'gateways');
  return [...data.values()];
}

async function runCreate(cli: CommandCli, name: string, f: Flags): Promise<void> {
  if (getList(f, 'aux-address').length > 0) throw new Error('dockersim: --aux-address is not simulated');
  const config = ipamConfig(slice(f, 'subnet'), slice(f, 'ip-range'), slice(f, 'gateway'));
  const req: Record<string, unknown> = {
    Driver: getString(f, 'driver'),
    Scope: getString(f, 'scope'),
  };
  if (changed(f, 'ipv4')) req.EnableIPv4 = getBool(f, 'ipv4');
  if (changed(f, 'ipv6')) req.EnableIPv6 = getBool(f, 'ipv6');
  Object.assign(req, {
    IPAM: { Driver: getString(f, 'ipam-driver'), Options: mapOpt(f, 'ipam-opt'), Config: config },
    Internal: getBool(f, 'internal'),
    Attachable: getBool(f, 'attachable'),
    Ingress: getBool(f, 'ingress'),
    ConfigOnly: getBool(f, 'config-only'),
    ConfigFrom: getString(f, 'config-from') ? { Network: getString(f, 'config-from') } : null,
    Options: mapOpt(f, 'opt'),
    Labels: Object.fromEntries(getList(f, 'label').map((l) => {
      const i = l.indexOf('=');
      return i < 0 ? [l, ''] : [l.slice(0, i), l.slice(i + 1)];
    })),
    Name: name,
  });
  const res = await cli.client().networkCreate(req);
  await cli.out.write(`${res.Id}\n`);
}
