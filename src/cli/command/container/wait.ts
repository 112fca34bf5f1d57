import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { joinErrors, passProcessEnd } from '../../errors.js';
import { containerNames } from '../completion.js';

/** `docker wait` as docker/cli 28.2.2 defines it (cli/command/container/wait.go); flag text recorded from `--help`. */
export const waitCommand = command({
  use: "wait CONTAINER [CONTAINER...]",
  short: "Block until one or more containers stop, then print their exit codes",
  aliases: "docker container wait, docker wait",
  args: { min: 1 },
  flags: [
  ],
  completion: containerNames(),
  run: (cli, inv) => runWait(cli, inv.args),
});

/** Waits for each container in turn (condition not-running) and prints its exit code; errors come last. */
export async function runWait(cli: CommandCli, containers: readonly string[]): Promise<void> {
  const errs: unknown[] = [];
  for (const c of containers) {
    try {
      const res = await (await cli.client().containerWait(c, '')).result();
      await cli.out.write(`${res.StatusCode}\n`);
    } catch (e) {
      passProcessEnd(e);
      errs.push(e);
    }
  }
  const err = joinErrors(errs);
  if (err) throw err;
}
