/**
 * Reads one deck file (`decks/<id>/deck.<zh|en>.md`): front matter as a lesson's (splitFrontMatter, parseYaml),
 * then slides separated by `---` lines outside fenced blocks. In a slide, fenced blocks whose info string is
 * `notes`, `terminal` or `sh` are the deck's own (speaker notes, the live terminal and its options, commands to
 * click), `::: fragment` … `:::` wraps what is revealed one step later, and `+` list items are revealed one by one.
 * Everything else is Markdown. Errors are `file:line: message`; rules across files are in validate.ts.
 */
import MarkdownIt from 'markdown-it';
import { isMap, isScalar } from 'yaml';
import { ErrorList, sortErrors, type LessonError } from '../errors.js';
import { ID_PATTERN, splitFrontMatter } from '../frontmatterSplit.js';
import type { Locale } from '../locale.js';
import { parseYaml } from '../yaml.js';
import type { Deck, DeckCommand, DeckFront, Slide, SlideNode, SlideTerminal } from './model.js';

export interface DeckParse {
  /** Absent when the file has errors. */
  readonly deck?: Deck;
  readonly errors: readonly LessonError[];
}

export const DECK_FILE = /^deck\.(zh|en)\.md$/;
export const DIRECTIVES = ['fragment'] as const;
const FRONT_FIELDS = ['id', 'title', 'summary', 'seed'] as const;
const TERMINAL_FIELDS = ['name', 'panel'] as const;
const OWN_BLOCKS = new Set(['notes', 'terminal', 'sh']);
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const DIRECTIVE = /^:::\s*(.*?)\s*$/;

const md = new MarkdownIt({ html: false });

/** The steps `+` list items add to a slide's Markdown (the page marks the same tokens: src/ui/deck/render.ts). */
export function plusItems(markdown: string): number {
  return md.parse(markdown, {}).filter((t) => t.type === 'list_item_open' && t.markup === '+').length;
}

export function parseDeck(file: string, text: string): DeckParse {
  const errors = new ErrorList(file);
  const base = file.slice(file.lastIndexOf('/') + 1);
  const name = DECK_FILE.exec(base);
  if (!name) errors.add(1, `file name must be deck.zh.md or deck.en.md, got ${base}`);
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const split = splitFrontMatter(lines, errors);
  if (!split) return { errors: errors.errors };
  const front = parseDeckFront(split.yaml, errors);
  const slides = parseSlides(lines, split.bodyLine, errors);
  if (!front || !name || errors.errors.length > 0) return { errors: sortErrors(errors.errors) };
  return { deck: { file, locale: name[1] as Locale, ...front, slides }, errors: [] };
}

function parseDeckFront(yaml: string, errors: ErrorList): DeckFront | null {
  const src = parseYaml(yaml, 2, errors);
  if (!src) return null;
  const root = src.doc.contents;
  if (!isMap(root)) {
    errors.add(2, 'front matter must be a YAML map (`key: value` lines)');
    return null;
  }
  const got = new Map<string, { value: unknown; line: number }>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = src.lineOf(pair.key as never);
    if (!(FRONT_FIELDS as readonly string[]).includes(key)) errors.add(line, `front matter: unknown field \`${key}\` (known: ${FRONT_FIELDS.join(', ')})`);
    else got.set(key, { value: isScalar(pair.value) ? pair.value.value : pair.value === null ? null : 'a structure', line });
  }
  const before = errors.errors.length;
  const str = (key: string, required: boolean): string | undefined => {
    const f = got.get(key);
    if (!f) {
      if (required) errors.add(1, `front matter: missing \`${key}\``);
      return undefined;
    }
    if (typeof f.value !== 'string' || f.value.trim() === '') errors.add(f.line, `front matter: \`${key}\` must be a non-empty string`);
    return String(f.value);
  };
  const id = str('id', true);
  if (id !== undefined && !ID_PATTERN.test(id)) errors.add(got.get('id')!.line, `front matter: \`id\` must be made of a-z, 0-9 and -, got ${JSON.stringify(id)}`);
  const title = str('title', true);
  const summary = str('summary', false) ?? '';
  const seed = got.get('seed');
  if (seed && !(Number.isInteger(seed.value) && (seed.value as number) >= 0)) errors.add(seed.line, 'front matter: `seed` must be a whole number ≥ 0');
  if (errors.errors.length > before) return null;
  return { id: id!, title: title!, summary, seed: (seed?.value as number | undefined) ?? 1 };
}

interface RawSlide {
  readonly line: number;
  readonly lines: { readonly text: string; readonly line: number }[];
}

/** Cuts the body at `---` lines that are not inside a fenced block; an unclosed fence is reported where it opens. */
function splitSlides(lines: readonly string[], bodyLine: number, errors: ErrorList): RawSlide[] {
  const slides: RawSlide[] = [];
  let current: RawSlide = { line: bodyLine, lines: [] };
  let fence: { marker: string; line: number } | null = null;
  for (let i = bodyLine - 1; i < lines.length; i++) {
    const text = lines[i];
    const line = i + 1;
    const f = FENCE.exec(text);
    if (fence) {
      if (f && f[1][0] === fence.marker[0] && f[1].length >= fence.marker.length && f[2].trim() === '') fence = null;
    } else if (f) {
      fence = { marker: f[1], line };
    } else if (text.trim() === '---') {
      slides.push(current);
      current = { line: line + 1, lines: [] };
      continue;
    }
    current.lines.push({ text, line });
  }
  if (fence) errors.add(fence.line, 'unbalanced fence: the fenced block opened here is never closed (a `---` inside it does not start a slide)');
  slides.push(current);
  // Blank slides (a `---` at the very end, two in a row) are separators, not slides.
  return slides.filter((s) => s.lines.some((l) => l.text.trim() !== ''));
}

