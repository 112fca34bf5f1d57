import { describe, expect, it } from 'vitest';
import { parseRestartPolicy, RestartManager, validateRestartPolicy } from '../../../src/engine/daemon/restartmanager.js';

const err = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('parseRestartPolicy (docker CLI)', () => {
  it.each([
    ['', { Name: '', MaximumRetryCount: 0 }],
    ['no', { Name: 'no', MaximumRetryCount: 0 }],
    ['always', { Name: 'always', MaximumRetryCount: 0 }],
    ['unless-stopped', { Name: 'unless-stopped', MaximumRetryCount: 0 }],
    ['on-failure', { Name: 'on-failure', MaximumRetryCount: 0 }],
    ['on-failure:5', { Name: 'on-failure', MaximumRetryCount: 5 }],
    ['on-failure:', { Name: 'on-failure', MaximumRetryCount: 0 }],
    ['on-failure:-1', { Name: 'on-failure', MaximumRetryCount: -1 }],
    ['bogus', { Name: 'bogus', MaximumRetryCount: 0 }],
  ])('%j', (input, policy) => {
    expect(parseRestartPolicy(input)).toEqual(policy);
  });

  // Recorded from the real docker 28.2.2 CLI: `docker run --restart on-failure:x ubuntu` prints
  // `docker: invalid restart policy format: maximum retry count must be an integer`.
  it('errors verbatim', () => {
    expect(err(() => parseRestartPolicy('on-failure:x'))).toBe('invalid restart policy format: maximum retry count must be an integer');
    expect(err(() => parseRestartPolicy(':3'))).toBe('invalid restart policy format: no policy provided before colon');
  });
});

describe('validateRestartPolicy (daemon)', () => {
  it.each([
    [{ Name: 'always', MaximumRetryCount: 3 }, "invalid restart policy: maximum retry count can only be used with 'on-failure'"],
    [{ Name: 'no', MaximumRetryCount: -1 }, "invalid restart policy: maximum retry count can only be used with 'on-failure' and cannot be negative"],
    [{ Name: 'on-failure', MaximumRetryCount: -1 }, 'invalid restart policy: maximum retry count cannot be negative'],
    [{ Name: 'bogus', MaximumRetryCount: 0 }, "invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'"],
  ])('%j', (p, message) => {
    const e = validateRestartPolicy(p);
    expect(e?.kind).toBe('InvalidParameter');
    expect(e?.message).toBe(message);
  });

  it('accepts the valid ones', () => {
    for (const p of ['', 'no', 'always', 'unless-stopped', 'on-failure', 'on-failure:3']) {
      expect(validateRestartPolicy(parseRestartPolicy(p))).toBeNull();
    }
  });
});

describe('RestartManager', () => {
  it('backs off 100 ms doubling to a one-minute cap', () => {
    const rm = new RestartManager({ Name: 'always', MaximumRetryCount: 0 });
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const d = rm.shouldRestart(0, false, 50);
      if (d.restart) delays.push(d.delayMs);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 60000, 60000]);
    expect(rm.count).toBe(12);
  });

  it('resets the back-off after a run of 10 s or more', () => {
    const rm = new RestartManager({ Name: 'always', MaximumRetryCount: 0 });
    rm.shouldRestart(1, false, 0);
    rm.shouldRestart(1, false, 0);
    expect(rm.shouldRestart(1, false, 9_999)).toEqual({ restart: true, delayMs: 400 });
    expect(rm.shouldRestart(1, false, 10_000)).toEqual({ restart: true, delayMs: 100 });
  });

  it('no: never; unless-stopped: not after a manual stop', () => {
    expect(new RestartManager({ Name: 'no', MaximumRetryCount: 0 }).shouldRestart(1, false, 0).restart).toBe(false);
    const us = new RestartManager({ Name: 'unless-stopped', MaximumRetryCount: 0 });
    expect(us.shouldRestart(0, true, 0).restart).toBe(false);
    expect(us.shouldRestart(0, false, 0).restart).toBe(true);
  });

  it('on-failure: only non-zero exits, at most N restarts', () => {
    const rm = new RestartManager({ Name: 'on-failure', MaximumRetryCount: 2 });
    expect(rm.shouldRestart(0, false, 0).restart).toBe(false);
    expect(rm.shouldRestart(1, false, 0).restart).toBe(true);
    expect(rm.shouldRestart(1, false, 0).restart).toBe(true);
    expect(rm.shouldRestart(1, false, 0).restart).toBe(false);
    expect(rm.count).toBe(2);
    // a RestartCount carried over from before counts toward the maximum
    expect(new RestartManager({ Name: 'on-failure', MaximumRetryCount: 2 }, 2).shouldRestart(1, false, 0).restart).toBe(false);
  });

  it('a manual stop cancels for good', () => {
    const rm = new RestartManager({ Name: 'always', MaximumRetryCount: 0 });
    rm.cancel();
    expect(rm.shouldRestart(1, false, 0)).toEqual({ restart: false, canceled: true });
  });
});
