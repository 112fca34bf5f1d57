/**
 * The text and archive tools a Dockerfile reaches for: GNU sed, mawk (Ubuntu's awk), GNU tar and gzip, and
 * busybox's applets of the same names. One chunk, loaded the first time one of them runs.
 */
import type { Program } from '../../engine/kernel/sys.js';
import { mawk } from './awk/main.js';
import { gzip } from './gzip.js';
import { sed } from './sed.js';
import { tar } from './tar.js';

export const programs: Readonly<Record<string, Program>> = { sed, mawk, tar, gzip };
