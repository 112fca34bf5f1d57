/**
 * The host's PID 1 (standing in for systemd). It owns the orphans the kernel reparents to it and otherwise
 * sleeps; services (dockerd) and login terminals are started under it by the machine.
 */
import type { Program } from '../../engine/kernel/sys.js';

export const init: Program = async (sys) => {
  for (;;) await sys.pause();
};
