import { command } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { flag, getBool, getString } from '../../flags.js';
import { GO_TYPE } from '../../formatter/gofmt.js';
import { inspectRefs } from '../inspector.js';
import { containerNames } from '../completion.js';

/** `docker container inspect` as docker/cli 28.2.2 defines it (cli/command/container/inspect.go); flag text recorded from `--help`. */
export const containerInspectCommand = command({
  use: "inspect [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Display detailed information on one or more containers",
  args: { min: 1 },
  flags: [
    flag("format", "f", "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", { sim: true }),
    flag("size", "s", "", "Display total file sizes", { sim: true }),
  ],
  completion: containerNames(),
  run: (cli, inv) => runContainerInspect(cli, inv.args, getString(inv.flags, 'format'), getBool(inv.flags, 'size')),
});

export async function runContainerInspect(cli: CommandCli, refs: readonly string[], format: string, size: boolean): Promise<void> {
  await inspectRefs(cli, refs, format, async (ref) => {
    const r = await cli.client().containerInspect(ref, { size });
    return { ...r, value: typedHealth(r.value) };
  });
}

type Json = Record<string | symbol, unknown>;

function struct(type: string, o: unknown): unknown {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return o;
  return { [GO_TYPE]: type, ...(o as Json) };
}

/**
 * The health parts of container.InspectResponse as the CLI decodes them: State.Health, its Log entries and
 * Config.Healthcheck are structs, so `{{json .State.Health}}` keeps their field order (the rest is still read
 * as maps, their keys sorted under `{{json}}`).
 */
/** image.InspectResponse: its Config.Healthcheck is the same struct. */
export function typedImageHealth(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const i = v as Json;
  const config = i.Config as Json | null | undefined;
  return config?.Healthcheck ? { ...i, Config: { ...config, Healthcheck: struct('*v1.HealthcheckConfig', config.Healthcheck) } } : v;
}

export function typedHealth(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const c = v as Json;
  const state = c.State as Json | null | undefined;
  const config = c.Config as Json | null | undefined;
  const health = state?.Health as Json | null | undefined;
  return {
    ...c,
    ...(state ? {
      State: {
        ...state,
        ...(health ? {
          Health: struct('*container.Health', {
            ...health, Log: Array.isArray(health.Log) ? health.Log.map((r) => struct('*container.HealthcheckResult', r)) : health.Log,
          }),
        } : {}),
      },
    } : {}),
    ...(config?.Healthcheck ? { Config: { ...config, Healthcheck: struct('*v1.HealthcheckConfig', config.Healthcheck) } } : {}),
  };
}
