import { command, type Invocation } from '../../spec.js';
import type { CommandCli } from '../../cli.js';
import { errorText, passProcessEnd } from '../../errors.js';
import { changed, flag, getInt, getString } from '../../flags.js';
import { ramInBytes } from '../../../pkg/units.js';
import { parseRational, restartPolicy } from './opts.js';
import { containerNames } from '../completion.js';

/** `docker update` as docker/cli 28.2.2 defines it (cli/command/container/update.go); flag text recorded from `--help`. */
export const updateCommand = command({
  use: "update [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Update configuration of one or more containers",
  aliases: "docker container update, docker update",
  args: { min: 1 },
  flags: [
    flag("blkio-weight", "", "uint16", "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)", { sim: true }),
    flag("cpu-period", "", "int", "Limit CPU CFS (Completely Fair Scheduler) period", { sim: true }),
    flag("cpu-quota", "", "int", "Limit CPU CFS (Completely Fair Scheduler) quota", { sim: true }),
    flag("cpu-rt-period", "", "int", "Limit the CPU real-time period in microseconds", { sim: true }),
    flag("cpu-rt-runtime", "", "int", "Limit the CPU real-time runtime in microseconds", { sim: true }),
    flag("cpu-shares", "c", "int", "CPU shares (relative weight)", { sim: true }),
    flag("cpus", "", "decimal", "Number of CPUs", { sim: true }),
    flag("cpuset-cpus", "", "string", "CPUs in which to allow execution (0-3, 0,1)", { sim: true }),
    flag("cpuset-mems", "", "string", "MEMs in which to allow execution (0-3, 0,1)", { sim: true }),
    flag("kernel-memory", "", "bytes", "Kernel memory limit (deprecated)", { sim: true, hidden: true }),
    flag("memory", "m", "bytes", "Memory limit", { sim: true }),
    flag("memory-reservation", "", "bytes", "Memory soft limit", { sim: true }),
    flag("memory-swap", "", "bytes", "Swap limit equal to memory plus swap: -1 to enable unlimited swap", { sim: true }),
    flag("pids-limit", "", "int", "Tune container pids limit (set -1 for unlimited)", { sim: true }),
    flag("restart", "", "string", "Restart policy to apply when a container exits", { sim: true }),
  ],
  completion: containerNames(),
  run: (cli, inv) => runUpdate(cli, inv),
});

type Json = Record<string, unknown>;

/** runUpdate's container.UpdateConfig: every Resources field the command sets (zero when not given), and the policy. */
function updateConfig(inv: Invocation): Json {
  const f = inv.flags;
  const int = (name: string): number => (changed(f, name) ? getInt(f, name) : 0);
  const bytes = (name: string): number => {
    const v = getString(f, name);
    if (v === '') return 0;
    return name === 'memory-swap' && v === '-1' ? -1 : (ramInBytes(v) as number);
  };
  const out: Json = {
    BlkioWeight: int('blkio-weight'), CpusetCpus: getString(f, 'cpuset-cpus'), CpusetMems: getString(f, 'cpuset-mems'),
    CpuShares: int('cpu-shares'), Memory: bytes('memory'), MemoryReservation: bytes('memory-reservation'),
    MemorySwap: bytes('memory-swap'), KernelMemory: bytes('kernel-memory'), CpuPeriod: int('cpu-period'),
    CpuQuota: int('cpu-quota'), CpuRealtimePeriod: int('cpu-rt-period'), CpuRealtimeRuntime: int('cpu-rt-runtime'),
    NanoCpus: changed(f, 'cpus') ? Math.round(parseRational(getString(f, 'cpus')) * 1e9) : 0,
  };
  if (int('pids-limit') !== 0) out.PidsLimit = int('pids-limit');
  const restart = getString(f, 'restart');
  out.RestartPolicy = restart === '' ? { Name: '', MaximumRetryCount: 0 } : restartPolicy(restart);
  return out;
}

export async function runUpdate(cli: CommandCli, inv: Invocation): Promise<void> {
  if (updateCommand.flags.every((fl) => !changed(inv.flags, fl.name))) {
    throw new Error('you must provide one or more flags when using this command');
  }
  const config = updateConfig(inv);
  const warns: string[] = [];
  const errs: string[] = [];
  for (const name of inv.args) {
    try {
      const r = await cli.client().containerUpdate(name, config);
      await cli.out.write(name + '\n');
      warns.push(...(r.Warnings ?? []));
    } catch (e) {
      passProcessEnd(e);
      errs.push(errorText(e));
    }
  }
  if (warns.length > 0) await cli.out.write(warns.join('\n') + '\n');
  if (errs.length > 0) throw new Error(errs.join('\n'));
}
