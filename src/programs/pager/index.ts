/** The pager family: less, more (util-linux) and man-db's man. */
import type { Program } from '../../engine/kernel/sys.js';
import { man } from './man.js';

export const programs: Readonly<Record<string, Program>> = { man };
