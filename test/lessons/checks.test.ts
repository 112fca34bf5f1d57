/**
 * Every check kind, passing and failing, on a real booted machine driven by typing (one machine, in order:
 * each `it` continues where the previous one left the machine).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CommandLog, evaluateCheck, MachineTerminals, Typist, type Check, type CheckContext } from '../../src/lessons/index.js';
import { keyCode } from '../../src/lessons/solution.js';
import { Machine } from '../../src/machine/machine.js';
import { nodeDrain } from '../../src/node/drain.js';

let ctx: CheckContext;
let typist: Typist;

async function type(...lines: string[]): Promise<void> {
  for (const text of lines) {
    const keys = /^<.*>$/.test(text) ? [...text.matchAll(/<([^>]+)>/g)].map((m) => keyCode(m[1])!).join('') : undefined;
    await typist.perform(keys !== undefined ? { kind: 'keys', keys, label: text, line: 0 } : { kind: 'type', text, line: 0 });
  }
  await typist.settle();
}

async function onTerminal(n: number): Promise<void> {
  await typist.perform({ kind: 'terminal', terminal: n, line: 0 });
}

/** true/false for pass/fail, with what the check found on failure for a readable assertion. */
function holds(check: Check): boolean {
  return evaluateCheck({ check, line: 1 }, ctx).passed;
}

function found(check: Check): string {
  return evaluateCheck({ check, line: 1 }, ctx).found;
}

beforeAll(async () => {
  const machine = Machine.boot({ drain: nodeDrain });
  const terminals = new MachineTerminals(machine);
  const commands = new CommandLog();
  const watched = new Set<object>();
  typist = new Typist(machine, terminals, 3000, () => {
    for (const t of [terminals.get(1), terminals.get(2)]) {
      if (t && !watched.has(t)) {
        watched.add(t);
        commands.watch(t);
      }
    }
    commands.observe();
  });
  terminals.open(1);
  ctx = { machine, terminal: (n) => terminals.get(n), commands };
  await type('sudo docker pull ubuntu');
});

