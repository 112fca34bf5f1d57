import { command } from '../../spec.js';
import { networkNames } from '../completion.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { inspectRefs } from '../inspector.js';
import { GO_TYPE } from '../../formatter/gofmt.js';

/** `docker network inspect` as docker/cli 28.2.2 defines it (cli/command/network/inspect.go); flag text recorded from `--help`. */
export const inspectCommand = command({
  use: "inspect [OPTIONS] NETWORK [NETWORK...]",
  short: "Display detailed information on one or more networks",
  args: { min: 1 },
  flags: [
    flag("format", "f", "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("verbose", "v", "", "Verbose output for diagnostics", { sim: true }),
  ],
  completion: networkNames(),
  run: (cli, inv) => runInspect(cli, inv.args, getString(inv.flags, 'format'), getBool(inv.flags, 'verbose')),
});

async function runInspect(cli: CommandCli, refs: readonly string[], format: string, verbose: boolean): Promise<void> {
  await inspectRefs(cli, refs, format, async (ref) => {
    const r = await cli.client().networkInspect(ref, { verbose });
    return { value: typedNetwork(r.value), raw: r.raw };
  });
}

type Json = Record<string | symbol, unknown>;

/** A Go struct for templates: its fields in declaration order, `{{json}}` keeping that order. */
function struct(type: string, o: unknown): unknown {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return o;
  return { [GO_TYPE]: type, ...(o as Json) };
}

/**
 * network.Inspect as the CLI decodes it: structs (IPAM, its Config entries, ConfigFrom, each container's
 * EndpointResource) keep their field order under `{{json}}`; the maps (Containers, Options, Labels) sort.
 */
function typedNetwork(v: unknown): unknown {
  const n = v as Json;
  const ipam = n.IPAM as Json | null | undefined;
  const containers = n.Containers as Record<string, unknown> | null | undefined;
  return struct('network.Inspect', {
    ...n,
    IPAM: ipam ? struct('network.IPAM', { ...ipam, Config: Array.isArray(ipam.Config) ? ipam.Config.map((c) => struct('network.IPAMConfig', c)) : ipam.Config }) : ipam,
    ConfigFrom: struct('network.ConfigReference', n.ConfigFrom),
    Containers: containers ? Object.fromEntries(Object.entries(containers).map(([k, c]) => [k, struct('network.EndpointResource', c)])) : containers,
  });
}
