import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/engine/kernel/prng.js';
import { isDaemonError } from '../../../src/pkg/errdefs.js';
import { generateNewName, getRandomName } from '../../../src/engine/daemon/namegen.js';
import { NameRegistry, validateContainerName, VALID_CONTAINER_NAME_PATTERN } from '../../../src/engine/daemon/names.js';
import { ADJECTIVES, SURNAMES } from '../../../src/engine/daemon/words.js';

const ID_A = 'a'.repeat(64);
const ID_B = 'b1'.repeat(32);

/** A fake source that replays fixed integers (each taken modulo n). */
const fixed = (...seq: number[]): { int(n: number): number } => {
  let i = 0;
  return { int: (n: number) => seq[i++ % seq.length] % n };
};

describe('word lists', () => {
  it('hold ~100 adjectives and ~200 surnames of lower-case letters, no duplicates', () => {
    expect(ADJECTIVES.length).toBeGreaterThanOrEqual(100);
    expect(SURNAMES.length).toBeGreaterThanOrEqual(200);
    for (const w of [...ADJECTIVES, ...SURNAMES]) expect(w).toMatch(/^[a-z]+$/);
    expect(new Set(ADJECTIVES).size).toBe(ADJECTIVES.length);
    expect(new Set(SURNAMES).size).toBe(SURNAMES.length);
  });
});

describe('getRandomName', () => {
  it('is adjective_surname, with one digit from the second try', () => {
    expect(getRandomName(fixed(0, 0), 0)).toBe(`${ADJECTIVES[0]}_${SURNAMES[0]}`);
    expect(getRandomName(fixed(0, 0, 7), 1)).toBe(`${ADJECTIVES[0]}_${SURNAMES[0]}7`);
  });

  it('never returns boring_wozniak', () => {
    const b = ADJECTIVES.indexOf('boring');
    const w = SURNAMES.indexOf('wozniak');
    expect(b).toBeGreaterThanOrEqual(0);
    expect(w).toBeGreaterThanOrEqual(0);
    expect(getRandomName(fixed(b, w, 0, 0), 0)).toBe(`${ADJECTIVES[0]}_${SURNAMES[0]}`);
  });
});

describe('validateContainerName', () => {
  it("uses docker's exact message", () => {
    expect(validateContainerName('bad name!')?.message).toBe(
      'Invalid container name (bad name!), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
    );
    expect(validateContainerName('bad name!')?.kind).toBe('InvalidParameter');
  });

  it.each([['web'], ['/web'], ['a1'], ['my.app-1_x'], ['9lives']])('accepts %s', (n) => {
    expect(validateContainerName(n)).toBeNull();
  });

  it.each([['a'], ['-web'], ['_x'], ['.x'], ['we b'], [''], ['//x'], ['x/y']])('rejects %j', (n) => {
    expect(validateContainerName(n)).not.toBeNull();
  });
});

describe('NameRegistry', () => {
  it('reserves with a leading slash and reports the owner on conflict', () => {
    const r = new NameRegistry();
    expect(r.reserveName(ID_A, 'daemon_dave')).toBe('/daemon_dave');
    expect(r.reserveName(ID_A, '/daemon_dave')).toBe('/daemon_dave'); // idempotent for the owner
    let err: unknown;
    try {
      r.reserveName(ID_B, 'daemon_dave');
    } catch (e) {
      err = e;
    }
    expect(isDaemonError(err, 'Conflict')).toBe(true);
    expect((err as Error).message).toBe(
      `Conflict. The container name "/daemon_dave" is already in use by container "${ID_A}". ` +
        'You have to remove (or rename) that container to be able to reuse that name.',
    );
  });

  it('generateNewName retries six times, then falls back to the short ID', () => {
    const r = new NameRegistry();
    const same = fixed(0); // every draw collides: same words, digit 0
    expect(generateNewName(r, ID_A, same)).toBe(`/${ADJECTIVES[0]}_${SURNAMES[0]}`);
    expect(generateNewName(r, ID_B, same)).toBe(`/${ADJECTIVES[0]}_${SURNAMES[0]}0`);
    const third = 'c'.repeat(64);
    expect(generateNewName(r, third, same)).toBe('/cccccccccccc');
    expect(r.namesOf(third)).toEqual(['/cccccccccccc']);
  });

  it('rename: messages and effects', () => {
    const r = new NameRegistry();
    r.reserveName(ID_A, 'old');
    r.reserveName(ID_B, 'taken');
    const msg = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(msg(() => r.rename(ID_A, '/old', 'old', ''))).toBe('Neither old nor new names may be empty');
    expect(msg(() => r.rename(ID_A, '/old', 'old', 'old'))).toBe('Renaming a container with the same name as its current name');
    expect(msg(() => r.rename(ID_A, '/old', 'old', 'taken'))).toBe(
      `Error when allocating new name: Conflict. The container name "/taken" is already in use by container "${ID_B}". ` +
        'You have to remove (or rename) that container to be able to reuse that name.',
    );
    expect(msg(() => r.rename(ID_A, '/old', 'old', 'bad name'))).toBe(
      'Error when allocating new name: Invalid container name (/bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
    );
    expect(r.rename(ID_A, '/old', 'aaaa', 'new')).toBe('/new');
    expect(r.get('/old')).toBeUndefined();
    expect(r.get('/new')).toBe(ID_A);
  });

  it('property: generated names are unique and valid, whatever the seed and count', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 400 }), (seed, n) => {
        const prng = new Prng(seed);
        const r = new NameRegistry();
        const names = new Set<string>();
        for (let i = 0; i < n; i++) {
          const id = prng.hex(32);
          const name = generateNewName(r, id, prng);
          expect(VALID_CONTAINER_NAME_PATTERN.test(name)).toBe(true);
          expect(name.startsWith('/')).toBe(true);
          expect(name).not.toBe('/boring_wozniak');
          expect(names.has(name)).toBe(false);
          names.add(name);
          expect(r.get(name)).toBe(id);
        }
      }),
      { numRuns: 40 },
    );
  });
});
