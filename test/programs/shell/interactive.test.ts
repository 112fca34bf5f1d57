/** The login shell on a terminal, as a learner sees it: prompts, continuation lines, Ctrl-C, Ctrl-D, jobs. */
import { describe, expect, it } from 'vitest';
import { runScript } from '../../helpers/machine.js';

const P = 'user@dockersim:~$ ';

/** The transcript from the first typed line on (login banners and start-up noise dropped). */
async function session(lines: string[]): Promise<string> {
  const out = await runScript(lines, { transcript: true, tickMs: 5000 });
  const start = out.indexOf(`${P}${lines[0].replace('\x03', '^C')}`);
  if (start < 0) throw new Error(`first command not found in:\n${out}`);
  return out.slice(start);
}

describe('interactive bash', () => {
  it('prompts with PS2 for unfinished input', async () => {
    expect(await session(['if true', 'then echo multi', 'fi', 'echo "open', 'close"', 'cat <<EOF', 'doc $HOME', 'EOF'])).toBe(
      `${P}if true\n> then echo multi\n> fi\nmulti\n${P}echo "open\n> close"\nopen\nclose\n` +
        `${P}cat <<EOF\n> doc $HOME\n> EOF\ndoc /home/user\n${P}`,
    );
  });

  it('reports syntax errors without a line number and keeps going', async () => {
    expect(await session(['echo a;;', 'foo', 'echo $?'])).toBe(
      `${P}echo a;;\n-bash: syntax error near unexpected token \`;;'\n${P}foo\n-bash: foo: command not found\n${P}echo $?\n127\n${P}`,
    );
  });

  it('Ctrl-C abandons the line at the prompt and interrupts a foreground job', async () => {
    expect(await session(['echo abc\x03', 'sleep 10', '\x03', 'echo $?'])).toBe(
      `${P}echo abc^C\n${P}sleep 10\n^C\n${P}echo $?\n130\n${P}`,
    );
  });

  it('prints bash messages for jobs killed by other signals', async () => {
    expect(await session(['sleep 100', '\x1c', 'echo $?'])).toBe(`${P}sleep 100\n^\\Quit\n${P}echo $?\n131\n${P}`);
  });

  it('runs background jobs and reports them before the prompt', async () => {
    const out = await session(['sleep 1 &', 'sleep 2', 'sleep 5 &', 'jobs', 'kill %1', 'echo done']);
    expect(out).toMatch(
      new RegExp(
        `^${esc(P)}sleep 1 &\\n\\[1\\] \\d+\\n${esc(P)}sleep 2\\n\\[1\\]\\+  Done                    sleep 1\\n` +
          `${esc(P)}sleep 5 &\\n\\[1\\] \\d+\\n${esc(P)}jobs\\n\\[1\\]\\+  Running                 sleep 5 &\\n` +
          `${esc(P)}kill %1\\n\\[1\\]\\+  Terminated              sleep 5\\n${esc(P)}echo done\\ndone\\n${esc(P)}$`,
      ),
    );
  });

  // bash 5.2 (readline 8.2 with bracketed paste on) moves to a new line at EOF before `logout`.
  it('exit and Ctrl-D print logout in a login shell; sh prints nothing', async () => {
    const out = await session(['sh', 'echo $0; foo', 'exit', 'bash -c "exit 7"; echo $?', '\x04']);
    expect(out).toBe(`${P}sh\n$ echo $0; foo\nsh\nsh: 1: foo: not found\n$ exit\n${P}bash -c "exit 7"; echo $?\n7\n${P}\nlogout\n`);
  });

  it('runs traps for signals sent to itself', async () => {
    expect(await session(['trap "echo got int" INT', 'kill -INT $$', 'echo after'])).toBe(
      `${P}trap "echo got int" INT\n${P}kill -INT $$\ngot int\n${P}echo after\nafter\n${P}`,
    );
  });

  it('reads scripts from a pipe one command at a time', async () => {
    expect(await session(["printf 'echo a\\nif true\\nthen echo b\\nfi\\nfoo\\n' | bash", "echo 'echo \"x' | bash"])).toBe(
      `${P}printf 'echo a\\nif true\\nthen echo b\\nfi\\nfoo\\n' | bash\na\nb\nbash: line 5: foo: command not found\n` +
        `${P}echo 'echo "x' | bash\nbash: line 1: unexpected EOF while looking for matching \`"'\n${P}`,
    );
  });

  it('expands aliases, cd -, subshells and read from the terminal', async () => {
    expect(await session(['alias ll="echo LL"', 'll', '(cd /tmp; pwd); pwd', 'cd /tmp; cd -', 'read x', 'hello world', 'echo "[$x]"'])).toBe(
      `${P}alias ll="echo LL"\n${P}ll\nLL\n${P}(cd /tmp; pwd); pwd\n/tmp\n/home/user\n${P}cd /tmp; cd -\n/home/user\n` +
        `${P}read x\nhello world\n${P}echo "[$x]"\n[hello world]\n${P}`,
    );
  });
  it('remembers the commands it ran, as bash does (the sudo hint in /etc/bash.bashrc is a `cat`)', async () => {
    // The transcript is the screen: tabs are spaces to the next tab stop.
    const out = await session(['hash', 'ls /nope 2>/dev/null', 'type cat', 'hash', 'PATH=$PATH', 'hash', 'set -o | grep -E "^(emacs|history|monitor)"']);
    expect(out).toBe(
      `${P}hash\nhits    command\n   1    /usr/bin/cat\n${P}ls /nope 2>/dev/null\n${P}type cat\ncat is hashed (/usr/bin/cat)\n` +
        `${P}hash\nhits    command\n   1    /usr/bin/ls\n   2    /usr/bin/cat\n${P}PATH=$PATH\n${P}hash\nhash: hash table empty\n` +
        `${P}set -o | grep -E "^(emacs|history|monitor)"\nemacs           on\nhistory         on\nmonitor         off\n${P}`,
    );
  });
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
