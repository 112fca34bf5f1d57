/** The bounds that keep a fork bomb inside a browser tab's memory. */
import { describe, expect, it } from 'vitest';
import { Machine, USER_TASKS_MAX } from '../../src/machine/machine.js';
import { nodeDrain } from '../../src/node/drain.js';
import { PIDS_GUARD } from '../../src/engine/daemon/runtime/prepare.js';
import { runScriptOn } from '../helpers/machine.js';

describe('process limits', () => {
  it('puts a login in its user slice, whose TasksMax stops a fork bomb', () => {
    const m = Machine.boot({ seed: 1, drain: nodeDrain });
    const t = m.openTerminal();
    expect(t.shell.cgroup.path).toBe('/user.slice/user-1000.slice');
    expect(t.shell.cgroup.pidsMax).toBe(USER_TASKS_MAX);
    expect(m.openTerminal().shell.cgroup).toBe(t.shell.cgroup);
  });

  it('caps a container without --pids-limit, while inspect still shows none', async () => {
    const { out, machine } = await runScriptOn(['sudo docker run -d --name capped busybox sleep 100', "sudo docker inspect --format '{{.HostConfig.PidsLimit}}' capped"]);
    expect(out).toContain('\n<nil>\n');
    const c = machine.daemonStore.getContainer('capped');
    expect(machine.daemonStore.runtime(c).cgroup!.pidsMax).toBe(PIDS_GUARD);
  });
});
