/**
 * The kernel's pseudo-terminals, by devpts instance: each container mounts a devpts of its own (runc mounts
 * it with `newinstance`), so its first terminal is pts/0 whatever the host's are.
 */
import type { Scheduler } from './scheduler.js';
import type { Signal } from './signals.js';
import { Tty } from './tty.js';
import type { MountNamespace } from './fsTypes.js';

export class Devpts {
  /** Every terminal, by devpts instance and number (`0:pts/3`). */
  readonly ttys = new Map<string, Tty>();
  private readonly ids = new WeakMap<MountNamespace, number>();
  private nextId = 1;

  constructor(
    hostMnt: MountNamespace,
    private readonly sched: Scheduler,
    /** Sends a tty key's signal (Ctrl-C) to a process group; the kernel is the sender. */
    private readonly signalGroup: (pgid: number, sig: Signal) => void,
  ) {
    this.ids.set(hostMnt, 0);
  }

  /** The devpts instance mounted at `mnt`'s /dev/pts, and terminal `n` in it. */
  private key(mnt: MountNamespace, n: number): string {
    let id = this.ids.get(mnt);
    if (id === undefined) this.ids.set(mnt, (id = this.nextId++));
    return `${id}:pts/${n}`;
  }

  /** Allocates `pts/N`, the lowest free N of `mnt`'s devpts. */
  create(mnt: MountNamespace): Tty {
    let n = 0;
    while (this.ttys.has(this.key(mnt, n))) n++;
    const tty = new Tty(`pts/${n}`, this.sched, this.signalGroup);
    tty.key = this.key(mnt, n);
    this.ttys.set(tty.key, tty);
    return tty;
  }

  /** /dev/pts/N as a process of mount namespace `mnt` opens it. */
  at(mnt: MountNamespace, n: number): Tty | undefined {
    return this.ttys.get(this.key(mnt, n));
  }

  /** The terminals of `mnt`'s devpts instance (what its /dev/pts lists). */
  in(mnt: MountNamespace): Tty[] {
    const prefix = this.key(mnt, 0).replace(/pts\/0$/, '');
    return [...this.ttys.entries()].filter(([k]) => k.startsWith(prefix)).map(([, t]) => t);
  }

  /** The master side was closed: /dev/pts/N goes away (the number may be reused, as on Linux). */
  release(tty: Tty): void {
    if (this.ttys.get(tty.key) === tty) this.ttys.delete(tty.key);
  }
}
