// Lint guards the architecture: one-way layers with src/pkg (moby's pkg/ and the Go libraries it vendors) at the
// bottom, no cycles, and no real time or randomness in the simulation (the kernel clock and seeded PRNG are the
// only sources), so sessions replay exactly.
import tseslint from 'typescript-eslint';
import noCycle from './scripts/lint-no-cycle.mjs';

const layer = (from, forbidden) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((f) => ({
          group: [`**/${f}/**`, `**/${f}`],
          message: `src/${from} must not import from src/${f} (layers depend one way: pkg ← kernel ← fs ← daemon ← api ← cli/programs ← machine ← lessons ← ui/node).`,
        })),
      },
    ],
  },
});

const nondeterminism = {
  files: ['src/pkg/**/*.ts', 'src/engine/**/*.ts', 'src/programs/**/*.ts', 'src/machine/**/*.ts'],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'Date', property: 'now', message: 'Use the kernel clock (sys.now()).' },
      { object: 'Math', property: 'random', message: 'Use the seeded PRNG (sys.random()).' },
      { object: 'performance', property: 'now', message: 'Use the kernel clock.' },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'setTimeout', message: 'Use timers on the virtual clock.' },
      { name: 'setInterval', message: 'Use timers on the virtual clock.' },
      { name: 'setImmediate', message: 'Use timers on the virtual clock.' },
      { name: 'queueMicrotask', message: 'Let the scheduler order work.' },
      { name: 'process', message: 'No Node globals in the simulation.' },
      { name: 'window', message: 'No DOM in the simulation.' },
      { name: 'document', message: 'No DOM in the simulation.' },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads real time; pass the virtual time.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [tseslint.configs.base],
    plugins: { dockersim: { rules: { 'no-cycle': noCycle } } },
    rules: {
      // Type-only imports count: a circle of them is still two files that cannot be read one without the
      // other (import-x/no-cycle always skips them, so it is not used).
      'dockersim/no-cycle': 'error',
      'no-debugger': 'error',
    },
  },
  layer('pkg', ['engine', 'api', 'cli', 'programs', 'machine', 'lessons', 'ui', 'node']),
  layer('engine/kernel', ['engine/fs', 'engine/daemon', 'engine/rootfs', 'api', 'cli', 'programs', 'machine', 'lessons', 'ui', 'node']),
  layer('engine/fs', ['engine/daemon', 'engine/rootfs', 'api', 'cli', 'programs', 'machine', 'lessons', 'ui', 'node']),
  layer('engine/rootfs', ['engine/daemon', 'api', 'cli', 'programs', 'machine', 'lessons', 'ui', 'node']),
  layer('engine/daemon', ['api', 'cli', 'programs', 'machine', 'lessons', 'ui', 'node']),
  layer('api', ['cli', 'programs', 'machine', 'lessons', 'ui', 'node']),
  layer('cli', ['programs', 'machine', 'lessons', 'ui', 'node']),
  layer('programs', ['machine', 'lessons', 'ui', 'node']),
  layer('machine', ['lessons', 'ui', 'node']),
  layer('lessons', ['ui', 'node']),
  nondeterminism,
);
