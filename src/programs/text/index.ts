/**
 * The text and archive tools a Dockerfile reaches for: GNU sed, mawk (Ubuntu's awk), GNU tar and gzip, and
 * busybox's applets of the same names. One chunk, loaded the first time one of them runs.
 */
import type { Program } from '../../engine/kernel/sys.js';
import { BANNER } from '../busybox/banner.js';
import { busyboxAwk, mawk } from './awk/main.js';
import { gzip } from './gzip.js';
import { sed } from './sed.js';
import { tar } from './tar.js';

export const programs: Readonly<Record<string, Program>> = { sed, mawk, tar, gzip };

/**
 * What busybox's applets of these names run. awk is busybox's own dialect; sed, tar and gzip (gunzip, zcat
 * by argv[0]) are the GNU programs: their ordinary output is the same, some options and messages are GNU's.
 */
export const busyboxPrograms: Readonly<Record<string, Program>> = { awk: busyboxAwk(BANNER), sed, tar, gzip, gunzip: gzip, zcat: gzip };
