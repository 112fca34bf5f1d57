/** System programs: procps, iproute2, sudo, util-linux su, shadow-utils and friends. */
import type { Program } from '../../engine/kernel/sys.js';
import { getent, groups } from './groups.js';
import { hello } from './hello.js';
import { ip } from './ip.js';
import { newgrp } from './newgrp.js';
import { free } from './procps/free.js';
import { kill } from './procps/kill.js';
import { pgrep, pkill } from './procps/pgrep.js';
import { ps } from './procps/ps.js';
import { top } from './procps/top.js';
import { uptime } from './procps/uptime.js';
import { gpasswd, groupadd, useradd, usermod } from './shadow.js';
import { su } from './su.js';
import { sudo } from './sudo.js';
import { tset } from './tset.js';

export const system: Record<string, Program> = {
  ps, kill, pkill, pgrep, free, uptime, top, ip, sudo, su, usermod, useradd, groupadd, gpasswd, newgrp, groups, getent, hello, tset,
};
