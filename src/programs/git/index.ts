/** The git family: git itself, loaded the first time a machine runs it. */
import type { Program } from '../../engine/kernel/sys.js';
import { git } from './git.js';

export const programs: Readonly<Record<string, Program>> = { git };
