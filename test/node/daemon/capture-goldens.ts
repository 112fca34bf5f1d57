/**
 * Captures testdata/real/*.golden: the real docker CLI 28.2.2 (on PATH, or DOCKERSIM_DOCKER_BIN) runs goldens.ts's
 * STEPS against the simulated daemon, and what it prints is written as is. Run from the repo root:
 * `npx tsx test/node/daemon/capture-goldens.ts`, then review `git diff`. Only this script writes those files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { daemon, goldenPath, realStep, realWorkdir, render, REAL_GOLDENS, STEPS } from './goldens.js';

const d = await daemon();
const cwd = realWorkdir();
mkdirSync(REAL_GOLDENS, { recursive: true });
try {
  for (const step of STEPS) {
    const o = await realStep(d, cwd, step);
    writeFileSync(goldenPath(step), render(step, o));
    process.stdout.write(`${step.name}: exit ${o.exit}\n`);
  }
} finally {
  await d.close();
  rmSync(cwd, { recursive: true, force: true });
}
process.exit(0);
