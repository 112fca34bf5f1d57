/**
 * `npm run build:lib`: the npm package, in dist-lib/ (then `npm pack ./dist-lib`). Three Vite builds and the
 * declarations:
 *
 * - browser/: `index.js` (`<DockerSim>`) and `element.js` (`<docker-sim>`), ES modules with React and
 *   react-dom left to the page (peer dependencies) and everything else bundled, code split as the app is: the
 *   simulator's chunk loads when a component mounts, the Docker half at the first docker command, the
 *   utilities and the program families when run, the lessons when a lesson opens. `style.css` beside it.
 * - standalone/docker-sim.js: the element with React inside, for a `<script type="module">` on a page with
 *   no bundler (its chunks load relative to it).
 * - node/index.js: `run()` for Node (src/node/api.ts), with @xterm/headless inside.
 * - types/: the public entries' declarations, emitted by TypeScript's own declaration emitter per file (the
 *   entries spell out their types, so no whole-program pass is needed), then type-checked together.
 *
 * The package has its own package.json (written here from the repository's name and version): the app's
 * dependencies are bundled, so a docs site that installs it gets no dependencies but its React.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import ts from 'typescript';
import { build, type InlineConfig } from 'vite';
import { bootChunk } from './bootChunk.js';
import { lessonCatalog } from './lessonCatalogPlugin.js';

// A production build whoever runs it (the package test runs it from vitest, where NODE_ENV is `test` and
// the React plugin would emit jsxDEV calls, which production React does not have).
process.env.NODE_ENV = 'production';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist-lib');
const REACT = [/^react($|\/)/, /^react-dom($|\/)/];

const common = (outDir: string): InlineConfig => ({
  configFile: false,
  mode: 'production',
  root: ROOT,
  logLevel: 'warn',
  base: './',
  build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, minify: true, reportCompressedSize: false },
});

async function browser(): Promise<void> {
  const c = common(join(OUT, 'browser'));
  const boot = bootChunk();
  await build({
    ...c,
    plugins: [react(), lessonCatalog(ROOT), boot.plugin],
    build: {
      ...c.build,
      cssCodeSplit: false,
      chunkSizeWarningLimit: 2048,
      lib: {
        entry: { index: join(ROOT, 'src/ui/package/index.ts'), element: join(ROOT, 'src/ui/package/element.ts') },
        formats: ['es'],
        cssFileName: 'style',
      },
      rolldownOptions: {
        external: REACT,
        checks: { pluginTimings: false },
        output: { chunkFileNames: 'chunks/[name]-[hash].js', codeSplitting: { groups: [boot.group] } },
      },
    },
  });
}

async function standalone(): Promise<void> {
  const c = common(join(OUT, 'standalone'));
  await build({
    ...c,
    plugins: [react(), lessonCatalog(ROOT)],
    // No bundler after this one: React's own switch is decided here.
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      ...c.build,
      cssCodeSplit: false,
      chunkSizeWarningLimit: 2048,
      lib: { entry: { 'docker-sim': join(ROOT, 'src/ui/package/element.ts') }, formats: ['es'], cssFileName: 'style' },
      rolldownOptions: { checks: { pluginTimings: false }, output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  });
  // The element injects its styles itself; the extracted copy is not needed here.
  rmSync(join(OUT, 'standalone/style.css'), { force: true });
}

async function node(): Promise<void> {
  const c = common(join(OUT, 'node'));
  await build({
    ...c,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ...c.build,
      minify: false,
      ssr: join(ROOT, 'src/node/api.ts'),
      target: 'node20',
      rolldownOptions: { checks: { pluginTimings: false }, output: { entryFileNames: 'index.js', chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  });
}

/** Source file → declaration file in types/ (relative imports between them keep working). */
const DECLARATIONS: Readonly<Record<string, string>> = {
  'src/ui/package/index.ts': 'index.d.ts',
  'src/ui/package/DockerSim.tsx': 'DockerSim.d.ts',
  'src/ui/package/props.ts': 'props.d.ts',
  'src/ui/package/element.ts': 'element.d.ts',
  'src/node/api.ts': 'node.d.ts',
};

function declarations(): void {
  const dir = join(OUT, 'types');
  mkdirSync(dir, { recursive: true });
  for (const [src, out] of Object.entries(DECLARATIONS)) {
    const r = ts.transpileDeclaration(readFileSync(join(ROOT, src), 'utf8'), {
      fileName: src,
      compilerOptions: { jsx: ts.JsxEmit.ReactJSX, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, isolatedDeclarations: true },
      reportDiagnostics: true,
    });
    if (r.diagnostics?.length) {
      throw new Error(`${src}: ${ts.formatDiagnostics(r.diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' })}`);
    }
    // The element's own module declaration is not part of its public surface.
    const text = r.outputText.replace(/^import .*\.css\?inline';\n/m, '');
    writeFileSync(join(dir, out), text);
  }
  // They must stand alone: every relative import resolves inside types/, and the set type-checks.
  for (const f of readdirSync(dir)) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const target = join(dir, m[1].replace(/\.js$/, '.d.ts'));
      if (!readdirSync(dirname(target)).includes(target.slice(dirname(target).length + 1))) throw new Error(`types/${f} imports ${m[1]}, which is not shipped`);
    }
  }
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', 'false', '--module', 'esnext', '--moduleResolution', 'bundler',
    '--target', 'es2022', '--jsx', 'react-jsx', '--types', 'react,node', ...readdirSync(dir).map((f) => join(dir, f))], { cwd: ROOT, stdio: 'inherit' });
}

function manifest(): void {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; description: string };
  // The version the package is built and tested with.
  const react = '^19.0.0';
  const pkg = {
    name: root.name,
    version: root.version,
    description: root.description,
    type: 'module',
    main: './browser/index.js',
    module: './browser/index.js',
    types: './types/index.d.ts',
    exports: {
      '.': { types: './types/index.d.ts', default: './browser/index.js' },
      './element': { types: './types/element.d.ts', default: './browser/element.js' },
      './node': { types: './types/node.d.ts', default: './node/index.js' },
      './style.css': './browser/style.css',
      './standalone/docker-sim.js': './standalone/docker-sim.js',
      './package.json': './package.json',
    },
    files: ['browser', 'standalone', 'node', 'types', 'README.md'],
    // Only the entries are pure: the element registers itself, CSS is a side effect, and a chunk may be
    // imported for what it does.
    sideEffects: ['./browser/element.js', './browser/chunks/*', './standalone/**', './node/**', '*.css'],
    peerDependencies: { react, 'react-dom': react },
    engines: { node: '>=20' },
  };
  writeFileSync(join(OUT, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  copyFileSync(join(ROOT, 'src/ui/package/README.md'), join(OUT, 'README.md'));
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
await browser();
await standalone();
await node();
declarations();
manifest();
