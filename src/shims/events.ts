/**
 * The slice of Node's `events` that memfs needs in the browser (watchers and FileHandle extend it).
 * Listeners are called synchronously in registration order, like Node's.
 */
type Listener = (...args: unknown[]) => void;

export class EventEmitter {
  private readonly listenerMap = new Map<string | symbol, Listener[]>();

  on(event: string | symbol, fn: Listener): this {
    this.listenerMap.set(event, [...(this.listenerMap.get(event) ?? []), fn]);
    return this;
  }

  addListener(event: string | symbol, fn: Listener): this {
    return this.on(event, fn);
  }

  prependListener(event: string | symbol, fn: Listener): this {
    this.listenerMap.set(event, [fn, ...(this.listenerMap.get(event) ?? [])]);
    return this;
  }

  once(event: string | symbol, fn: Listener): this {
    const wrapper: Listener = (...args) => {
      this.off(event, wrapper);
      fn.apply(this, args);
    };
    return this.on(event, wrapper);
  }

  off(event: string | symbol, fn: Listener): this {
    const list = this.listenerMap.get(event);
    if (!list) return this;
    const i = list.indexOf(fn);
    if (i >= 0) this.listenerMap.set(event, [...list.slice(0, i), ...list.slice(i + 1)]);
    return this;
  }

  removeListener(event: string | symbol, fn: Listener): this {
    return this.off(event, fn);
  }

  removeAllListeners(event?: string | symbol): this {
    if (event === undefined) this.listenerMap.clear();
    else this.listenerMap.delete(event);
    return this;
  }

  emit(event: string | symbol, ...args: unknown[]): boolean {
    const list = this.listenerMap.get(event);
    if (!list || list.length === 0) {
      if (event === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      return false;
    }
    for (const fn of list) fn.apply(this, args);
    return true;
  }

  listeners(event: string | symbol): Listener[] {
    return [...(this.listenerMap.get(event) ?? [])];
  }

  listenerCount(event: string | symbol): number {
    return this.listenerMap.get(event)?.length ?? 0;
  }

  setMaxListeners(): this {
    return this;
  }
}

export default EventEmitter;
