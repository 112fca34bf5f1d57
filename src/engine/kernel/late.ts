/**
 * Code a machine runs only after its first prompt, which a page fetches once that prompt is on screen
 * (machine/late.ts). A slot sits beside the code that calls into it, in the first chunk; the late chunk fills
 * every slot when it loads. Until then the machine is held at its first idle moment after the prompt
 * (Kernel.holdWhenIdle), so no process can reach an empty slot: one that did would be a boot running code the
 * first chunk does not have, and says so instead of doing something else.
 */
let uses = 0;

/** How many times a machine reached into a slot: a test holds it at 0 from boot to the first prompt. */
export function lateCodeUses(): number {
  return uses;
}

export class LateSlot<T> {
  private value: T | undefined;

  constructor(private readonly what: string) {}

  provide(value: T): void {
    this.value = value;
  }

  get(): T {
    uses++;
    if (this.value === undefined) throw new Error(`${this.what} ran before the code loaded after the first prompt (machine/late.ts) was there`);
    return this.value;
  }
}

let loaded = false;

/** True once the late code is there (machine/late.ts ran): a machine booted then is never held for it. */
export function lateCodeLoaded(): boolean {
  return loaded;
}

export function markLateCodeLoaded(): void {
  loaded = true;
}
