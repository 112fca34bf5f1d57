import { bool, str } from './fields.js';
import { say } from './said.js';
import { defineCheck, type NetworkCheck } from './types.js';

/** A network of that name exists (`docker network ls`), with `member` attached and as internal as asked. */
export const networkCheck = defineCheck<NetworkCheck>({
  kind: 'network',
  schema: { fields: { name: str, member: str, internal: bool }, required: ['name'] },
  evaluate(k, { machine }) {
    const all = machine.query.networks();
    const net = all.find((n) => n.name === k.name);
    if (!net) return { holds: false, found: say('networks', { names: all.map((n) => n.name) }) };
    if (k.internal !== undefined && net.internal !== k.internal) {
      return { holds: false, found: say('networkInternal', { name: net.name, internal: String(net.internal) }) };
    }
    const members = net.members.map((m) => m.name);
    const holds = k.member === undefined || members.includes(k.member.replace(/^\//, ''));
    return {
      holds,
      found: members.length > 0 ? say('networkMembers', { name: net.name, members }) : say('networkEmpty', { name: net.name }),
    };
  },
});
