import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { containerNames } from '../completion.js';

/** `docker diff` as docker/cli 28.2.2 defines it (cli/command/container/diff.go); flag text recorded from `--help`. */
export const diffCommand = command({
  use: "diff CONTAINER",
  short: "Inspect changes to files or directories on a container's filesystem",
  aliases: "docker container diff, docker diff",
  args: { exact: 1 },
  flags: [
  ],
  completion: containerNames(),
  run: (cli, inv) => runDiff(cli, inv.args[0]),
});

const KINDS = ['C', 'A', 'D'];

/** `C /etc`, `A /etc/foo`, `D /tmp/x`: one line per change, in the daemon's order. */
export async function runDiff(cli: CommandCli, container: string): Promise<void> {
  const changes = (await cli.client().containerDiff(container)) ?? [];
  let out = '';
  for (const c of changes) out += `${KINDS[c.Kind] ?? '?'} ${c.Path}\n`;
  if (out) await cli.out.write(out);
}
