/**
 * The host's and the images' utilities as one chunk the page loads on demand: coreutils, procps, iproute2,
 * sudo, shadow-utils, busybox… A login needs only a few of them before its first prompt; those stay in the
 * first chunk (see LOGIN_PROGRAMS in ./registry.ts).
 */
import type { Program } from '../engine/kernel/sys.js';
import { busybox } from './busybox/index.js';
import { coreutils } from './coreutils/index.js';
import { dockerInit } from './init/dockerInit.js';
import { system } from './system/index.js';

export const utilities: Readonly<Record<string, Program>> = { ...coreutils, ...system, busybox, 'docker-init': dockerInit };
