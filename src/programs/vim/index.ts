/** The vim family: Ubuntu's vim.basic (run as vim, vi) and busybox's vi applet, loaded as one chunk. */
import type { Program } from '../../engine/kernel/sys.js';
import { busyboxVi, vim } from './vim.js';

export const programs: Readonly<Record<string, Program>> = { vim, 'vim.basic': vim, 'vim.tiny': vim, 'busybox-vi': busyboxVi };
