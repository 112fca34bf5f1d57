/**
 * The check kinds of chapter 4's build and sharing lessons: a build step was a cache hit or miss (the daemon's
 * build record), a registry (the simulated Hub, or a registry:2 container) holds a repository:tag. Each fails
 * before what makes it hold, on a live machine driven by typing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Check } from '../../src/lessons/index.js';
import { liveMachine, validateChecks, type LiveMachine } from './liveMachine.js';

let m: LiveMachine;
const type = (...lines: string[]): Promise<void> => m.type(...lines);
const holds = (check: Check): boolean => m.holds(check);
const found = (check: Check, locale?: 'en' | 'zh'): string => m.found(check, locale);

beforeAll(async () => {
  m = liveMachine();
  await type(
    'mkdir web && printf "FROM busybox\\nRUN echo hi > /hi\\n" > web/Dockerfile',
    'sudo docker build -q -t jamtur01/web web',
  );
}, 120_000);

describe('build: a step answered by the cache or run', () => {
  it('reads the latest build of the tag: cold, cached, then changed from one step on', async () => {
    const second: Check = { kind: 'build', tag: 'jamtur01/web', step: 2, cached: true };
    expect(found({ kind: 'build', tag: 'jamtur01/none', cached: true })).toBe('no build tagged jamtur01/none');
    // beforeAll built it cold: its RUN ran.
    expect(holds(second)).toBe(false);
    expect(found(second)).toBe('the last build of jamtur01/web: [2/2] RUN echo hi > /hi run');
    expect(holds({ kind: 'build', tag: 'jamtur01/web:latest', step: 2, cached: false })).toBe(true);
    expect(holds({ kind: 'build', tag: 'jamtur01/web', instruction: 'RUN  echo hi  > /hi', cached: false })).toBe(true);
    // Another tag's build is not this one's, but it is the last build of all.
    await type('sudo docker build -q -t jamtur01/other web');
    expect(holds({ kind: 'build', step: 2, cached: true })).toBe(true);
    expect(holds(second)).toBe(false);
    await type('sudo docker build -t jamtur01/web web');
    expect(holds(second)).toBe(true);
    expect(holds({ kind: 'build', tag: 'jamtur01/web', cached: true })).toBe(true);
    expect(found(second)).toBe('the last build of jamtur01/web: [2/2] RUN echo hi > /hi cached');
    expect(found(second, 'zh')).toBe('jamtur01/web 最近一次构建：[2/2] RUN echo hi > /hi 使用了缓存');
    expect(holds({ kind: 'build', tag: 'jamtur01/web', step: 3, cached: true })).toBe(false);
    expect(found({ kind: 'build', tag: 'jamtur01/web', instruction: 'RUN echo bye', cached: true })).toBe(
      'no step RUN echo bye in the last build of jamtur01/web: [1/2] FROM busybox cached; [2/2] RUN echo hi > /hi cached',
    );
    // Without `cached`: the image was built from a Dockerfile with that instruction, whatever the cache did.
    expect(holds({ kind: 'build', tag: 'jamtur01/web', instruction: 'RUN echo hi > /hi' })).toBe(true);
    expect(holds({ kind: 'build', tag: 'jamtur01/web', instruction: 'RUN echo bye > /hi' })).toBe(false);
    expect(holds({ kind: 'build', tag: 'jamtur01/none' })).toBe(false);
    // A changed step and everything after it run again; the legacy builder's record counts too.
    await type('printf "FROM busybox\\nRUN echo bye > /hi\\n" > web/Dockerfile', 'DOCKER_BUILDKIT=0 sudo -E docker build -t jamtur01/web web');
    expect(holds(second)).toBe(false);
    expect(holds({ kind: 'build', tag: 'jamtur01/web', step: 1, cached: true })).toBe(false);
    expect(holds({ kind: 'build', tag: 'jamtur01/web', step: 2, cached: false })).toBe(true);
    expect(holds({ kind: 'build', tag: 'jamtur01/web', instruction: 'RUN echo bye > /hi' })).toBe(true);
  }, 120_000);
});

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

  it('the build validator takes a step or an instruction, not both', () => {
    expect(validateChecks('- build: { tag: jamtur01/static_web, step: 2, cached: true }')).toBe('');
    expect(validateChecks('- build: { instruction: "RUN apt-get update", cached: false }')).toBe('');
    expect(validateChecks('- build: { step: 2, instruction: "RUN apt-get update", cached: true }')).toMatch(/`step` or `instruction`, not both/);
    expect(validateChecks('- build: { instruction: "apt-get update", cached: true }')).toMatch(/expected an instruction as the Dockerfile writes it/);
    expect(validateChecks('- build: { step: 0, cached: true }')).toMatch(/build.step/);
    expect(validateChecks('- build: { tag: jamtur01/web, instruction: "RUN echo hi" }')).toBe('');
    expect(validateChecks('- build: { tag: Bad, cached: true }')).toMatch(/invalid reference format/);
  });

  it('the validator wants a registry:2 container for a registry name, and a registry name with one', () => {
    expect(validateChecks('- registry: { ref: jamtur01/static_web }')).toBe('');
    expect(validateChecks('- registry: { ref: localhost:5000/static_web, container: registry }')).toBe('');
    expect(validateChecks('- registry: { ref: localhost:5000/static_web }')).toMatch(/names the registry localhost:5000: say which registry:2 container/);
    expect(validateChecks('- registry: { ref: static_web, container: registry }')).toMatch(/name the registry as the learner pushes to it \(localhost:5000\/static_web\)/);
    expect(validateChecks('- registry: { ref: Bad/Name }')).toMatch(/invalid reference format/);
    expect(validateChecks('- registry: { container: registry }')).toMatch(/ref/);
  });
});
