import { describe, expect, it } from 'vitest';
import { ContainerHealth, ContainerState } from '../../../src/engine/daemon/state.js';

const S = 1_000_000_000n;
const T0 = 1_700_000_000n * S; // an arbitrary wall-clock instant

type Setup = (s: ContainerState) => void;

// The idea of moby's container/state_test.go: set flags, check both derived strings.
const cases: Array<[string, Setup, bigint, string, string]> = [
  ['new container', () => {}, T0, 'created', 'Created'],
  ['running 5 minutes', (s) => s.setRunning(42, T0), T0 + 300n * S, 'running', 'Up 5 minutes'],
  ['running under a second', (s) => s.setRunning(42, T0), T0 + 500_000_000n, 'running', 'Up Less than a second'],
  ['running 1 second', (s) => s.setRunning(42, T0), T0 + S, 'running', 'Up 1 second'],
  ['running 90 s', (s) => s.setRunning(42, T0), T0 + 90n * S, 'running', 'Up About a minute'],
  ['paused', (s) => { s.setRunning(42, T0); s.Paused = true; }, T0 + 300n * S, 'paused', 'Up 5 minutes (Paused)'],
  ['restarting', (s) => { s.setRunning(42, T0); s.setRestarting({ exitCode: 1 }, T0 + 10n * S); }, T0 + 13n * S, 'restarting', 'Restarting (1) 3 seconds ago'],
  ['exited 0', (s) => { s.setRunning(42, T0); s.setStopped({ exitCode: 0 }, T0 + 10n * S); }, T0 + 15n * S, 'exited', 'Exited (0) 5 seconds ago'],
  ['exited 137 an hour ago', (s) => { s.setRunning(42, T0); s.setStopped({ exitCode: 137 }, T0); }, T0 + 3600n * S, 'exited', 'Exited (137) About an hour ago'],
  ['removal in progress', (s) => { s.setRunning(1, T0); s.setStopped({ exitCode: 0 }, T0); s.setRemovalInProgress(); }, T0, 'removing', 'Removal In Progress'],
  ['dead', (s) => { s.setRunning(1, T0); s.setStopped({ exitCode: 0 }, T0); s.setDead(); }, T0, 'dead', 'Dead'],
  ['removal beats dead', (s) => { s.setDead(); s.setRemovalInProgress(); }, T0, 'removing', 'Removal In Progress'],
  ['running beats removal', (s) => { s.setRunning(1, T0); s.setRemovalInProgress(); }, T0 + 2n * S, 'running', 'Up 2 seconds'],
  ['paused beats restarting', (s) => { s.setRunning(1, T0); s.Paused = true; s.Restarting = true; }, T0 + 2n * S, 'paused', 'Up 2 seconds (Paused)'],
  ['healthy', (s) => { s.setRunning(1, T0); s.Health = new ContainerHealth(); s.Health.Status = 'healthy'; }, T0 + 120n * S, 'running', 'Up 2 minutes (healthy)'],
  ['health starting', (s) => { s.setRunning(1, T0); s.Health = new ContainerHealth(); }, T0 + 3n * S, 'running', 'Up 3 seconds (health: starting)'],
];

describe('ContainerState', () => {
  it.each(cases)('%s', (_name, setup, now, state, status) => {
    const s = new ContainerState();
    setup(s);
    expect(s.stateString()).toBe(state);
    expect(s.statusString(now)).toBe(status);
  });

  it('started but never finished prints an empty status (moby quirk)', () => {
    const s = new ContainerState();
    s.StartedAt = T0;
    expect(s.statusString(T0)).toBe('');
    expect(s.stateString()).toBe('exited');
  });

  it('serialises the inspect State in field order, zero times as 0001-01-01T00:00:00Z', () => {
    const s = new ContainerState();
    expect(JSON.stringify(s.toJSON())).toBe(
      '{"Status":"created","Running":false,"Paused":false,"Restarting":false,"OOMKilled":false,"Dead":false,' +
        '"Pid":0,"ExitCode":0,"Error":"","StartedAt":"0001-01-01T00:00:00Z","FinishedAt":"0001-01-01T00:00:00Z"}',
    );
    s.setRunning(1234, T0 + 123_456_700n);
    s.setStopped({ exitCode: 143 }, T0 + 5n * S);
    const j = s.toJSON();
    expect(j.StartedAt).toBe('2023-11-14T22:13:20.1234567Z');
    expect(j.FinishedAt).toBe('2023-11-14T22:13:25Z');
    expect(j.Pid).toBe(0);
    expect(j.ExitCode).toBe(143);
  });

  it('setRunning clears the error and exit code; restarting keeps Running true', () => {
    const s = new ContainerState();
    s.setError('boom');
    s.ExitCode = 3;
    s.setRunning(7, T0);
    expect([s.Error, s.ExitCode, s.Pid]).toEqual(['', 0, 7]);
    s.setRestarting({ exitCode: 2 }, T0 + S);
    expect([s.Running, s.Restarting, s.Pid, s.ExitCode]).toEqual([true, true, 0, 2]);
  });

  it('OOMKilled outlives the exit it caused and is cleared by the next start (moby setRunning)', () => {
    const s = new ContainerState();
    s.setRunning(7, T0);
    s.OOMKilled = true;
    s.setStopped({ exitCode: 137 }, T0 + S);
    expect([s.OOMKilled, s.ExitCode]).toEqual([true, 137]);
    s.setRunning(8, T0 + 2n * S);
    expect(s.OOMKilled).toBe(false);
  });

  it('setRemovalInProgress reports a second caller', () => {
    const s = new ContainerState();
    expect(s.setRemovalInProgress()).toBe(false);
    expect(s.setRemovalInProgress()).toBe(true);
    s.resetRemovalInProgress();
    expect(s.RemovalInProgress).toBe(false);
  });

  it('wait: not-running answers at once when stopped, next-exit waits for the stop, removed for removal', async () => {
    const s = new ContainerState();
    await expect(s.wait('not-running')).resolves.toEqual({ StatusCode: 0 });
    const next = s.wait('next-exit');
    const removed = s.wait('removed');
    let removedDone = false;
    void removed.then(() => (removedDone = true));
    s.setRunning(5, T0);
    s.setStopped({ exitCode: 7 }, T0 + S);
    await expect(next).resolves.toEqual({ StatusCode: 7 });
    await Promise.resolve();
    expect(removedDone).toBe(false);
    s.setRemoved();
    await expect(removed).resolves.toEqual({ StatusCode: 7 });
  });
});
