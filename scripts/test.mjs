#!/usr/bin/env node
// Runs every suite the project has (typecheck, lint, unit/property/scenario tests, browser tests, the npm
// package's test) and ends with one line `N passed, N failed` summing them all, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const stages = [];
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function check(name, cmd, args) {
  if (!want(name)) return;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const ok = run(cmd, args);
  stages.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function vitest(name, extra) {
  if (!want(name)) return;
  const out = join(mkdtempSync(join(tmpdir(), 'dockersim-')), 'report.json');
  console.log(`\n=== ${name}: vitest run ${extra.join(' ')}`);
  const ok = run('npx', ['vitest', 'run', ...extra, '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  let passed = 0;
  let failed = ok ? 0 : 1;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
    if (report.numTotalTests === 0) failed += 1; // a suite that ran nothing is a failure, not a pass
  }
  stages.push({ name, passed, failed });
}

check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
check('typecheck-core', 'npx', ['tsc', '-p', 'tsconfig.core.json']);
check('lint', 'npx', ['eslint', '.']);
vitest('unit', []);
if (want('e2e')) {
  if (!existsSync('/usr/bin/chromium')) {
    if (process.getuid?.() === 0) run('bash', ['scripts/install-chromium.sh']);
  }
  if (existsSync('/usr/bin/chromium')) vitest('e2e', ['-c', 'test/e2e/vitest.config.ts']);
  else {
    console.log('\n=== e2e: SKIPPED — /usr/bin/chromium is missing (run scripts/install-chromium.sh as root)');
    stages.push({ name: 'e2e', passed: 0, failed: 1 });
  }
}

// The npm package as a docs site uses it (test/package): packs it, installs it outside the repository (npm
// registry or npm's cache), builds three sample sites and drives them in Chromium.
if (want('package')) {
  if (existsSync('/usr/bin/chromium')) vitest('package', ['-c', 'test/package/vitest.config.ts']);
  else {
    console.log('\n=== package: SKIPPED — /usr/bin/chromium is missing (run scripts/install-chromium.sh as root)');
    stages.push({ name: 'package', passed: 0, failed: 1 });
  }
}

console.log('\n=== summary');
for (const s of stages) console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed`);
const passed = stages.reduce((a, s) => a + s.passed, 0);
const failed = stages.reduce((a, s) => a + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
