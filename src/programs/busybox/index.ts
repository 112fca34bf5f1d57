/** The busybox binary, wired to the shell helper's interpreter for `sh`/`ash`. */
import type { Program } from '../../engine/kernel/sys.js';
import { runShell } from '../shell/index.js';
import { makeBusybox } from './dispatch.js';

export const busybox: Program = makeBusybox(runShell);
