/**
 * What runs when an image ships a binary that dockersim does not simulate (yet). Fidelity rule 3: say so
 * plainly instead of printing output that only looks real.
 */
import type { Program } from '../../engine/kernel/sys.js';

export const unsimulated: Program = async (sys) => {
  const name = (sys.argv[0] ?? '').split('/').pop() || 'program';
  await sys.write(2, `${name}: this program is not simulated in dockersim\n`);
  return 126;
};
