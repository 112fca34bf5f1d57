import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL, refuseReal, SIM } from './golden.js';

describe('goldens captured from the real client', () => {
  it('are never rewritten from the simulator (UPDATE_GOLDEN)', () => {
    expect(() => refuseReal(join(REAL, 'help-docker.golden'))).toThrow(/real docker capture/);
    expect(() => refuseReal(join(SIM, '..', 'real', 'new.golden'))).toThrow(/real docker capture/);
    expect(() => refuseReal(join(SIM, 'ps-running.golden'))).not.toThrow();
  });
});
