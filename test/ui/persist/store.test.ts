/** The page's session store: the early read index.html starts before any module runs. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { idbSessionStore } from '../../../src/ui/persist/store.js';

const g = globalThis as { dockersimSaved?: Promise<unknown> };

afterEach(() => {
  g.dockersimSaved = undefined;
});

describe('the early read', () => {
  it('answers the first load of the page store, once; the next load reads IndexedDB', async () => {
    const store = idbSessionStore('dockersim', 'sessions', null);
    await store.save('{"in":"idb"}');
    g.dockersimSaved = Promise.resolve('{"read":"early"}');
    expect(await store.load()).toEqual(['{"read":"early"}']);
    expect(g.dockersimSaved).toBeUndefined();
    expect(await store.load()).toEqual(['{"in":"idb"}']);
    await store.clear();
  });

  it('is no answer when it failed: the store reads IndexedDB itself', async () => {
    const store = idbSessionStore('dockersim', 'sessions', null);
    await store.save('{"in":"idb"}');
    g.dockersimSaved = Promise.reject(new Error('blocked'));
    expect(await store.load()).toEqual(['{"in":"idb"}']);
    await store.clear();
  });

  it('belongs to the page store only (an embedded example keeps its own database)', async () => {
    const store = idbSessionStore('dockersim-embed-x', 'sessions', null);
    g.dockersimSaved = Promise.resolve('{"read":"early"}');
    expect(await store.load()).toEqual([]);
    expect(g.dockersimSaved).toBeDefined();
  });
});

describe('the kept machine', () => {
  it('is kept beside the session, and a swap shows it and keeps the one shown, in one go', async () => {
    const store = idbSessionStore('dockersim-kept', 'sessions', null);
    expect(await store.kept()).toBeUndefined();
    await store.save('{"machine":"own"}');
    await store.keep('{"machine":"own"}');
    await store.save('{"machine":"lesson"}');
    expect(await store.load()).toEqual(['{"machine":"lesson"}']);
    await store.swap('{"machine":"own","carried":1}', '{"machine":"lesson"}');
    expect(await store.load()).toEqual(['{"machine":"own","carried":1}']);
    expect(await store.kept()).toBe('{"machine":"lesson"}');
    // Reset clears the machine shown, never the kept one.
    await store.clear();
    expect(await store.kept()).toBe('{"machine":"lesson"}');
  });
});
