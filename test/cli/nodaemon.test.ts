/**
 * Whole docker commands with no daemon listening, against the real 28.2.2 client's output (testdata/real/nodaemon-*,
 * captured by capture.py): the client-side checks and the words around a connection error, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/cli/client.js';
import { main } from '../../src/cli/main.js';
import { connectionError, fake } from './fake.js';
import { noDaemonCases } from './golden.js';

/** Every API call fails as it does when nothing listens on the socket; the client version stays the default. */
const nobodyListening = new Proxy({} as Partial<ApiClient>, {
  get: (_t, name) => (name === 'clientVersion' ? undefined : () => Promise.reject(connectionError())),
});

describe('docker with no daemon matches the real client (stdout, stderr, exit code)', () => {
  for (const c of noDaemonCases()) {
    it(`${c.name}: docker ${c.argv.join(' ')}`, async () => {
      const f = fake({ client: nobodyListening });
      const exit = await main(f.cli, c.argv);
      expect({ stdout: f.stdout(), stderr: f.stderr(), exit }).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit });
    });
  }
});
