/** The nano family: GNU nano, one build per Ubuntu release (contract 3: the binary's name is the build). */
import type { Program } from '../../engine/kernel/sys.js';
import { makeNano } from './nano.js';

export const programs: Readonly<Record<string, Program>> = {
  nano: makeNano('7.2'),
  'nano-6.2': makeNano('6.2'),
};
