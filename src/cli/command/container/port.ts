import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { containerNames, running } from '../completion.js';

/** `docker port` as docker/cli 28.2.2 defines it (cli/command/container/port.go); flag text recorded from `--help`. */
export const portCommand = command({
  use: "port CONTAINER [PRIVATE_PORT[/PROTO]]",
  short: "List port mappings or a specific mapping for the container",
  aliases: "docker container port, docker port",
  args: { min: 1, max: 2 },
  flags: [
  ],
  // completion.ContainerNames(dockerCli, false): running containers only.
  completion: containerNames(running),
  run: (cli, inv) => runPort(cli, inv.args[0], inv.args[1] ?? ''),
});

type Frontends = ReadonlyArray<{ HostIp: string; HostPort: string }> | null;

/** net.JoinHostPort. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** `HOST:PORT` per binding of one port (TCP unless `/PROTO` says otherwise), or `PORT/PROTO -> HOST:PORT` for all. */
export async function runPort(cli: CommandCli, container: string, port: string): Promise<void> {
  const c = (await cli.client().containerInspect(container)).value;
  const ports = ((c.NetworkSettings as { Ports?: Record<string, Frontends> } | undefined)?.Ports ?? {});
  const out: string[] = [];
  if (port !== '') {
    const slash = port.indexOf('/');
    const num = slash < 0 ? port : port.slice(0, slash);
    const proto = slash < 0 || port.slice(slash + 1) === '' ? 'tcp' : port.slice(slash + 1);
    const bad = parseUint16Error(num);
    if (bad) throw new Error(`Error: invalid port (${num}): strconv.ParseUint: parsing ${JSON.stringify(num)}: ${bad}`);
    const frontends = ports[`${num}/${proto}`];
    if (!frontends || frontends.length === 0) throw new Error(`Error: No public port '${port}' published for ${container}`);
    for (const f of frontends) out.push(joinHostPort(f.HostIp, f.HostPort));
  } else {
    for (const [from, frontends] of Object.entries(ports)) {
      for (const f of frontends ?? []) out.push(`${from} -> ${joinHostPort(f.HostIp, f.HostPort)}`);
    }
  }
  if (out.length > 0) await cli.out.write(out.sort(naturalCompare).join('\n') + '\n');
}

/** strconv.ParseUint(s, 10, 16)'s complaint, or null. */
function parseUint16Error(s: string): string | null {
  if (!/^[0-9]+$/.test(s)) return 'invalid syntax';
  return Number(s) > 65535 ? 'value out of range' : null;
}

/** fvbommel/sortorder.NaturalLess: digits before anything else, runs of digits by value, the rest byte by byte. */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  const digit = (c: number): boolean => c >= 48 && c <= 57;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (digit(ca) !== digit(cb)) return digit(ca) ? -1 : 1;
    if (digit(ca)) {
      let ie = i;
      while (ie < a.length && digit(a.charCodeAt(ie))) ie++;
      let je = j;
      while (je < b.length && digit(b.charCodeAt(je))) je++;
      const na = a.slice(i, ie).replace(/^0+/, '');
      const nb = b.slice(j, je).replace(/^0+/, '');
      if (na.length !== nb.length) return na.length - nb.length;
      if (na !== nb) return na < nb ? -1 : 1;
      if (ie - i !== je - j) return (ie - i) - (je - j);
      i = ie;
      j = je;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return (a.length - i) - (b.length - j);
}