function parseSlides(lines: readonly string[], bodyLine: number, errors: ErrorList): Slide[] {
  const raw = splitSlides(lines, bodyLine, errors);
  if (raw.length === 0) errors.add(lines.length, 'a deck needs at least one slide');
  return raw.map((r, i) => parseSlide(r, i + 1, errors));
}

interface Frame {
  readonly nodes: SlideNode[];
  readonly line: number;
}

function parseSlide(raw: RawSlide, number: number, errors: ErrorList): Slide {
  const stack: Frame[] = [{ nodes: [], line: raw.line }];
  const notes: string[] = [];
  const commands: DeckCommand[] = [];
  let terminal: SlideTerminal | null = null;
  let text: { text: string; line: number }[] = [];
  let fragments = 0;
  let title = '';
  const top = (): Frame => stack[stack.length - 1];
  const flush = (): void => {
    const body = text.map((l) => l.text).join('\n').trimEnd();
    if (body.trim() !== '') {
      top().nodes.push({ kind: 'markdown', text: body, line: text[0].line });
      fragments += plusItems(body);
      if (title === '') title = /^#{1,6}\s+(.*?)\s*#*\s*$/m.exec(body)?.[1] ?? '';
    }
    text = [];
  };
  const ls = raw.lines;
  for (let i = 0; i < ls.length; i++) {
    const { text: t, line } = ls[i];
    const f = FENCE.exec(t);
    if (f) {
      // The whole block, to its closing fence (splitSlides reported one that never closes).
      let j = i + 1;
      while (j < ls.length) {
        const c = FENCE.exec(ls[j].text);
        if (c && c[1][0] === f[1][0] && c[1].length >= f[1].length && c[2].trim() === '') break;
        j++;
      }
      const kind = f[2].trim().split(/\s+/)[0] ?? '';
      const content = ls.slice(i + 1, j);
      // An unclosed block was reported by splitSlides: its lines are only text.
      if (!OWN_BLOCKS.has(kind) || j === ls.length) {
        text.push(...ls.slice(i, j + 1));
      } else {
        flush();
        if (kind === 'notes') {
          if (stack.length > 1) errors.add(line, 'speaker notes cannot be inside `::: fragment`');
          notes.push(content.map((l) => l.text).join('\n').trim());
        } else if (kind === 'terminal') {
          if (stack.length > 1) errors.add(line, 'a ```terminal block cannot be inside `::: fragment`');
          if (terminal) errors.add(line, `a slide has one terminal (the first is at line ${terminal.line})`);
          else terminal = parseTerminal(content, line, number, errors);
        } else {
          const cmds = content.filter((l) => l.text.trim() !== '').map((l) => ({ text: l.text.trim(), line: l.line }));
          commands.push(...cmds);
          if (cmds.length > 0) top().nodes.push({ kind: 'commands', commands: cmds, line });
        }
      }
      i = j;
      continue;
    }
    const d = DIRECTIVE.exec(t);
    if (d) {
      flush();
      const name = d[1];
      if (name === '') {
        if (stack.length === 1) errors.add(line, 'unbalanced `:::`: no `::: fragment` is open here');
        else {
          const frame = stack.pop()!;
          top().nodes.push({ kind: 'fragment', nodes: frame.nodes, line: frame.line });
        }
      } else if (!(DIRECTIVES as readonly string[]).includes(name)) {
        errors.add(line, `unknown directive \`::: ${name}\` (known: ${DIRECTIVES.join(', ')})`);
      } else {
        fragments++;
        stack.push({ nodes: [], line });
      }
      continue;
    }
    text.push({ text: t, line });
  }
  flush();
  while (stack.length > 1) {
    const frame = stack.pop()!;
    errors.add(frame.line, 'unbalanced `::: fragment`: not closed by a `:::` line before the slide ends');
    top().nodes.push({ kind: 'fragment', nodes: frame.nodes, line: frame.line });
  }
  if (commands.length > 0 && !terminal) {
    errors.add(commands[0].line, 'commands on a slide without a terminal: add a ```terminal block to type them into');
  }
  return { number, line: raw.line, title, nodes: stack[0].nodes, notes: notes.join('\n\n'), fragments, terminal, commands };
}

/** A ```terminal block's body: `name: …` (default `main`) and `panel: true|false`, one per line. */
function parseTerminal(content: readonly { text: string; line: number }[], line: number, slide: number, errors: ErrorList): SlideTerminal {
  let name = 'main';
  let panel = false;
  for (const l of content) {
    if (l.text.trim() === '') continue;
    const m = /^\s*([A-Za-z-]+)\s*:\s*(.*?)\s*$/.exec(l.text);
    if (!m) {
      errors.add(l.line, `terminal option must be \`key: value\`, got ${JSON.stringify(l.text.trim())}`);
      continue;
    }
    const [, key, value] = m;
    if (key === 'name') {
      if (!ID_PATTERN.test(value)) errors.add(l.line, `terminal name must be made of a-z, 0-9 and -, got ${JSON.stringify(value)}`);
      name = value;
    } else if (key === 'panel') {
      if (value !== 'true' && value !== 'false') errors.add(l.line, `terminal panel must be true or false, got ${JSON.stringify(value)}`);
      panel = value === 'true';
    } else {
      errors.add(l.line, `unknown terminal option \`${key}\` (known: ${TERMINAL_FIELDS.join(', ')}) on slide ${slide}`);
    }
  }
  return { name, panel, line };
}
