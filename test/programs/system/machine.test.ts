/** The system programs on the lead's full host (login shell, Ubuntu root filesystem, real /proc). */
import { describe, expect, it } from 'vitest';
import { runScript } from '../../helpers/machine.js';

describe('system programs on the host', () => {
  it('ps shows the login shell, containerd beside dockerd, and itself', async () => {
    const out = await runScript(['ps', 'ps -ef']);
    expect(out).toContain('    PID TTY          TIME CMD\n      2 pts/0    00:00:00 bash\n');
    expect(out).toContain(
      'UID          PID    PPID  C STIME TTY          TIME CMD\n' +
        'root           1       0  0 09:00 ?        00:00:00 /sbin/init\n' +
        'user           2       1  0 09:00 pts/0    00:00:00 -bash\n' +
        'root           3       1  0 09:00 ?        00:00:00 /usr/bin/containerd\n' +
        'root           4       1  0 09:00 ?        00:00:00 /usr/bin/dockerd -H fd:// --\n',
    );
  });

  it('usermod -aG docker takes effect in a new login (su -), not in the running shell', async () => {
    const out = await runScript(['sudo usermod -aG docker user', 'groups', 'sudo su - user -c groups']);
    expect(out).toContain('user adm cdrom sudo dip plugdev lxd\nuser adm cdrom sudo dip plugdev lxd docker\n');
  });

  it('sudo -l reads the host sudoers and sudoers.d', async () => {
    const out = await runScript(['sudo -l']);
    expect(out).toContain('User user may run the following commands on dockersim:\n    (ALL : ALL) ALL\n    (ALL) NOPASSWD: ALL\n');
  });
});
