import { command, renamed } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool } from '../../flags.js';
import { errorText, isNotFound, passProcessEnd } from '../../errors.js';
import { imageNames } from '../completion.js';

/** `docker rmi` as docker/cli 28.2.2 defines it (cli/command/image/remove.go); flag text recorded from `--help`. */
export const rmiCommand = command({
  use: "rmi [OPTIONS] IMAGE [IMAGE...]",
  short: "Remove one or more images",
  aliases: "docker image rm, docker image remove, docker rmi",
  args: { min: 1 },
  flags: [
    flag("force", "f", "", "Force removal of the image", { sim: true }),
    flag("no-prune", "", "", "Do not delete untagged parents", { sim: true }),
    flag("platform", "", "strings", "Remove only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")"),
  ],
  completion: imageNames(),
  run: (cli, inv) => runRmi(cli, {
    force: getBool(inv.flags, 'force'),
    noPrune: getBool(inv.flags, 'no-prune'),
    images: inv.args,
  }),
});

/** `docker image rm` (newRemoveCommand): the same command, also called `rmi` and `remove`. */
export const removeCommand = renamed(rmiCommand, 'rm', ['rmi', 'remove']);

export interface RmiOptions {
  readonly force: boolean;
  readonly noPrune: boolean;
  readonly images: readonly string[];
}

/** `Untagged: …` / `Deleted: sha256:…` per removed reference; with -f a missing image is only reported. */
export async function runRmi(cli: CommandCli, o: RmiOptions): Promise<void> {
  const errs: string[] = [];
  let fatal = false;
  for (const img of o.images) {
    try {
      const dels = await cli.client().imageRemove(img, { force: o.force, noPrune: o.noPrune });
      let text = '';
      for (const d of dels) text += d.Deleted ? `Deleted: ${d.Deleted}\n` : `Untagged: ${d.Untagged ?? ''}\n`;
      if (text) await cli.out.write(text);
    } catch (e) {
      passProcessEnd(e);
      if (!isNotFound(e)) fatal = true;
      errs.push(errorText(e));
    }
  }
  if (errs.length === 0) return;
  const msg = errs.join('\n');
  if (!o.force || fatal) throw new Error(msg);
  await cli.err.write(msg + '\n');
}
