/**
 * The network tools, one chunk: curl, wget, ping, traceroute, nc, dig/nslookup/host, ss, netstat, ifconfig
 * (Ubuntu 24.04's packages), and the busybox applets of the same names, which busybox loads from here.
 */
import type { Program } from '../../engine/kernel/sys.js';
import { curl } from './curl.js';

export const programs: Readonly<Record<string, Program>> = { curl };

/** busybox's applets of this family, by applet name. */
export const busybox: Readonly<Record<string, Program>> = {};
