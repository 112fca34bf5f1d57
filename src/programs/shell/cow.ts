/**
 * A table a shell shares with the subshells it forks until one of them touches it, as fork(2) shares pages: a
 * fork bomb forks thousands of subshells that never read a variable, and copying every table for each was most
 * of its cost (in garbage collection). Both sides copy on their first access after the fork, reads included,
 * because the entries themselves are changed in place.
 */
export class CopyOnWrite<T> {
  private shared = false;

  constructor(
    private value: T,
    private readonly copy: (value: T) => T,
  ) {}

  get(): T {
    if (this.shared) {
      this.value = this.copy(this.value);
      this.shared = false;
    }
    return this.value;
  }

  set(value: T): void {
    this.value = value;
    this.shared = false;
  }

  fork(): CopyOnWrite<T> {
    this.shared = true;
    const child = new CopyOnWrite(this.value, this.copy);
    child.shared = true;
    return child;
  }
}
