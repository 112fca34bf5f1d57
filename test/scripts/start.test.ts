/**
 * `npm start`, the README's command for users, serves the production build: the page loads its hashed entry
 * chunk from assets/, never Vite's dev modules (/src/…, /@vite/client), which cost a first visit 190+ requests,
 * and that first code stays within issue 19's budget.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let server: ChildProcess | undefined;

afterAll(() => {
  // npm runs the build and the preview server as children: end the whole group.
  if (server?.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** Starts `npm start` on `port` and resolves with the address it prints once it serves. */
function start(port: number): Promise<string> {
  return new Promise((done, fail) => {
    // As a user runs it: vitest's NODE_ENV=test would build React's development code.
    const env = { ...process.env };
    delete env.NODE_ENV;
    server = spawn('npm', ['run', '-s', 'start', '--', '--port', String(port)], { cwd: ROOT, detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const read = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /Local:\s+(\S+)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
      if (m) done(m[1]!);
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.once('exit', (code) => fail(new Error(`npm start exited (${code}):\n${out}`)));
  });
}

describe('npm start', () => {
  it('builds and serves the production page', { timeout: 180_000 }, async () => {
    const url = await start(await freePort());
    const html = await (await fetch(url)).text();
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\.\/assets\/index-[\w-]+\.js$/);
    expect(html).not.toMatch(/@vite\/client|\/src\//);
    const entry = await fetch(new URL(scripts[0]!, url));
    expect(entry.status).toBe(200);
    // Built code imports its chunks by hashed name, never a dev server's bare module paths.
    expect(await entry.text()).toMatch(/from"\.\/app-[\w-]+\.js"/);

    // Issue 19: the JS the page runs before anything else (the entry and its static imports), gzip, at most
    // 300 KB of 1,000 bytes. It was 305.4 KB with the bundler's default split of the page's first code into
    // ~40 chunks (vite.config.ts, pageChunks).
    const seen = new Set<string>();
    let gzipped = 0;
    const visit = async (href: string): Promise<void> => {
      if (seen.has(href)) return;
      seen.add(href);
      const code = await (await fetch(href)).text();
      gzipped += gzipSync(code).length;
      for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{},\s]+from\s*)?["']\.\/([\w.~-]+\.js)["']/g)) {
        await visit(new URL(m[1]!, href).href);
      }
    };
    await visit(new URL(scripts[0]!, url).href);
    expect(seen.size).toBeLessThan(10);
    expect(gzipped).toBeLessThanOrEqual(300_000);
  });
});
