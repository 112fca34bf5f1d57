import { str } from './fields.js';
import { say } from './said.js';
import { defineCheck, type ResolvesCheck } from './types.js';

/**
 * Inside the running container, Docker's side answers `name` (its /etc/hosts, then the embedded DNS server of
 * a user-defined network: DaemonQuery.resolveName), to `address` when given. Read from the model; no query is
 * sent, so checking leaves no trace in the machine.
 */
export const resolvesCheck = defineCheck<ResolvesCheck>({
  kind: 'resolves',
  schema: { fields: { container: str, name: str, address: str }, required: ['container', 'name'] },
  evaluate(k, { machine }) {
    const c = machine.query.findContainer(k.container);
    if (!c) return { holds: false, found: say('noContainer', { name: k.container }) };
    if (!c.State.Running) return { holds: false, found: say('notRunning', { name: k.container }) };
    const answer = machine.query.resolveName(c.ID, k.name);
    if (!answer) return { holds: false, found: say('unresolved', { container: k.container, name: k.name }) };
    const holds = k.address === undefined || answer.addresses.includes(k.address);
    const via = answer.via === 'hosts' ? '/etc/hosts' : '127.0.0.11';
    return { holds, found: say('resolved', { container: k.container, name: k.name, addresses: [...answer.addresses], via }) };
  },
});
