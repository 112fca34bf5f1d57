import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/cli/command/commands.js';
import { dispatch } from '../../../src/cli/dispatch.js';
import type { CommandNode } from '../../../src/cli/spec.js';

const opts = { configDir: '/root/.docker' };

function nodes(n: CommandNode): CommandNode[] {
  return [n, ...n.children.flatMap(nodes)];
}

describe('the command registry', () => {
  it('answers to cobra aliases as the real client does: `docker remove` is rm, `docker image rmi` is image rm', () => {
    for (const [argv, path] of [[['remove', 'x'], ['rm']], [['image', 'rmi', 'x'], ['image', 'rm']],
      [['container', 'remove', 'x'], ['container', 'rm']], [['container', 'ps'], ['container', 'ls']],
      [['image', 'list'], ['image', 'ls']]] as const) {
      const d = dispatch(argv, opts);
      expect(d.kind, argv.join(' ')).toBe('command');
      if (d.kind === 'command') expect(d.node.path).toEqual(path);
    }
  });

  it('gives every name one meaning under its parent', () => {
    for (const n of nodes(ROOT)) {
      const names = n.children.flatMap((c) => c.names);
      expect(names.filter((x, i) => names.indexOf(x) !== i), `under docker ${n.path.join(' ')}`).toEqual([]);
    }
  });

  it('lists sub-commands by name, as cobra prints them in help (the root\'s Common Commands excepted)', () => {
    const sorted = (list: readonly CommandNode[]): string[] => list.map((c) => c.names[0]);
    for (const n of nodes(ROOT)) {
      const groups = n === ROOT ? ['Management Commands', 'Swarm Commands', 'Commands'] : [undefined];
      for (const g of groups) {
        const names = sorted(n.children.filter((c) => c.category === g));
        expect(names, `docker ${n.path.join(' ')} ${g ?? ''}`).toEqual([...names].sort());
      }
    }
  });

});
