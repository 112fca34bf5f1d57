/**
 * docker/cli's parallelOperation pattern (stop, kill, pause, unpause, rm…): one request per container,
 * each success printed as the name was given, failures joined into one error printed at the end.
 */
import type { CommandCli } from '../cli.js';
import { joinErrors, passProcessEnd } from '../errors.js';

export async function forEachContainer(cli: CommandCli, names: readonly string[],
  op: (name: string) => Promise<void>, onError?: (name: string, e: unknown) => Promise<boolean>): Promise<void> {
  const errs: unknown[] = [];
  for (const name of names) {
    try {
      await op(name);
    } catch (e) {
      passProcessEnd(e);
      if (onError && (await onError(name, e))) continue;
      errs.push(e);
      continue;
    }
    await cli.out.write(name + '\n');
  }
  const err = joinErrors(errs);
  if (err) throw err;
}
