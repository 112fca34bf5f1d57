import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { forEachContainer } from './utils.js';
import { flag, getBool } from '../../flags.js';
import { errorText, isNotFound } from '../../errors.js';
import { containerNames } from '../completion.js';

/** `docker rm` as docker/cli 28.2.2 defines it (cli/command/container/rm.go); flag text recorded from `--help`. */
export const rmCommand = command({
  use: "rm [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Remove one or more containers",
  aliases: "docker container rm, docker container remove, docker rm",
  cobraAliases: ["remove"],
  args: { min: 1 },
  flags: [
    flag("force", "f", "", "Force the removal of a running container (uses SIGKILL)", { sim: true }),
    flag("link", "l", "", "Remove the specified link"),
    flag("volumes", "v", "", "Remove anonymous volumes associated with the container", { sim: true }),
  ],
  completion: containerNames(),
  run: (cli, inv) => runRm(cli, {
    force: getBool(inv.flags, 'force'),
    volumes: getBool(inv.flags, 'volumes'),
    link: getBool(inv.flags, 'link'),
    containers: inv.args,
  }),
});

export interface RmOptions {
  readonly force: boolean;
  readonly volumes: boolean;
  readonly link: boolean;
  readonly containers: readonly string[];
}

export async function runRm(cli: CommandCli, opts: RmOptions): Promise<void> {
  const o = { force: opts.force, removeVolumes: opts.volumes, removeLinks: opts.link };
  await forEachContainer(cli, opts.containers, async (name) => {
    const id = name.replace(/^\/+|\/+$/g, '');
    if (id === '') throw new Error('container name cannot be empty');
    await cli.client().containerRemove(id, o);
  }, async (_name, e) => {
    // `rm -f` of something already gone reports it but does not fail.
    if (!opts.force || !isNotFound(e)) return false;
    await cli.err.write(errorText(e) + '\n');
    return true;
  });
}
