/**
 * In real-time mode the daemon's clock is the wall clock a real client compares with (`logs --since 2s`,
 * "Created 4 seconds ago" beside "Up Less than a second"). It used to fall behind and stay behind: by the time
 * the boot took, and by every stretch the simulation could not keep up with (loading the Docker half of the
 * code, a busy host), which the driver dropped instead of catching up. The bound below is generous (a loaded
 * machine cannot break it); the lag it catches was seconds.
 */
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon, type RunningDaemon } from '../../../src/node/daemon/start.js';

const BOUND_MS = 500;
let d: RunningDaemon;
let socketPath: string;

function get(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (b: Buffer) => (body += b.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  socketPath = join(mkdtempSync(join(tmpdir(), 'dockersim-clock-')), 'docker.sock');
  d = await startDaemon({ hosts: [{ kind: 'unix', path: socketPath, url: `unix://${socketPath}` }], clock: { kind: 'realtime' }, bootEpochMs: Date.now() });
});

afterAll(async () => {
  await d.close();
});

describe('the real-time clock', () => {
  it('reads the wall clock after the boot and after the first requests, within a bound', async () => {
    // The first request loads the Docker half of the code: virtual time stands still while it does.
    await get('/v1.50/version');
    await get('/v1.50/containers/json');
    for (let i = 0; i < 3; i++) {
      const before = Date.now();
      const info = JSON.parse(await get('/v1.50/info')) as { SystemTime: string };
      const after = Date.now();
      const t = Date.parse(info.SystemTime);
      expect(t, `SystemTime ${info.SystemTime} vs [${new Date(before).toISOString()}, ${new Date(after).toISOString()}]`).toBeGreaterThanOrEqual(before - BOUND_MS);
      expect(t).toBeLessThanOrEqual(after + BOUND_MS);
    }
  });
});
