/**
 * What each chunk of the one-`<DockerSim>` sample page (test/package/fixtures/react/one.html, built from the
 * sources as bench:web builds it) holds: for every JS chunk, its gzip size and the source files that fill it,
 * by minified bytes attributed through the source map (gzip shares each chunk's ratio). Issue 19's tool for
 * deciding what may leave the chunk a page loads before its first prompt.
 *
 * `--app`: the app (index.html, the repository's own build) instead. `--used` also loads the page in Chromium with V8's block coverage until its prompt is on screen and prints,
 * for the chunks fetched by then, how much of each source file ran (by minified bytes, gzip estimated by the
 * chunk's ratio): what never ran before the prompt is what could come later.
 *
 *   npx tsx scripts/chunk-map.ts [OUT_DIR] [--top N] [--used] [--app]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import { build } from 'vite';
import { launchBrowser, PROMPT } from '../test/e2e/browser.js';
import { serveStatic } from '../test/e2e/server.js';
import { buildPackagePage } from './packagePage.js';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const TOP = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const OUT = args.find((a, i) => !a.startsWith('--') && (topAt < 0 || i !== topAt + 1)) ?? '/tmp/dockersim-chunk-map';
const USED = args.includes('--used');

const APP = args.includes('--app');
const PAGE = APP ? '' : 'one.html';

if (APP) await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: OUT, emptyOutDir: true, sourcemap: true } });
else await buildPackagePage(OUT, { sourcemap: true, emptyOutDir: true });

interface SourceMap { sources: string[]; mappings: string }

const assets = join(OUT, 'assets');
const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
const rows = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => {
  const code = readFileSync(join(assets, f), 'utf8');
  let map: SourceMap = { sources: [], mappings: "" };
  try { map = JSON.parse(readFileSync(join(assets, `${f}.map`), "utf8")) as SourceMap; } catch { /* a chunk without a map (the bundler's runtime) */ }
  const lines = code.split('\n');
  const bySource = new Map<string, number>();
  decode(map.mappings).forEach((segs, line) => {
    const text = lines[line] ?? '';
    segs.forEach((s, i) => {
      const end = i + 1 < segs.length ? segs[i + 1][0] : text.length;
      const src = s[1] !== undefined ? map.sources[s[1]] : '(unmapped)';
      bySource.set(src, (bySource.get(src) ?? 0) + end - s[0]);
    });
  });
  const gz = gzipSync(code).length;
  return { f, raw: code.length, gz, bySource };
});
rows.sort((a, b) => b.gz - a.gz);
for (const r of rows) {
  console.log(`\n${r.f}: ${kib(r.gz)} gzip, ${kib(r.raw)} minified`);
  const ratio = r.gz / r.raw;
  // Folders first (two levels under src/ or node_modules/<pkg>), then the biggest files.
  const dirs = new Map<string, number>();
  for (const [s, n] of r.bySource) {
    const p = relative(ROOT, join(assets, s)).replace(/^.*node_modules\//, 'node_modules/');
    const key = p.startsWith('node_modules/') ? p.split('/').slice(0, p.split('/')[1].startsWith('@') ? 3 : 2).join('/') : p.split('/').slice(0, 3).join('/');
    dirs.set(key, (dirs.get(key) ?? 0) + n);
  }
  for (const [d, n] of [...dirs].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${kib(n * ratio).padStart(10)}  ${d}`);
  console.log('  files:');
  for (const [s, n] of [...r.bySource].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${kib(n * ratio).padStart(10)}  ${relative(ROOT, join(assets, s)).replace(/^.*node_modules\//, 'node_modules/')}`);
}

/** Byte offsets of `code` that ran (innermost block range with a count > 0), from V8's block coverage. */
function ranBytes(code: string, functions: readonly { ranges: readonly { startOffset: number; endOffset: number; count: number }[] }[]): Uint8Array {
  const ran = new Uint8Array(code.length);
  const ranges = functions.flatMap((f) => f.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  // Outer ranges first: an inner range (a block, a nested function) overrides its parent's count.
  for (const r of ranges) ran.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset);
  return ran;
}

const innerMaps = new Map<string, { sources: string[]; lines: number[][][] } | null>();
/** `src` (line, column) through the source map shipped beside it, if there is one: `src › its source`. */
function inner(src: string, line: number, column: number): string {
  if (!src.startsWith('node_modules/')) return src;
  let m = innerMaps.get(src);
  if (m === undefined) {
    try {
      const raw = JSON.parse(readFileSync(join(ROOT, `${src}.map`), 'utf8')) as SourceMap;
      m = { sources: raw.sources, lines: decode(raw.mappings) };
    } catch {
      m = null;
    }
    innerMaps.set(src, m);
  }
  if (!m) return src;
  const segs = m.lines[line] ?? [];
  let hit: number[] | undefined;
  for (const g of segs) if (g[0] <= column) hit = g; else break;
  return hit?.[1] !== undefined ? `${src} › ${m.sources[hit[1]].replace(/^(\.\.\/)+/, '')}` : src;
}

async function used(): Promise<void> {
  const server = await serveStatic(OUT);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    await page.coverage.startJSCoverage({ resetOnNavigation: false });
    await page.goto(`${server.url}${PAGE}`);
    await page.waitForFunction((prompt) => [...document.querySelectorAll('.xterm-rows > div')]
      .some((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd() === prompt), PROMPT.trimEnd(), { timeout: 120000, polling: 'raf' });
    const entries = await page.coverage.stopJSCoverage();
    const total = new Map<string, { all: number; ran: number }>();
    let chunksGz = 0;
    let ranGz = 0;
    const fetched: string[] = [];
    for (const e of entries) {
      const f = new URL(e.url).pathname.split('/').pop() ?? '';
      if (!f.endsWith('.js') || /^react-/.test(f)) continue;
      const code = e.source ?? readFileSync(join(assets, f), 'utf8');
      const ratio = gzipSync(code).length / code.length;
      chunksGz += gzipSync(code).length;
      fetched.push(code);
      console.log(`  fetched ${f}: ${kib(gzipSync(code).length)}`);
      const ran = ranBytes(code, e.functions);
      let map: SourceMap = { sources: [], mappings: '' };
      try { map = JSON.parse(readFileSync(join(assets, `${f}.map`), 'utf8')) as SourceMap; } catch { /* no map */ }
      const lineStart = [0];
      for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStart.push(i + 1);
      decode(map.mappings).forEach((segs, line) => {
        const base = lineStart[line] ?? code.length;
        const lineEnd = line + 1 < lineStart.length ? lineStart[line + 1] - 1 : code.length;
        segs.forEach((s, i) => {
          const from = base + s[0];
          const to = i + 1 < segs.length ? base + segs[i + 1][0] : lineEnd;
          let src = s[1] !== undefined ? relative(ROOT, join(assets, map.sources[s[1]])).replace(/^.*node_modules\//, 'node_modules/') : `(unmapped ${f})`;
          // A package shipped minified with its own source map (xterm.js): name its source file too.
          if (s[1] !== undefined && s[2] !== undefined && s[3] !== undefined) src = inner(src, s[2], s[3]);
          let n = 0;
          for (let k = from; k < to; k++) n += ran[k];
          const t = total.get(src) ?? { all: 0, ran: 0 };
          t.all += (to - from) * ratio;
          t.ran += n * ratio;
          ranGz += n * ratio;
          total.set(src, t);
        });
      });
    }
    console.log(`\nbefore the prompt, React aside: ${kib(chunksGz)} gzip fetched in ${fetched.length} chunks (${kib(gzipSync(fetched.join('\n')).length)} as one file); code that ran ≈ ${kib(ranGz)}, never ran ≈ ${kib(chunksGz - ranGz)}`);
    const dirs = new Map<string, { all: number; ran: number }>();
    for (const [s, t] of total) {
      const key = s.startsWith('node_modules/') ? s.split('/').slice(0, 3).join('/') : s.split('/').slice(0, 3).join('/');
      const d = dirs.get(key) ?? { all: 0, ran: 0 };
      d.all += t.all;
      d.ran += t.ran;
      dirs.set(key, d);
    }
    const show = (m: Map<string, { all: number; ran: number }>, n: number): void => {
      for (const [s, t] of [...m].sort((a, b) => b[1].all - b[1].ran - (a[1].all - a[1].ran)).slice(0, n)) {
        console.log(`  ${kib(t.all).padStart(10)} ${kib(t.all - t.ran).padStart(10)} never ran  ${s}`);
      }
    };
    console.log('  folders (size, never ran):');
    show(dirs, TOP);
    console.log('  files:');
    show(total, TOP * 3);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (USED) await used();
