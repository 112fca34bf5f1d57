/** The nginx family: one program per build (builds.ts), so `nginx -v` says what the package or image holds. */
import type { Program } from '../../engine/kernel/sys.js';
import { BUILDS, type BuildName } from './builds.js';
import { makeNginx } from './nginx.js';

export const programs: Readonly<Record<string, Program>> = Object.fromEntries(
  (Object.keys(BUILDS) as BuildName[]).map((name) => [name, makeNginx(name)]),
);
