/** true and false: --help/--version only as the sole argument; everything else ignored. */
import type { Program } from '../../engine/kernel/sys.js';
import { helpText, versionText } from './common.js';

function constant(name: 'true' | 'false', status: number): Program {
  return async (sys) => {
    const a = sys.argv[1];
    if (sys.argv.length === 2 && (a === '--help' || a === '--version')) {
      await sys.write(1, a === '--help' ? await helpText(sys, name) : versionText({ name, authors: 'Written by Jim Meyering.' }));
    }
    return status;
  };
}

export const trueProgram = constant('true', 0);
export const falseProgram = constant('false', 1);
