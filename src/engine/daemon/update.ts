/**
 * `docker update` (moby daemon/update.go, container.UpdateContainer): check the new settings as create does
 * (update=true), merge the non-zero resources and a named restart policy into HostConfig, emit `update`, and
 * apply them to a running task: memory.max (a limit below what the container uses OOM-kills at once, as
 * writing memory.max does), pids.max, and the restart manager's policy. What the simulator does not model
 * (CPU shares and quotas, cpusets, block IO, memory reservation) is refused before anything changes.
 */
import { setMemoryMax } from '../kernel/memory.js';
import type { HostConfig } from './container.js';
import type { DaemonContext } from './context.js';
import { conflict, DaemonError, systemError } from '../../pkg/errdefs.js';
import { isRestartPolicyNone, validateRestartPolicy, type RestartPolicy } from './restartmanager.js';
import { PIDS_GUARD } from './runtime/prepare.js';
import { refuseUnsimulatedResources } from './unsimulated.js';
import { verifyResources } from './verify.js';

type Json = Record<string, unknown>;

/** container.UpdateConfig: the Resources fields and RestartPolicy, as the route decoded them. */
export interface UpdateConfig extends Json {
  RestartPolicy?: Partial<RestartPolicy>;
}

export interface UpdateResponse {
  /** Go's nil slice when there is nothing to say. */
  readonly Warnings: string[] | null;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function cannotUpdate(id: string, e: DaemonError): DaemonError {
  return new DaemonError(e.kind, `Cannot update container ${id}: ${e.message}`);
}

/** UpdateContainer's merge into a copy: the checks that may refuse come before anything is stored. */
function merged(current: HostConfig, r: Json, policy: RestartPolicy): HostConfig {
  const h: HostConfig = { ...current };
  const memory = num(r.Memory);
  const swap = num(r.MemorySwap);
  if (memory !== 0) {
    if (memory > h.MemorySwap && swap === 0) {
      throw conflict('Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time');
    }
    h.Memory = memory;
  }
  if (swap !== 0) h.MemorySwap = swap;
  if (typeof r.PidsLimit === 'number') h.PidsLimit = r.PidsLimit;
  if (policy.Name !== '') {
    if (h.AutoRemove && !isRestartPolicyNone(policy)) {
      throw conflict('Restart policy cannot be updated because AutoRemove is enabled for the container');
    }
    h.RestartPolicy = policy;
  }
  return h;
}

export function containerUpdate(d: DaemonContext, name: string, update: UpdateConfig): UpdateResponse {
  const engine = d.store;
  const { RestartPolicy: rp, ...resources } = update;
  const policy: RestartPolicy = { Name: rp?.Name ?? '', MaximumRetryCount: rp?.MaximumRetryCount ?? 0 };
  // verifyContainerSettings(update=true): the policy, Docker's resource rules, then what dockersim refuses.
  const bad = validateRestartPolicy(policy);
  if (bad) throw bad;
  const warnings = verifyResources(resources, true);
  refuseUnsimulatedResources(resources);

  const c = engine.getContainer(name);
  if (c.State.RemovalInProgress || c.State.Dead) {
    throw cannotUpdate(c.ID, systemError('container is marked for removal and cannot be "update"'));
  }
  let h: HostConfig;
  try {
    h = merged(c.HostConfig, resources, policy);
  } catch (e) {
    if (e instanceof DaemonError) throw cannotUpdate(c.ID, e);
    throw e;
  }
  Object.assign(c.HostConfig, h);
  const rt = engine.runtime(c);
  if (policy.Name !== '') rt.restart?.setPolicy(policy);
  engine.containerEvent(c, 'update');
  // containerd's UpdateResources on a running (or paused) task; the OOM it may cause is reported after.
  const g = rt.cgroup;
  if (g && c.State.Running && !c.State.Restarting) {
    g.pidsMax = h.PidsLimit !== null && h.PidsLimit > 0 ? h.PidsLimit : PIDS_GUARD;
    if (num(resources.Memory) > 0) setMemoryMax(engine.kernel, g, h.Memory);
  }
  engine.notify();
  return { Warnings: warnings.length > 0 ? warnings : null };
}
