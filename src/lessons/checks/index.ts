/** Every check kind, by name. Adding a kind: a module here, its type in types.ts, a row in lessons/README.md. */
import { buildCheck } from './build.js';
import { containerCheck } from './container.js';
import { daemonCheck } from './daemon.js';
import { envCheck } from './env.js';
import { fileCheck } from './file.js';
import { foregroundCheck } from './foreground.js';
import { groupCheck } from './group.js';
import { hostFileCheck } from './hostFile.js';
import { httpCheck } from './http.js';
import { imageCheck } from './image.js';
import { logCheck } from './log.js';
import { mountCheck } from './mount.js';
import { networkCheck } from './network.js';
import { portCheck } from './port.js';
import { processCheck } from './process.js';
import { ranCheck } from './ran.js';
import { registryCheck } from './registry.js';
import { resolvesCheck } from './resolves.js';
import { volumeCheck } from './volume.js';
import type { Check, CheckDefinition, CheckKind } from './types.js';

export const CHECKS: { readonly [K in CheckKind]: CheckDefinition<Extract<Check, { kind: K }>> } = {
  container: containerCheck,
  image: imageCheck,
  log: logCheck,
  file: fileCheck,
  foreground: foregroundCheck,
  env: envCheck,
  group: groupCheck,
  daemon: daemonCheck,
  ran: ranCheck,
  process: processCheck,
  port: portCheck,
  mount: mountCheck,
  network: networkCheck,
  volume: volumeCheck,
  resolves: resolvesCheck,
  hostFile: hostFileCheck,
  registry: registryCheck,
  build: buildCheck,
  http: httpCheck,
};

export function isCheckKind(k: string): k is CheckKind {
  return Object.prototype.hasOwnProperty.call(CHECKS, k);
}

export function definitionOf(kind: CheckKind): CheckDefinition {
  return CHECKS[kind] as unknown as CheckDefinition;
}
