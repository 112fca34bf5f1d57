/** The pager family: less, more (util-linux) and man-db's man. */
import type { Program } from '../../engine/kernel/sys.js';
import { less } from './less.js';
import { man } from './man.js';
import { more } from './more.js';

export const programs: Readonly<Record<string, Program>> = { less, man, more };
