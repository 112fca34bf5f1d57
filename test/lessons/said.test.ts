/**
 * What a check found, in the learner's language: every message of every check kind is Chinese in zh (the
 * machine's own words — names, states, paths, commands — are values and stay as they are), on a live machine
 * and in the message table itself.
 */
import { describe, expect, it } from 'vitest';
import { CommandLog, evaluateCheck, MachineTerminals, Typist, type Check, type CheckContext } from '../../src/lessons/index.js';
import { MESSAGES, say, sayIn, type Said } from '../../src/lessons/checks/said.js';
import { CHECKS } from '../../src/lessons/checks/index.js';
import { Machine } from '../../src/machine/machine.js';
import { nodeDrain } from '../../src/node/drain.js';

/** Program names the zh lessons themselves write in Latin letters. */
const TERMS = /\b(dockerd|docker|shell)\b/g;

/** The words of a message, its values masked: must hold no Latin letter in zh. */
const words = (s: Said): string => sayIn(s, 'zh', () => '值').replace(TERMS, '');

describe('check messages in Chinese', () => {
  it('every message of the table', () => {
    for (const [id, m] of Object.entries(MESSAGES)) {
      expect(m.zh.replace(/\{\w+\}/g, '').replace(TERMS, ''), id).not.toMatch(/[A-Za-z]/);
      expect(m.en.match(/\{\w+\}/g)?.sort(), id).toEqual(m.zh.match(/\{\w+\}/g)?.sort());
    }
  });

  it('every check kind on a live machine, passing and failing', { timeout: 60_000 }, async () => {
    const machine = Machine.boot({ drain: nodeDrain });
    const terminals = new MachineTerminals(machine);
    const commands = new CommandLog();
    terminals.open(1);
    const ctx: CheckContext = { machine, terminal: (n) => terminals.get(n), commands };
    const checks: Check[] = [
      { kind: 'container', name: 'web' }, { kind: 'container', count: 0 }, { kind: 'image', ref: 'ubuntu' },
      { kind: 'log', container: 'web' }, { kind: 'file', container: 'web', path: '/x' },
      { kind: 'foreground', program: 'bash' }, { kind: 'foreground', program: 'bash', terminal: 2 },
      { kind: 'env', name: 'X' }, { kind: 'group', user: 'user', group: 'docker' }, { kind: 'group', user: 'nobody2', group: 'docker' },
      { kind: 'daemon', running: true }, { kind: 'ran', command: 'ps' }, { kind: 'process', container: 'web', program: 'sh' },
      { kind: 'log', container: 'web', contains: 'hi' }, { kind: 'file', container: 'web', path: '/etc/hostname', contains: 'zzz' },
      { kind: 'process', container: 'web', program: 'sleep' }, { kind: 'env', name: 'HOME' },
      { kind: 'image', ref: 'busybox', exposes: '80' }, { kind: 'port', container: 'web', port: '80' },
      { kind: 'mount', container: 'web', destination: '/data' }, { kind: 'network', name: 'app' },
      { kind: 'network', name: 'bridge', member: 'web' }, { kind: 'network', name: 'bridge', internal: true },
      { kind: 'volume', name: 'data' }, { kind: 'resolves', container: 'web', name: 'db' },
      { kind: 'resolves', container: 'web', name: 'localhost' }, { kind: 'hostFile', path: '~/x' },
      { kind: 'registry', ref: 'jamtur01/web' }, { kind: 'registry', ref: 'localhost:5000/web', container: 'web' },
      { kind: 'build', cached: true }, { kind: 'build', tag: 'web', step: 2, cached: true },
      { kind: 'http', container: 'web', port: '80' }, { kind: 'http', host: 8080 },
    ];
    const seen = new Set<string>();
    const run = (): void => {
      for (const check of checks) {
        const r = evaluateCheck({ check, line: 1 }, ctx);
        const ids = (s: Said): string[] => [s.id, ...Object.values(s.vars).flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is Said => typeof v === 'object').flatMap(ids)];
        for (const id of ids(r.said)) seen.add(id);
        expect(words(r.said), `${check.kind}: ${sayIn(r.said, 'zh')}`).not.toMatch(/[A-Za-z]/);
      }
    };
    run();
    const typist = new Typist(machine, terminals, 3000, () => commands.observe());
    for (const text of ['sudo docker run -d --name web busybox sleep 1000', 'sudo docker ps', 'export X=1', 'sudo service docker stop']) {
      commands.watch(terminals.get(1)!);
      await typist.perform({ kind: 'type', text, line: 0 });
      await typist.settle();
      commands.observe();
      run();
    }
    // A step whose container exited with another code cannot pass any more: said so, with the way out.
    const zero: Check = { kind: 'container', name: 'quits', state: 'exited', exitCode: 0 };
    expect(evaluateCheck({ check: zero, line: 1 }, ctx).stuck).toBeUndefined();
    await typist.perform({ kind: 'type', text: 'sudo service docker start', line: 0 });
    await typist.perform({ kind: 'type', text: 'sudo docker run --name quits busybox false', line: 0 });
    await typist.settle();
    const r = evaluateCheck({ check: zero, line: 1 }, ctx);
    expect([r.passed, r.stuck]).toEqual([false, true]);
    expect(r.found).toContain('quits exited with code 1, not 0');
    expect(sayIn(r.said, 'zh')).toContain('quits 的退出码是 1，不是 0');
    expect(words(r.said)).not.toMatch(/[A-Za-z]/);
    typist.dispose();
    expect(new Set(Object.keys(CHECKS))).toEqual(new Set(checks.map((c) => c.kind)));
    // A check that throws says so in Chinese too.
    expect(words(say('checkError', { message: 'boom' }))).not.toMatch(/[A-Za-z]/);
    expect(seen.size).toBeGreaterThan(12);
  });
});