describe('checks on a live machine', () => {
  it('image', () => {
    expect(holds({ kind: 'image', ref: 'ubuntu' })).toBe(true);
    expect(holds({ kind: 'image', ref: 'docker.io/library/ubuntu:latest' })).toBe(true);
    expect(holds({ kind: 'image', ref: 'busybox' })).toBe(false);
    expect(holds({ kind: 'image', ref: 'busybox', not: true })).toBe(true);
    expect(found({ kind: 'image', ref: 'busybox' })).toBe('images: ubuntu:latest');
  });

  it('container, log and process on a detached container', async () => {
    await type('sudo docker run -d --name web --restart unless-stopped ubuntu /bin/sh -c "echo ready; sleep 1000"');
    await typist.perform({ kind: 'wait', ms: 1000, line: 0 });
    expect(holds({ kind: 'container', name: 'web', image: 'ubuntu:latest', state: 'running', restart: 'unless-stopped', tty: false, interactive: false })).toBe(true);
    expect(holds({ kind: 'container', name: 'web', command: 'echo ready' })).toBe(true);
    expect(holds({ kind: 'container', name: 'web', state: 'exited' })).toBe(false);
    expect(holds({ kind: 'container', name: 'web', restart: 'always' })).toBe(false);
    expect(holds({ kind: 'container', name: 'nope' })).toBe(false);
    expect(holds({ kind: 'container', state: 'running', count: 1 })).toBe(true);
    expect(holds({ kind: 'container', count: 2 })).toBe(false);
    expect(holds({ kind: 'log', container: 'web', contains: 'ready' })).toBe(true);
    expect(holds({ kind: 'log', container: 'web', contains: 'nope' })).toBe(false);
    expect(holds({ kind: 'log', container: 'web', lines: 2 })).toBe(false);
    expect(holds({ kind: 'process', container: 'web', program: 'sleep' })).toBe(true);
    expect(holds({ kind: 'process', container: 'web', program: 'sh', count: 1 })).toBe(true);
    expect(holds({ kind: 'process', container: 'web', program: 'bash' })).toBe(false);
    expect(found({ kind: 'process', container: 'web', program: 'bash' })).toBe('web runs: sh, sleep');
  });

  it('container exit code and file in a stopped container', async () => {
    await type('sudo docker run --name once ubuntu /bin/sh -c "echo hi > /tmp/x; exit 3"');
    expect(holds({ kind: 'container', name: 'once', state: 'exited', exitCode: 3 })).toBe(true);
    expect(holds({ kind: 'container', name: 'once', exitCode: 0 })).toBe(false);
    expect(holds({ kind: 'file', container: 'once', path: '/tmp/x', contains: 'hi' })).toBe(true);
    expect(holds({ kind: 'file', container: 'once', path: '/tmp/x', contains: 'bye' })).toBe(false);
    expect(holds({ kind: 'file', container: 'once', path: '/tmp/y' })).toBe(false);
    expect(holds({ kind: 'file', container: 'once', path: '/tmp/y', exists: false })).toBe(true);
    expect(holds({ kind: 'file', container: 'web', path: '/etc/os-release', contains: 'Ubuntu' })).toBe(true);
    expect(holds({ kind: 'file', container: 'once', path: '/etc/os-release', contains: 'Ubuntu' })).toBe(true);
  });

  it('ran: any alias, success or failure, including commands that print nothing', async () => {
    expect(holds({ kind: 'ran', command: 'version' })).toBe(false);
    await type('sudo docker version > /dev/null', 'docker info', 'sudo docker ps -q --filter name=nothing');
    expect(holds({ kind: 'ran', command: 'version' })).toBe(true);
    expect(holds({ kind: 'ran', command: 'info' })).toBe(false);
    expect(holds({ kind: 'ran', command: 'info', success: false })).toBe(true);
    expect(holds({ kind: 'ran', command: 'container ls' })).toBe(true);
    expect(holds({ kind: 'ran', command: 'docker container list' })).toBe(true);
    expect(holds({ kind: 'ran', command: 'image ls' })).toBe(false);
  });

  it('env: the login shell exports the variable', async () => {
    expect(holds({ kind: 'env', name: 'DOCKER_HOST' })).toBe(false);
    await type('DOCKER_HOST=tcp://127.0.0.1:2375');
    expect(holds({ kind: 'env', name: 'DOCKER_HOST' })).toBe(false);
    await type('export DOCKER_HOST');
    expect(holds({ kind: 'env', name: 'DOCKER_HOST', value: 'tcp://127.0.0.1:2375' })).toBe(true);
    expect(holds({ kind: 'env', name: 'DOCKER_HOST', value: 'unix:///var/run/docker.sock' })).toBe(false);
    expect(holds({ kind: 'env', name: 'DOCKER_HOST', terminal: 2 })).toBe(false);
    await type('unset DOCKER_HOST');
    expect(holds({ kind: 'env', name: 'DOCKER_HOST' })).toBe(false);
  });

  it('foreground: bash inside the container after docker run -i -t, host bash after Ctrl-P Ctrl-Q', async () => {
    expect(holds({ kind: 'foreground', program: 'bash' })).toBe(true);
    await type('sudo docker run --name box -i -t ubuntu /bin/bash');
    expect(holds({ kind: 'foreground', program: 'bash', container: 'box' })).toBe(true);
    expect(holds({ kind: 'foreground', program: 'bash', container: 'any' })).toBe(true);
    expect(holds({ kind: 'foreground', program: 'bash', container: 'web' })).toBe(false);
    expect(holds({ kind: 'foreground', program: 'bash' })).toBe(false);
    expect(holds({ kind: 'foreground', program: 'docker' })).toBe(true);
    expect(found({ kind: 'foreground', program: 'bash' })).toBe('terminal 1: docker');
    await type('top');
    expect(holds({ kind: 'foreground', program: 'top', container: 'box' })).toBe(true);
    await type('q');
    await type('<Ctrl-P><Ctrl-Q>');
    expect(holds({ kind: 'foreground', program: 'bash' })).toBe(true);
    expect(holds({ kind: 'foreground', program: 'bash', container: 'box' })).toBe(false);
    expect(holds({ kind: 'container', name: 'box', state: 'running', tty: true, interactive: true })).toBe(true);
  });

  it('foreground on terminal 2: docker exec -it', async () => {
    expect(holds({ kind: 'foreground', terminal: 2, program: 'bash' })).toBe(false);
    await onTerminal(2);
    await type('sudo docker exec -it web /bin/bash');
    expect(holds({ kind: 'foreground', terminal: 2, program: 'bash', container: 'web' })).toBe(true);
    expect(holds({ kind: 'foreground', terminal: 1, program: 'bash' })).toBe(true);
    await type('exit');
    expect(holds({ kind: 'foreground', terminal: 2, program: 'bash', container: 'web' })).toBe(false);
    await onTerminal(1);
  });

  it('group: /etc/group membership', async () => {
    expect(holds({ kind: 'group', user: 'user', group: 'docker' })).toBe(false);
    expect(holds({ kind: 'group', user: 'user', group: 'user' })).toBe(true);
    await type('sudo usermod -aG docker user');
    expect(holds({ kind: 'group', user: 'user', group: 'docker' })).toBe(true);
  });

  it('daemon: listeners and running', async () => {
    expect(holds({ kind: 'daemon', running: true, listens: 'unix:///var/run/docker.sock' })).toBe(true);
    expect(holds({ kind: 'daemon', listens: 'tcp://0.0.0.0:2375' })).toBe(false);
    await type('sudo systemctl stop docker');
    await typist.perform({ kind: 'wait', ms: 15000, line: 0 });
    expect(holds({ kind: 'daemon', running: false })).toBe(true);
    await type('sudo dockerd -H tcp://0.0.0.0:2375 -H unix:///var/run/docker.sock > /dev/null 2>&1 &');
    await typist.perform({ kind: 'wait', ms: 20000, line: 0 });
    expect(found({ kind: 'daemon', running: true })).toBe('dockerd listens on tcp://0.0.0.0:2375, unix:///var/run/docker.sock');
    expect(holds({ kind: 'daemon', listens: 'tcp://:2375' })).toBe(true);
    expect(holds({ kind: 'daemon', running: false })).toBe(false);
  });
});
