/** The registry container's program family: docker/distribution's `registry` binary. */
import type { Program } from '../../engine/kernel/sys.js';
import { registry } from './registry.js';

export const programs: Readonly<Record<string, Program>> = { registry };
