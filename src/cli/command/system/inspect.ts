import { command } from '../../spec.js';
import { typedHealth, typedImageHealth } from '../container/inspect.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { inspectRefs } from '../inspector.js';
import { isNotFound } from '../../errors.js';

/** `docker inspect` as docker/cli 28.2.2 defines it (cli/command/system/inspect.go); flag text recorded from `--help`. */
export const inspectCommand = command({
  use: "inspect [OPTIONS] NAME|ID [NAME|ID...]",
  short: "Return low-level information on Docker objects",
  args: { min: 1 },
  flags: [
    flag("format", "f", "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("size", "s", "", "Display total file sizes if the type is container", { sim: true }),
    flag("type", "", "string", "Only inspect objects of the given type", { sim: true }),
  ],
  run: (cli, inv) => runInspect(cli, {
    format: getString(inv.flags, 'format'),
    type: getString(inv.flags, 'type'),
    size: getBool(inv.flags, 'size'),
    refs: inv.args,
  }),
});

const TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

export interface InspectOptions {
  readonly format: string;
  readonly type: string;
  readonly size: boolean;
  readonly refs: readonly string[];
}

/**
 * `docker inspect`: each name is tried as a container, then as an image (the kinds dockersim has);
 * "not found" moves on to the next kind, any other error is the answer. --size only makes sense for
 * containers.
 */
export async function runInspect(cli: CommandCli, o: InspectOptions): Promise<void> {
  if (o.type !== '' && !TYPES.includes(o.type)) throw new Error(`${JSON.stringify(o.type)} is not a valid value for --type`);
  const client = cli.client();
  const kinds: Array<(ref: string) => Promise<{ value: unknown; raw?: string }>> = [];
  if (o.type === '' || o.type === 'container') {
    kinds.push(async (ref) => {
      const r = await client.containerInspect(ref, { size: o.size });
      return { ...r, value: typedHealth(r.value) };
    });
  }
  if (o.type === '' || o.type === 'image') {
    kinds.push(async (ref) => {
      const r = await client.imageInspect(ref);
      return { ...r, value: typedImageHealth(r.value) };
    });
  }
  await inspectRefs(cli, o.refs, o.format, async (ref) => {
    for (const kind of kinds) {
      try {
        return await kind(ref);
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
    throw new Error(`Error: No such object: ${ref}`);
  });
}
