import { bool, oneOf, str } from './fields.js';
import { say } from './said.js';
import { defineCheck, type MountCheck } from './types.js';

interface MountJson {
  readonly Type: string;
  readonly Name?: string;
  readonly Source: string;
  readonly Destination: string;
  readonly RW: boolean;
}

/**
 * The container has a mount at `destination` (its `Mounts` in `docker inspect`), of that type, from that volume
 * or host path, read-only or not. `~/` in a source is the learner's home on the host.
 */
export const mountCheck = defineCheck<MountCheck>({
  kind: 'mount',
  schema: {
    fields: { container: str, destination: str, type: oneOf('volume', 'bind', 'tmpfs'), source: str, readonly: bool },
    required: ['container', 'destination'],
  },
  evaluate(k, { machine }) {
    const c = machine.query.findContainer(k.container);
    if (!c) return { holds: false, found: say('noContainer', { name: k.container }) };
    const mounts = ((machine.query.inspect(c.ID) as { Mounts?: readonly MountJson[] } | undefined)?.Mounts ?? []);
    const source = k.source?.startsWith('~/') ? `${machine.files.home()}/${k.source.slice(2)}` : k.source;
    const holds = mounts.some(
      (m) =>
        m.Destination === k.destination &&
        (k.type === undefined || m.Type === k.type) &&
        (source === undefined || (m.Type === 'volume' ? m.Name === source : m.Source === source)) &&
        (k.readonly === undefined || m.RW === !k.readonly),
    );
    const shown = mounts.map((m) => `${m.Type === 'volume' ? m.Name : m.Source || m.Type}:${m.Destination}${m.RW ? '' : ':ro'}`);
    const name = k.container;
    return { holds, found: shown.length > 0 ? say('mounts', { name, mounts: shown }) : say('mountsNothing', { name }) };
  },
});
