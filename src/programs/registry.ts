/** Every simulated binary, by the name a file on the simulated disk gives (see engine/kernel/binfmt.ts). */
import type { Program } from '../engine/kernel/sys.js';
import { busybox } from './busybox/index.js';
import { coreutils } from './coreutils/index.js';
import { docker } from './docker/docker.js';
import { init } from './init/init.js';
import { service, systemctl } from './init/systemctl.js';
import { unsimulated } from './init/unsimulated.js';
import { shells } from './shell/index.js';
import { system } from './system/index.js';

/** `extra` holds the programs that need the machine's own state (dockerd and its engine). */
export function programRegistry(extra: Readonly<Record<string, Program>> = {}): Map<string, Program> {
  return new Map<string, Program>([
    ...Object.entries(extra),
    ...Object.entries(coreutils),
    ...Object.entries(system),
    ...Object.entries(shells),
    ['busybox', busybox],
    ['docker', docker],
    ['init', init],
    ['systemctl', systemctl],
    ['service', service],
    ['systemd', init],
    ['*', unsimulated],
  ]);
}
