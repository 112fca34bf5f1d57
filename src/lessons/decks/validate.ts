/**
 * Rules across deck files: each deck is `decks/<id>/deck.<zh|en>.md` with that id, in both languages, with the
 * same number of slides and, slide for slide, the same terminal and the same commands (a link `?slide=5` and
 * the presenter's step count mean the same in both). With `onHost`, every command must be one the simulator
 * runs (commands.ts).
 */
import { sortErrors, type LessonError } from '../errors.js';
import type { SourceFile } from '../validate.js';
import { unknownCommand } from './commands.js';
import type { Deck } from './model.js';
import { parseDeck } from './parse.js';

export interface DeckSet {
  /** Decks without errors, by id then locale. */
  readonly decks: readonly Deck[];
  readonly errors: readonly LessonError[];
}

export interface DeckCheckOptions {
  /** Whether the simulated host has `program` (a name looked up in PATH, or a path); omit to skip the check. */
  readonly onHost?: (program: string) => boolean;
}

export function validateDecks(files: readonly SourceFile[], opts: DeckCheckOptions = {}): DeckSet {
  const errors: LessonError[] = [];
  const add = (file: string, line: number, message: string): void => void errors.push({ file, line, message });
  const decks: Deck[] = [];
  for (const f of files) {
    const r = parseDeck(f.path, f.text);
    errors.push(...r.errors);
    if (r.deck) decks.push(r.deck);
  }
  for (const d of decks) {
    const dir = d.file.split('/').slice(-2, -1)[0];
    if (dir !== undefined && d.file.includes('/') && dir !== d.id) add(d.file, 2, `id \`${d.id}\` must be the folder's name, \`${dir}\``);
    if (opts.onHost) {
      for (const s of d.slides) {
        for (const c of s.commands) {
          const why = unknownCommand(c.text, opts.onHost);
          if (why) add(d.file, c.line, why);
        }
      }
    }
  }
  const folders = new Map<string, string[]>();
  for (const f of files) {
    const folder = f.path.slice(0, f.path.lastIndexOf('/') + 1);
    folders.set(folder, [...(folders.get(folder) ?? []), f.path]);
  }
  for (const [folder, paths] of folders) {
    for (const [mine, other] of [['zh', 'en'], ['en', 'zh']] as const) {
      if (paths.includes(`${folder}deck.${mine}.md`) && !paths.includes(`${folder}deck.${other}.md`)) {
        add(`${folder}deck.${mine}.md`, 1, `no ${other} version: expected deck.${other}.md next to it`);
      }
    }
    const zh = decks.find((d) => d.file === `${folder}deck.zh.md`);
    const en = decks.find((d) => d.file === `${folder}deck.en.md`);
    if (zh && en) compare(zh, en, add);
  }
  const bad = new Set(errors.map((e) => e.file));
  const good = decks.filter((d) => !bad.has(d.file)).sort((a, b) => (a.id === b.id ? (a.locale < b.locale ? -1 : 1) : a.id < b.id ? -1 : 1));
  return { decks: good, errors: sortErrors(errors) };
}

type Add = (file: string, line: number, message: string) => void;

/** The en file is reported against the zh file, as for lessons. */
function compare(zh: Deck, en: Deck, add: Add): void {
  if (zh.id !== en.id) add(en.file, 2, `id \`${en.id}\` differs from \`${zh.id}\` in deck.zh.md`);
  if (zh.seed !== en.seed) add(en.file, 2, `seed ${en.seed} differs from ${zh.seed} in deck.zh.md`);
  if (zh.slides.length !== en.slides.length) {
    const at = en.slides[Math.min(zh.slides.length, en.slides.length)] ?? en.slides[en.slides.length - 1];
    add(en.file, at?.line ?? 1, `${en.slides.length} slides, but deck.zh.md has ${zh.slides.length}: the two languages must have the same slides`);
    return;
  }
  zh.slides.forEach((z, i) => {
    const e = en.slides[i];
    const term = (s: typeof z): string => (s.terminal ? `terminal \`${s.terminal.name}\`${s.terminal.panel ? ' with the daemon view' : ''}` : 'no terminal');
    if (term(z) !== term(e)) add(en.file, e.terminal?.line ?? e.line, `slide ${e.number} has ${term(e)}, but deck.zh.md's has ${term(z)} (line ${z.terminal?.line ?? z.line})`);
    const cmds = (s: typeof z): string => s.commands.map((c) => c.text).join('\n');
    if (cmds(z) !== cmds(e)) add(en.file, e.commands[0]?.line ?? e.line, `slide ${e.number}: commands differ from deck.zh.md's (line ${z.commands[0]?.line ?? z.line})`);
  });
}
