import { str } from './fields.js';
import { say } from './said.js';
import { defineCheck, type VolumeCheck } from './types.js';

/** A volume of that name exists (`docker volume ls`), mounted by `usedBy` when given (running or not). */
export const volumeCheck = defineCheck<VolumeCheck>({
  kind: 'volume',
  schema: { fields: { name: str, usedBy: str }, required: ['name'] },
  evaluate(k, { machine }) {
    const all = machine.query.volumes();
    const vol = all.find((v) => v.name === k.name);
    if (!vol) {
      const names = all.filter((v) => !v.anonymous).map((v) => v.name);
      return { holds: false, found: names.length > 0 ? say('volumes', { names }) : say('noVolumes', { name: k.name }) };
    }
    const users = [...new Set(vol.usedBy.map((u) => u.containerName))];
    const holds = k.usedBy === undefined || users.includes(k.usedBy.replace(/^\//, ''));
    return { holds, found: users.length > 0 ? say('volumeUsers', { name: vol.name, users }) : say('volumeUnused', { name: vol.name }) };
  },
});
