/**
 * The editor pane's reads and writes (src/machine/files.ts): through the kernel, as the learner on the host and
 * as root in a running container, so the shell sees a saved file at once and a refusal is the kernel's.
 */
import { describe, expect, it } from 'vitest';
import { HeadlessSession } from '../../src/machine/headless.js';
import { HOST } from '../../src/machine/files.js';
import { Machine } from '../../src/machine/machine.js';
import { nodeDrain } from '../../src/node/drain.js';
import { renderScreen } from '../../src/node/render.js';

const text = (r: { ok: boolean; value?: Uint8Array }): string | undefined => (r.ok ? new TextDecoder().decode(r.value) : undefined);

function boot(): { machine: Machine; sh: HeadlessSession } {
  const machine = Machine.boot({ seed: 1, drain: nodeDrain });
  const term = machine.openTerminal({ rows: 24, cols: 100 });
  return { machine, sh: new HeadlessSession(machine, term, { tickMs: 60_000 }) };
}

async function shown(sh: HeadlessSession, lines: readonly string[]): Promise<string> {
  const before = sh.output.length;
  for (const l of lines) await sh.type(l);
  await sh.finish();
  return renderScreen(sh.output.slice(before), 100, 200);
}

describe('machine files', () => {
  it('lists the learner home and reads a file as the learner', async () => {
    const { machine, sh } = boot();
    await shown(sh, ['printf "hi\\n" > note.txt', 'mkdir work']);
    const home = machine.files.home();
    expect(home).toBe('/home/user');
    const list = machine.files.list(HOST, home);
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const names = list.value.map((e) => `${e.name}:${e.type}`);
    expect(names).toContain('note.txt:file');
    expect(names).toContain('work:dir');
    expect(names).toContain('.bashrc:file');
    expect(text(machine.files.read(HOST, `${home}/note.txt`))).toBe('hi\n');
    // Root's home is not the learner's to read.
    expect(machine.files.list(HOST, '/root')).toMatchObject({ ok: false, code: 'EACCES', message: 'Permission denied' });
  });

  it('writes a new file as the learner, which cat and ls see at once', async () => {
    const { machine, sh } = boot();
    const r = machine.files.write(HOST, '/home/user/Dockerfile', 'FROM ubuntu:24.04\nRUN echo hi\n');
    expect(r).toMatchObject({ ok: true, value: { type: 'file', uid: 1000, gid: 1000, mode: 0o644, size: 30 } });
    const out = await shown(sh, ['cat Dockerfile', 'ls -l Dockerfile']);
    expect(out).toContain('FROM ubuntu:24.04\nRUN echo hi\n');
    expect(out).toMatch(/-rw-r--r-- 1 user user 30 .* Dockerfile/);
  });

  it('rewrites a file in place, keeping its inode, owner and mode', async () => {
    const { machine, sh } = boot();
    await shown(sh, ['echo old > f', 'chmod 600 f']);
    const before = machine.files.stat(HOST, '/home/user/f');
    const after = machine.files.write(HOST, '/home/user/f', 'new\n');
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(after.value.ino).toBe(before.value.ino);
    expect(after.value.mode).toBe(0o600);
    expect(await shown(sh, ['cat f'])).toContain('new\n');
  });

  it("refuses a write the learner may not make with the kernel's error, and changes nothing", async () => {
    const { machine, sh } = boot();
    expect(machine.files.write(HOST, '/etc/hosts', 'x\n')).toEqual({ ok: false, code: 'EACCES', message: 'Permission denied' });
    expect(machine.files.write(HOST, '/nonexistent/dir/f', 'x\n')).toMatchObject({ ok: false, code: 'ENOENT' });
    expect(machine.files.write(HOST, '/home/user', 'x\n')).toMatchObject({ ok: false, code: 'EISDIR' });
    expect(await shown(sh, ['cat /etc/hosts'])).toContain('localhost');
  });

  it("reads and writes a running container's files as root, and docker diff shows the write", async () => {
    const { machine, sh } = boot();
    await shown(sh, ['sudo docker run -d --name box busybox sleep 1000']);
    const c = machine.query.findContainer('box')!;
    const target = { kind: 'container', id: c.ID } as const;
    const root = machine.files.list(target, '/');
    expect(root.ok && root.value.some((e) => e.name === 'etc' && e.type === 'dir')).toBe(true);
    expect(text(machine.files.read(target, '/etc/hostname'))).toBe(`${c.ID.slice(0, 12)}\n`);
    expect(machine.files.write(target, '/etc/motd', 'hello from the pane\n')).toMatchObject({ ok: true, value: { uid: 0, gid: 0 } });
    expect(machine.query.changes(c.ID)).toContainEqual({ kind: 'C', path: '/etc' });
    expect(machine.query.changes(c.ID)).toContainEqual({ kind: 'A', path: '/etc/motd' });
    expect(await shown(sh, ['sudo docker exec box cat /etc/motd'])).toContain('hello from the pane\n');
    await shown(sh, ['sudo docker stop -t 0 box']);
    expect(machine.files.write(target, '/etc/motd', 'late\n')).toMatchObject({ ok: false, code: 'not-running' });
    expect(machine.files.list(target, '/')).toMatchObject({ ok: false, code: 'not-running' });
  }, 60_000);
});
