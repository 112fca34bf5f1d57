import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { tabwrite } from '../../formatter/tabwriter.js';
import { containerNames, running } from '../completion.js';

/** `docker top` as docker/cli 28.2.2 defines it (cli/command/container/top.go); flag text recorded from `--help`. */
export const topCommand = command({
  use: "top CONTAINER [ps OPTIONS]",
  short: "Display the running processes of a container",
  aliases: "docker container top, docker top",
  args: { min: 1 },
  interspersed: false,
  flags: [
  ],
  completion: containerNames(running),
  run: (cli, inv) => runTop(cli, inv.args[0], inv.args.slice(1)),
});

/** The daemon runs ps; the client only lays its columns out (tabwriter minwidth 20, padding 3). */
export async function runTop(cli: CommandCli, container: string, psArgs: readonly string[]): Promise<void> {
  const top = await cli.client().containerTop(container, psArgs);
  let text = top.Titles.join('\t') + '\n';
  for (const p of top.Processes) text += p.join('\t') + '\n';
  await cli.out.write(tabwrite(text, { minwidth: 20, padding: 3 }));
}
