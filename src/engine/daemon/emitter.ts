/**
 * A small typed emitter in xterm.js's style: the owner keeps the emitter private and exposes `emitter.event`,
 * a subscribe function that returns a disposable. Listeners added or removed while firing take effect for the
 * next event.
 */
import type { Disposable } from '../../pkg/disposable.js';

export type Event<T> = (listener: (e: T) => void) => Disposable;

export class EventEmitter<T> {
  private listeners: Array<(e: T) => void> = [];

  readonly event: Event<T> = (listener) => {
    this.listeners = [...this.listeners, listener];
    return {
      dispose: (): void => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  };

  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }

  get listenerCount(): number {
    return this.listeners.length;
  }

  dispose(): void {
    this.listeners = [];
  }
}
