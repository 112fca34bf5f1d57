import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getList, getString } from '../../flags.js';
import { containerNames } from '../completion.js';

/** `docker commit` as docker/cli 28.2.2 defines it (cli/command/container/commit.go); flag text recorded from `--help`. */
export const commitCommand = command({
  use: "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
  short: "Create a new image from a container's changes",
  aliases: "docker container commit, docker commit",
  args: { min: 1, max: 2 },
  interspersed: false,
  flags: [
    flag("author", "a", "string", "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")", { sim: true }),
    flag("change", "c", "list", "Apply Dockerfile instruction to the created image", { sim: true }),
    flag("message", "m", "string", "Commit message", { sim: true }),
    flag("pause", "p", "", "Pause container during commit", { def: "true", sim: true }),
  ],
  completion: containerNames(),
  run: (cli, inv) => runCommit(cli, {
    container: inv.args[0],
    reference: inv.args[1] ?? '',
    author: getString(inv.flags, 'author'),
    comment: getString(inv.flags, 'message'),
    changes: getList(inv.flags, 'change'),
    pause: getBool(inv.flags, 'pause'),
  }),
});

export interface CommitOptions {
  readonly container: string;
  readonly reference: string;
  readonly author: string;
  readonly comment: string;
  readonly changes: readonly string[];
  readonly pause: boolean;
}

/** Prints the new image's full ID. */
export async function runCommit(cli: CommandCli, o: CommitOptions): Promise<void> {
  const res = await cli.client().containerCommit(o.container, o);
  await cli.out.write(`${res.Id}\n`);
}
