/**
 * Alpine's package manager, its own chunk: apk-tools 2.14 over the offline v3.21 index.
 */
import type { Program } from '../../engine/kernel/sys.js';
import { apk } from './apk.js';

export const programs: Readonly<Record<string, Program>> = { apk };
