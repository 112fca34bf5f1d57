/** Boots a machine and runs `body` in a process under init, holding a Daemon built on that process's Sys. */
import { Machine } from '../../../src/machine/machine.js';
import { Daemon } from '../../../src/engine/daemon/daemon.js';
import { DaemonStore } from '../../../src/engine/daemon/store.js';
import { installImage } from '../../../src/engine/daemon/images/pull.js';
import { CATALOG } from '../../../src/engine/daemon/registry.js';
import { parseNormalizedNamed } from '../../../src/pkg/reference.js';
import type { Sys } from '../../../src/engine/kernel/sys.js';

/** What an operation threw, as `Kind: message` (moby's errdefs class and text), or `no error`. */
export async function errOf(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (e) {
    return `${(e as { kind?: string }).kind}: ${(e as Error).message}`;
  }
  return 'no error';
}

export interface Harness {
  readonly m: Machine;
  readonly engine: DaemonStore;
}

/** Puts catalog images in the store as if pulled: `busybox`, `ubuntu`… */
export function preload(engine: DaemonStore, ...refs: string[]): void {
  for (const r of refs) {
    const ref = parseNormalizedNamed(r);
    const tag = ref.tag ?? 'latest';
    const cat = CATALOG.find((c) => c.path === ref.path && c.tags.includes(tag))!;
    installImage(engine, cat, ref);
  }
}

export function boot(seed = 1): Harness {
  const m = Machine.boot({ seed });
  const engine = new DaemonStore({ kernel: m.kernel });
  preload(engine, 'busybox', 'ubuntu');
  return { m, engine };
}

/**
 * Runs `body` as a process (the stand-in for dockerd) and the machine until it returns, plus `extraMs` of
 * virtual time. Rethrows what body threw, and any fault of a simulated program.
 */
export async function inDaemon<T>(h: Harness, body: (d: Daemon, sys: Sys) => Promise<T>, opts: { untilMs?: number } = {}): Promise<T> {
  const k = h.m.kernel;
  let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  k.spawn(k.hostPidNs.init!, {
    argv: ['dockerd'],
    program: async (sys) => {
      try {
        result = { ok: true, value: await body(new Daemon({ store: h.engine, sys }), sys) };
      } catch (e) {
        result = { ok: false, error: e };
      }
      return 0;
    },
  });
  const deadline = k.now() + (opts.untilMs ?? 3_600_000);
  await k.run({ until: deadline, stop: () => result !== undefined });
  if (k.faults.length > 0) throw k.faults[0].error;
  if (!result) throw new Error('daemon body did not finish');
  if (!result.ok) throw result.error;
  return result.value;
}
