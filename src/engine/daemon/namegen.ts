/** The random `adjective_surname` container names (moby pkg/namesgenerator) and daemon.generateNewName. */
import type { Prng } from '../kernel/prng.js';
import { conflict } from '../../pkg/errdefs.js';
import { shortID } from './ids.js';
import { nameConflictMessage, type NameRegistry } from './names.js';
import { ADJECTIVES, SURNAMES } from './words.js';

/** GetRandomName: from the second try on (`retry > 0`) a digit is appended. Never `boring_wozniak`. */
export function getRandomName(prng: Pick<Prng, 'int'>, retry: number): string {
  let name: string;
  do {
    name = `${ADJECTIVES[prng.int(ADJECTIVES.length)]}_${SURNAMES[prng.int(SURNAMES.length)]}`;
  } while (name === 'boring_wozniak'); // Steve Wozniak is not boring
  return retry > 0 ? `${name}${prng.int(10)}` : name;
}

/** daemon.generateNewName: six random tries (digits from the second), then the short ID. */
export function generateNewName(names: NameRegistry, id: string, prng: Pick<Prng, 'int'>): string {
  for (let i = 0; i < 6; i++) {
    const name = `/${getRandomName(prng, i)}`;
    if (names.tryReserve(name, id)) return name;
  }
  const fallback = `/${shortID(id)}`;
  if (!names.tryReserve(fallback, id)) throw conflict(nameConflictMessage(fallback, names.get(fallback)!));
  return fallback;
}
