/**
 * The deck format and `decks:check`'s rules: each problem reported as `file:line: message`, exactly, and the
 * shipped decks clean (commands checked against a booted host and the docker CLI's tree).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/lessons/index.js';
import { parseDeck, terminalNames } from '../../src/lessons/decks/index.js';
import { shellWords, unknownCommand } from '../../src/lessons/decks/commands.js';
import { validateDecks } from '../../src/lessons/decks/validate.js';
import { HOST } from '../../src/machine/files.js';
import { Machine } from '../../src/machine/machine.js';

const FRONT = '---\nid: demo\ntitle: Demo\n---\n';
const errorsOf = (text: string, file = 'decks/demo/deck.en.md'): string[] => parseDeck(file, text).errors.map(formatError);

describe('parseDeck', () => {
  it('reads slides, notes, fragments, a terminal and its commands', () => {
    const text = `${FRONT}# Title

+ one
+ two
---
## Live {#x}
\`\`\`sh
sudo docker ps
\`\`\`
\`\`\`terminal
name: host
panel: true
\`\`\`
::: fragment
Later.
:::
\`\`\`notes
Say *this*.
\`\`\`
---
\`\`\`text
---
not a separator
\`\`\`
`;
    const r = parseDeck('decks/demo/deck.en.md', text);
    expect(r.errors).toEqual([]);
    const d = r.deck!;
    expect([d.id, d.title, d.locale, d.seed, d.slides.length]).toEqual(['demo', 'Demo', 'en', 1, 3]);
    const [s1, s2, s3] = d.slides;
    expect([s1.number, s1.line, s1.title, s1.fragments, s1.terminal]).toEqual([1, 5, 'Title', 2, null]);
    expect([s2.line, s2.fragments, s2.notes]).toEqual([10, 1, 'Say *this*.']);
    expect(s2.terminal).toEqual({ name: 'host', panel: true, line: 14 });
    expect(s2.commands).toEqual([{ text: 'sudo docker ps', line: 12 }]);
    expect(s2.nodes.map((n) => n.kind)).toEqual(['markdown', 'commands', 'fragment']);
    // A `---` inside a fenced block is text.
    expect(s3.nodes).toEqual([{ kind: 'markdown', text: '```text\n---\nnot a separator\n```', line: 25 }]);
    expect(terminalNames(d)).toEqual(['host']);
  });

  it('reports an unknown directive, unbalanced ::: and an unclosed fence at their lines', () => {
    expect(errorsOf(`${FRONT}# A\n::: columns\n:::\n`)).toEqual([
      'decks/demo/deck.en.md:6: unknown directive `::: columns` (known: fragment)',
      'decks/demo/deck.en.md:7: unbalanced `:::`: no `::: fragment` is open here',
    ]);
    expect(errorsOf(`${FRONT}# A\n::: fragment\ntext\n---\n# B\n`)).toEqual([
      'decks/demo/deck.en.md:6: unbalanced `::: fragment`: not closed by a `:::` line before the slide ends',
    ]);
    expect(errorsOf(`${FRONT}# A\n\`\`\`sh\nls\n---\n# B\n`)).toEqual([
      'decks/demo/deck.en.md:6: unbalanced fence: the fenced block opened here is never closed (a `---` inside it does not start a slide)',
    ]);
  });

  it('reports terminal options, a second terminal and commands without a terminal', () => {
    expect(errorsOf(`${FRONT}# A\n\`\`\`terminal\nname: Main\nsize: big\npanel: yes\n\`\`\`\n\`\`\`terminal\n\`\`\`\n`)).toEqual([
      'decks/demo/deck.en.md:7: terminal name must be made of a-z, 0-9 and -, got "Main"',
      'decks/demo/deck.en.md:8: unknown terminal option `size` (known: name, panel) on slide 1',
      'decks/demo/deck.en.md:9: terminal panel must be true or false, got "yes"',
      'decks/demo/deck.en.md:11: a slide has one terminal (the first is at line 6)',
    ]);
    expect(errorsOf(`${FRONT}# A\n\n\`\`\`sh\nls\n\`\`\`\n`)).toEqual([
      'decks/demo/deck.en.md:8: commands on a slide without a terminal: add a ```terminal block to type them into',
    ]);
  });

  it('reports the file name and the front matter', () => {
    expect(errorsOf(`${FRONT}# A\n`, 'decks/demo/slides.md')).toEqual(['decks/demo/slides.md:1: file name must be deck.zh.md or deck.en.md, got slides.md']);
    expect(errorsOf('---\nid: Demo\nauthor: me\nseed: -1\n---\n# A\n')).toEqual([
      'decks/demo/deck.en.md:1: front matter: missing `title`',
      'decks/demo/deck.en.md:2: front matter: `id` must be made of a-z, 0-9 and -, got "Demo"',
      'decks/demo/deck.en.md:3: front matter: unknown field `author` (known: id, title, summary, seed)',
      'decks/demo/deck.en.md:4: front matter: `seed` must be a whole number ≥ 0',
    ]);
    expect(errorsOf('# A\n')).toEqual(['decks/demo/deck.en.md:1: missing front matter: the file must start with a `---` line']);
  });
});

describe('validateDecks', () => {
  const zh = `${FRONT}# 一\n---\n# 二\n\`\`\`terminal\n\`\`\`\n\`\`\`sh\nls\n\`\`\`\n`;
  it('pairs zh and en slide for slide', () => {
    const en3 = `${FRONT}# One\n---\n# Two\n\`\`\`terminal\n\`\`\`\n\`\`\`sh\nls\n\`\`\`\n---\n# Three\n`;
    expect(validateDecks([{ path: 'decks/demo/deck.zh.md', text: zh }, { path: 'decks/demo/deck.en.md', text: en3 }]).errors.map(formatError)).toEqual([
      "decks/demo/deck.en.md:14: 3 slides, but deck.zh.md has 2: the two languages must have the same slides",
    ]);
    const enOther = `${FRONT}# One\n---\n# Two\n\`\`\`terminal\nname: other\n\`\`\`\n\`\`\`sh\npwd\n\`\`\`\n`;
    expect(validateDecks([{ path: 'decks/demo/deck.zh.md', text: zh }, { path: 'decks/demo/deck.en.md', text: enOther }]).errors.map(formatError)).toEqual([
      "decks/demo/deck.en.md:8: slide 2 has terminal `other`, but deck.zh.md's has terminal `main` (line 8)",
      "decks/demo/deck.en.md:12: slide 2: commands differ from deck.zh.md's (line 11)",
    ]);
    expect(validateDecks([{ path: 'decks/demo/deck.zh.md', text: zh }]).errors.map(formatError)).toEqual([
      'decks/demo/deck.zh.md:1: no en version: expected deck.en.md next to it',
    ]);
    expect(validateDecks([{ path: 'decks/other/deck.zh.md', text: zh }, { path: 'decks/other/deck.en.md', text: zh }]).errors.map(formatError)).toEqual([
      'decks/other/deck.en.md:2: id `demo` must be the folder\'s name, `other`',
      'decks/other/deck.zh.md:2: id `demo` must be the folder\'s name, `other`',
    ]);
  });

  it('reports commands the simulator does not know, with their lines', () => {
    const text = `${FRONT}# A\n\`\`\`terminal\n\`\`\`\n\`\`\`sh\nsudo docker ps -a\nsudo docker frobnicate\ndocker plugin ls\nfrob --now\nls | grep x && cd /tmp\n<Ctrl-C>\n<Ctrl-P><F13>\n\`\`\`\n`;
    const onHost = (p: string): boolean => ['ls', 'grep'].includes(p);
    const errs = validateDecks([{ path: 'decks/demo/deck.zh.md', text }, { path: 'decks/demo/deck.en.md', text }], { onHost }).errors.map(formatError);
    expect(errs.filter((e) => e.includes('deck.en.md'))).toEqual([
      'decks/demo/deck.en.md:10: `docker frobnicate` is not a docker command',
      'decks/demo/deck.en.md:11: `docker plugin` is not simulated: the simulator refuses it',
      'decks/demo/deck.en.md:12: `frob` is not a program on the simulated host (nor a shell builtin)',
      'decks/demo/deck.en.md:15: unknown key <F13> (use <Ctrl-C>, <Ctrl-D>, <Ctrl-P>, <Enter>, <Tab>, <Esc>…)',
    ]);
  });

  it('splits shell lines into words and operators', () => {
    expect(shellWords(`sudo docker run -d ubuntu /bin/sh -c "while true; do echo hi; done"|tail&&ls # x`)).toEqual([
      'sudo', 'docker', 'run', '-d', 'ubuntu', '/bin/sh', '-c', 'while true; do echo hi; done', '|', 'tail', '&&', 'ls',
    ]);
    expect(unknownCommand('FOO=1 sudo -E env', (p) => p === 'env')).toBeUndefined();
  });

  it('passes the shipped decks, their commands checked on a booted host', () => {
    const dirs = readdirSync('decks').filter((d) => !d.includes('.'));
    const files = dirs.flatMap((d) => readdirSync(`decks/${d}`).map((f) => ({ path: `decks/${d}/${f}`, text: readFileSync(`decks/${d}/${f}`, 'utf8') })));
    const machine = Machine.boot({ seed: 1 });
    const onHost = (p: string): boolean => ['/usr/bin', '/bin', '/usr/sbin', '/sbin'].some((d) => machine.files.stat(HOST, `${d}/${p}`).ok);
    const set = validateDecks(files, { onHost });
    expect(set.errors.map(formatError)).toEqual([]);
    expect(set.decks.map((d) => `${d.id} ${d.locale} ${d.slides.length}`)).toEqual(['ch1-3 en 15', 'ch1-3 zh 15']);
  });
});
