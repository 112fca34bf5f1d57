/**
 * The Redis family: redis-server and redis-cli for each build the simulator ships (see builds.ts). Other
 * binaries of the packages (redis-benchmark, redis-check-rdb, redis-check-aof) are not registered, so they run
 * as "not simulated".
 */
import type { Program } from '../../engine/kernel/sys.js';
import { BUILDS, programName } from './builds.js';
import { makeRedisCli } from './cli.js';
import { makeRedisServer } from './server.js';
import { setpriv } from './setpriv.js';

export const programs: Readonly<Record<string, Program>> = Object.fromEntries(
  Object.entries(BUILDS).flatMap(([version, build]) => [
    [programName('redis-server', version), makeRedisServer(build)],
    [programName('redis-cli', version), makeRedisCli(build)],
  ]).concat([['setpriv', setpriv]]),
);
