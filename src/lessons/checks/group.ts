import { readGroups, userByName } from '../../programs/lib/users.js';
import { str } from './fields.js';
import { say } from './said.js';
import { defineCheck, type GroupCheck } from './types.js';

const ROOT_CTX = () => ({ cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 0 } });

/**
 * The host's /etc/group lists the user in the group (or it is the user's primary group), as `id USER` reports
 * it. A shell logged in before the change keeps its old groups until the learner logs in again or runs newgrp.
 */
export const groupCheck = defineCheck<GroupCheck>({
  kind: 'group',
  schema: { fields: { user: str, group: str }, required: ['user', 'group'] },
  evaluate(k, { machine }) {
    const fs = machine.kernel.rootMnt.view(ROOT_CTX());
    const groups = readGroups(fs);
    const pw = userByName(fs, k.user);
    const mine = groups.filter((g) => g.members.includes(k.user) || (pw !== undefined && g.gid === pw.gid));
    return {
      holds: mine.some((g) => g.name === k.group),
      found: !pw ? say('noUser', { user: k.user }) : mine.length > 0 ? say('userGroups', { user: k.user, groups: mine.map((g) => g.name) }) : say('userNoGroups', { user: k.user }),
    };
  },
});
