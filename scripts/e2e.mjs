#!/usr/bin/env node
// Runs the real-browser tests (test/e2e) with vitest. Extra arguments go to vitest (e.g. a file filter).
// Set DOCKERSIM_E2E_DIST to test an existing build instead of building into a temporary folder.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`e2e: ${chromium} not found; install it with: sh scripts/install-chromium.sh`);
  process.exit(1);
}
const args = ['vitest', 'run', '-c', 'test/e2e/vitest.config.ts', ...process.argv.slice(2)];
const root = fileURLToPath(new URL('..', import.meta.url));
const r = spawnSync('npx', args, { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
