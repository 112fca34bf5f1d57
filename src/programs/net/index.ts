/**
 * The network tools, one chunk: curl, wget, ping, traceroute, nc, dig/nslookup/host, ss, netstat, ifconfig
 * (Ubuntu 24.04's packages), and the busybox applets of the same names, which busybox loads from here; and
 * the web preview's client (forward.ts), an HTTP client like curl.
 */
import type { Program } from '../../engine/kernel/sys.js';
import { curl } from './curl.js';
import { busyboxNslookup, dig, getentHosts, host, nslookup } from './dns.js';
import { busyboxIfconfig, ifconfig } from './ifconfig.js';
import { busyboxNc, nc } from './nc.js';
import { busyboxPing, ping } from './ping.js';
import { busyboxNetstat, netstat, ss } from './sockets.js';
import { iptables } from './iptables.js';
import { traceroute } from './traceroute.js';
import { busyboxWget, wget } from './wget.js';

export { getentHosts };
export { exchange as forwardRequest } from './forward.js';

export const programs: Readonly<Record<string, Program>> = {
  curl, wget, ping, traceroute, nc, dig, nslookup, host, ss, netstat, ifconfig, iptables,
};

/** busybox's applets of this family, by applet name. */
export const busybox: Readonly<Record<string, Program>> = {
  wget: busyboxWget, ping: busyboxPing, nc: busyboxNc, nslookup: busyboxNslookup, ifconfig: busyboxIfconfig,
  netstat: busyboxNetstat,
};
