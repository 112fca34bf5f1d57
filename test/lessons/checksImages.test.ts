/**
 * The check kinds of chapter 4's sharing lessons: a registry (the simulated Hub, or a registry:2 container)
 * holds a repository:tag. Each fails before the push that makes it hold, on a live machine driven by typing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CommandLog, evaluateCheck, MachineTerminals, Typist, type Check, type CheckContext } from '../../src/lessons/index.js';
import { parseCheckBlock } from '../../src/lessons/checkblock.js';
import { ErrorList } from '../../src/lessons/errors.js';
import { sayIn } from '../../src/lessons/checks/said.js';
import { Machine } from '../../src/machine/machine.js';
import { nodeDrain } from '../../src/node/drain.js';

let ctx: CheckContext;
let typist: Typist;

async function type(...lines: string[]): Promise<void> {
  for (const text of lines) await typist.perform({ kind: 'type', text, line: 0 });
  await typist.settle();
}

function holds(check: Check): boolean {
  return evaluateCheck({ check, line: 1 }, ctx).passed;
}

function found(check: Check, locale: 'en' | 'zh' = 'en'): string {
  const r = evaluateCheck({ check, line: 1 }, ctx);
  return locale === 'en' ? r.found : sayIn(r.said, 'zh');
}

function validateChecks(block: string): string {
  const errors = new ErrorList('lesson.md');
  parseCheckBlock(block, 1, errors);
  return errors.errors.map((e) => e.message).join('\n');
}

beforeAll(async () => {
  const machine = Machine.boot({ drain: nodeDrain });
  const terminals = new MachineTerminals(machine);
  const commands = new CommandLog();
  typist = new Typist(machine, terminals, 3000, () => commands.observe());
  terminals.open(1);
  ctx = { machine, terminal: (n) => terminals.get(n), commands };
  await type(
    'mkdir web && printf "FROM busybox\\nRUN echo hi > /hi\\n" > web/Dockerfile',
    'sudo docker build -q -t jamtur01/web web',
  );
}, 120_000);

describe('registry: what a push left in a registry', () => {
  it('the Hub holds a repository only once it is pushed, at the tags pushed', async () => {
    const hub: Check = { kind: 'registry', ref: 'jamtur01/web' };
    expect(holds(hub)).toBe(false);
    expect(found(hub)).toBe('Docker Hub holds no jamtur01/web');
    expect(found(hub, 'zh')).toBe('Docker Hub 里没有仓库 jamtur01/web');
    await type('sudo docker push jamtur01/web');
    expect(holds(hub)).toBe(false); // denied: not logged in
    await type('sudo docker login -u jamtur01 -p secret', 'sudo docker push jamtur01/web');
    expect(holds(hub)).toBe(true);
    expect(holds({ kind: 'registry', ref: 'docker.io/jamtur01/web:latest' })).toBe(true);
    expect(holds({ kind: 'registry', ref: 'jamtur01/web:v1' })).toBe(false);
    expect(found({ kind: 'registry', ref: 'jamtur01/web:v1' })).toBe('Docker Hub holds jamtur01/web with tags latest');
    // Removing the local image does not take it off the Hub.
    await type('sudo docker rmi jamtur01/web');
    expect(holds(hub)).toBe(true);
    expect(holds({ kind: 'registry', ref: 'jamtur01/web', not: true })).toBe(false);
  }, 120_000);

  it('a registry:2 container holds what was pushed to it, read from its storage, while it runs', async () => {
    const mine: Check = { kind: 'registry', ref: 'localhost:5000/jamtur01/web', container: 'registry' };
    expect(found(mine)).toBe('no container registry');
    await type('sudo docker run -d -p 5000:5000 --name registry registry:2');
    expect(holds(mine)).toBe(false);
    expect(found(mine)).toBe('registry holds no jamtur01/web');
    await type('sudo docker pull jamtur01/web', 'sudo docker tag jamtur01/web localhost:5000/jamtur01/web:v1', 'sudo docker push localhost:5000/jamtur01/web:v1');
    expect(holds(mine)).toBe(false);
    expect(found(mine)).toBe('registry holds jamtur01/web with tags v1');
    expect(holds({ ...mine, ref: 'localhost:5000/jamtur01/web:v1' })).toBe(true);
    // Another name in it is another repository.
    expect(holds({ ...mine, ref: 'localhost:5000/web:v1' })).toBe(false);
    await type('sudo docker stop registry');
    expect(holds({ ...mine, ref: 'localhost:5000/jamtur01/web:v1' })).toBe(false);
    expect(found(mine)).toBe('registry is not running');
    await type('sudo docker start registry');
    expect(holds({ ...mine, ref: 'localhost:5000/jamtur01/web:v1' })).toBe(true);
  }, 120_000);

  it('the validator wants a registry:2 container for a registry name, and a registry name with one', () => {
    expect(validateChecks('- registry: { ref: jamtur01/static_web }')).toBe('');
    expect(validateChecks('- registry: { ref: localhost:5000/static_web, container: registry }')).toBe('');
    expect(validateChecks('- registry: { ref: localhost:5000/static_web }')).toMatch(/names the registry localhost:5000: say which registry:2 container/);
    expect(validateChecks('- registry: { ref: static_web, container: registry }')).toMatch(/name the registry as the learner pushes to it \(localhost:5000\/static_web\)/);
    expect(validateChecks('- registry: { ref: Bad/Name }')).toMatch(/invalid reference format/);
    expect(validateChecks('- registry: { container: registry }')).toMatch(/ref/);
  });
});
