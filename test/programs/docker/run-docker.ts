/** Runs the real `docker` program on a booted host, as root with stdin on /dev/null, for property tests. */
import type { Program } from '../../../src/engine/kernel/sys.js';
import type { Machine } from '../../../src/machine/machine.js';

/** `docker …argv`'s exit status; -1 if it was still running after two virtual minutes. */
export async function docker(m: Machine, argv: readonly string[]): Promise<number> {
  const k = m.kernel;
  let status: number | undefined;
  const runner: Program = async (sys) => {
    const nul = sys.open('/dev/null', 'r');
    const pid = sys.spawn({ path: '/usr/bin/docker', argv: ['docker', ...argv], fds: { 0: nul, 1: nul, 2: nul } });
    status = (await sys.wait(pid))!.status;
    return 0;
  };
  k.spawn(k.hostPidNs.init!, { program: runner, argv: ['runner'] });
  await k.run({ until: k.now() + 120_000, stop: () => status !== undefined });
  return status ?? -1;
}
