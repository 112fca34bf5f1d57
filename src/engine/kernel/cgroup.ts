/**
 * A control group: the accounting and freezing unit a container lives in. The freezer stops every task in
 * the group from being scheduled (docker pause); pids.max bounds fork bombs; memory.max is enforced in
 * memory.ts.
 */
export class Cgroup {
  frozen = false;
  /** CPU time consumed by member processes (and descendants' groups), in virtual ms. */
  cpuMs = 0;
  /** Live processes in this group and its descendants. */
  pids = 0;
  /** Bytes its processes (and descendants') hold beyond their baselines: a bound, see memory.ts. */
  heldBytes = 0;
  /** memory.events oom_kill: processes of this group and its descendants the OOM killer ended. */
  oomKills = 0;
  /** Called on each such kill (containerd's OOM watch on the container's group). */
  onOomKill: (() => void) | null = null;

  constructor(
    readonly path: string,
    readonly parent: Cgroup | null,
    public pidsMax = Infinity,
    public memoryMax = Infinity,
  ) {}

  /** True if this group or an ancestor is frozen. */
  isFrozen(): boolean {
    for (let g: Cgroup | null = this; g; g = g.parent) if (g.frozen) return true;
    return false;
  }

  /** True if one more process fits under this group's and its ancestors' pids.max. */
  canFork(): boolean {
    for (let g: Cgroup | null = this; g; g = g.parent) if (g.pids >= g.pidsMax) return false;
    return true;
  }

  charge(pids: number, cpuMs: number): void {
    for (let g: Cgroup | null = this; g; g = g.parent) {
      g.pids += pids;
      g.cpuMs += cpuMs;
    }
  }
}
