/**
 * A docs site's project in a fresh temporary folder outside the repository: the packed tarball installed
 * with what such a site has (React, Vite and its React plugin, VitePress). Third-party packages are installed
 * once per lockfile into a cache folder beside it and copied from there; the tarball is installed fresh each
 * time, by npm, as a docs author would.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** What the sample sites use, at the versions the repository builds with (VitePress: its current release). */
function siteDependencies(): Record<string, string> {
  const version = (name: string): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    react: version('react'),
    'react-dom': version('react-dom'),
    vite: version('vite'),
    '@vitejs/plugin-react': version('@vitejs/plugin-react'),
    vitepress: '1.6.4',
  };
}

const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

function npm(cwd: string, args: string[]): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, npm_config_update_notifier: 'false' } });
}

/** Builds the package and packs it; returns the tarball's path (in `into`). */
export function buildAndPack(into: string): string {
  execFileSync('npm', ['run', '-s', 'build:lib'], { cwd: ROOT, stdio: 'inherit' });
  const out = npm(ROOT, ['pack', './dist-lib', '--pack-destination', into, '--json', '--loglevel=error']);
  const [{ filename }] = JSON.parse(out) as { filename: string }[];
  return join(into, filename);
}

/** The site's folder with node_modules ready and the tarball installed. */
export function siteProject(tarball: string): string {
  const deps = siteDependencies();
  const key = createHash('sha256').update(readFileSync(join(ROOT, 'package-lock.json'))).update(JSON.stringify(deps)).digest('hex').slice(0, 16);
  const cache = join(tmpdir(), `dockersim-package-deps-${key}`);
  if (!existsSync(join(cache, 'node_modules/.package-lock.json'))) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'package.json'), JSON.stringify({ name: 'docs-site', private: true, type: 'module', dependencies: deps }, null, 2));
    npm(cache, ['install', ...NPM_FLAGS]);
  }
  const site = mkdtempSync(join(tmpdir(), 'dockersim-site-'));
  if (site.startsWith(ROOT)) throw new Error(`${site} is inside the repository`);
  for (const f of ['package.json', 'package-lock.json', 'node_modules']) cpSync(join(cache, f), join(site, f), { recursive: true, verbatimSymlinks: true });
  npm(site, ['install', ...NPM_FLAGS, tarball]);
  cpSync(join(ROOT, 'test/package/fixtures'), site, { recursive: true });
  return site;
}

/** Runs a tool the site installed (`vite`, `vitepress`) from the site's folder. */
export function siteTool(site: string, bin: string, args: string[]): void {
  // A production build, as a docs site deploys (vitest runs this with NODE_ENV=test: React's development build).
  execFileSync(join(site, 'node_modules/.bin', bin), args, { cwd: site, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
}
