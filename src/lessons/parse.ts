/**
 * Reads one lesson file into the Lesson model: front matter (YAML), then the Markdown body through markdown-it's
 * token stream, whose `map` gives each block's source lines. Level-2 headings `## Title {#id}` open steps; fenced
 * blocks whose info string is check/hint/solution belong to their step and are cut out of its prose.
 * Everything wrong inside the file is reported as `file:line: message`; rules across files are in validate.ts.
 */
import MarkdownIt from 'markdown-it';
import { ErrorList, type LessonError } from './errors.js';
import { parseCheckBlock } from './checkblock.js';
import { ID_PATTERN, parseFrontMatter, splitFrontMatter } from './frontmatter.js';
import type { Locale } from './locale.js';
import type { CheckSpec, Hint, Lesson, SolutionAction, Step } from './model.js';
import { parseSolution } from './solution.js';
import { parsePreviewHref } from './previewHref.js';

export interface ParseResult {
  /** Absent when the file has errors. */
  readonly lesson?: Lesson;
  readonly errors: readonly LessonError[];
}

export const FILE_NAME = /^(\d{2})-([a-z0-9-]+)\.(zh|en)\.md$/;
const HEADING_ID = /^(.*?)\s*\{#([^}]*)\}\s*$/;
const SPECIAL = new Set(['check', 'hint', 'solution']);

interface Block {
  readonly kind: string;
  readonly content: string;
  /** File lines: the opening fence, and one past the closing fence. */
  readonly start: number;
  readonly end: number;
}

interface Heading {
  readonly title: string;
  readonly id: string;
  readonly line: number;
}

const md = new MarkdownIt({ html: false });
/** Only to find HTML: the panel escapes it (markdown.ts), so `<kbd>Ctrl-C</kbd>` would show as that text. */
const htmlFinder = new MarkdownIt({ html: true });

/** Reports HTML in `text` (Markdown starting at file line `first`), the first tag of each line that has one, and malformed `preview:` links. */
function rejectHtml(text: string, first: number, errors: ErrorList): void {
  const found = new Map<number, string>();
  const note = (line: number, tag: string): void => void (found.has(line) || found.set(line, tag));
  const links: [number, string][] = [];
  for (const t of htmlFinder.parse(text, {})) {
    if (!t.map) continue;
    if (t.type === 'html_block') note(first + t.map[0], t.content.trim().split('\n')[0]);
    if (t.type !== 'inline') continue;
    let line = first + t.map[0];
    for (const c of t.children ?? []) {
      if (c.type === 'softbreak' || c.type === 'hardbreak') line++;
      else if (c.type === 'html_inline') note(line, c.content);
      else if (c.type === 'link_open') {
        const href = String(c.attrGet('href') ?? '');
        if (href.startsWith('preview:') && !parsePreviewHref(href)) links.push([line, href]);
      }
    }
  }
  for (const [line, tag] of found) {
    errors.add(line, `HTML is not allowed in lesson Markdown (the panel shows it as text): \`${tag}\`; write \`Ctrl-C\` for a key`);
  }
  for (const [line, href] of links) {
    errors.add(line, `a preview link is preview:CONTAINER:PORT or preview:CONTAINER:PORT/path (the container's port, not the host's), got \`${href}\``);
  }
}

export function parseLesson(file: string, text: string): ParseResult {
  const errors = new ErrorList(file);
  const base = file.slice(file.lastIndexOf('/') + 1);
  const name = FILE_NAME.exec(base);
  if (!name) errors.add(1, `file name must be NN-slug.zh.md or NN-slug.en.md, got ${base}`);
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const split = splitFrontMatter(lines, errors);
  if (!split) return { errors: errors.errors };
  const front = parseFrontMatter(split.yaml, errors);
  const body = parseBody(lines, split.bodyLine, errors);
  if (!front || !body || !name || errors.errors.length > 0) return { errors: errors.errors };
  const lesson: Lesson = { file, locale: name[3] as Locale, ...front, ...body };
  return { lesson, errors: [] };
}

function parseBody(lines: readonly string[], bodyLine: number, errors: ErrorList): { intro: string; steps: Step[] } | null {
  const source = lines.slice(bodyLine - 1).join('\n');
  rejectHtml(source, bodyLine, errors);
  const tokens = md.parse(source, {});
  const headings: Heading[] = [];
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.map) continue;
    const line = bodyLine + t.map[0];
    if (t.type === 'heading_open' && t.tag === 'h2') {
      const raw = tokens[i + 1]?.content ?? '';
      const m = HEADING_ID.exec(raw);
      if (!m) {
        errors.add(line, `step heading has no id: write \`## ${raw} {#some-id}\``);
        headings.push({ title: raw, id: '', line });
      } else {
        if (!ID_PATTERN.test(m[2])) errors.add(line, `step id \`${m[2]}\` must be made of a-z, 0-9 and -`);
        headings.push({ title: m[1], id: m[2], line });
      }
    } else if (t.type === 'fence') {
      blocks.push({ kind: t.info.trim().split(/\s+/)[0] ?? '', content: t.content, start: line, end: bodyLine + t.map[1] });
    }
  }
  const firstStep = headings[0]?.line ?? lines.length + 1;
  for (const b of blocks) {
    if (b.start < firstStep && SPECIAL.has(b.kind)) errors.add(b.start, `a \`\`\`${b.kind} block must be inside a step (after a \`## Title {#id}\` heading)`);
  }
  const seen = new Map<string, number>();
  const steps: Step[] = [];
  headings.forEach((h, i) => {
    const end = headings[i + 1]?.line ?? lines.length + 1;
    const own = blocks.filter((b) => b.start > h.line && b.start < end);
    if (h.id !== '') {
      const first = seen.get(h.id);
      if (first !== undefined) errors.add(h.line, `duplicate step id \`${h.id}\` (first used at line ${first})`);
      else seen.set(h.id, h.line);
    }
    steps.push(buildStep(h, own, lines, end, errors));
  });
  structure(steps, lines.length, errors);
  const intro = lines.slice(bodyLine - 1, firstStep - 1).join('\n').trim();
  return { intro, steps };
}

function buildStep(h: Heading, own: readonly Block[], lines: readonly string[], end: number, errors: ErrorList): Step {
  const of = (kind: string): Block[] => own.filter((b) => b.kind === kind);
  const recap = h.id === 'recap';
  const checkBlocks = of('check');
  const solutionBlocks = of('solution');
  let checks: CheckSpec[] = [];
  let actions: SolutionAction[] = [];
  let solution: string[] = [];
  if (recap) {
    for (const b of [...checkBlocks, ...solutionBlocks]) errors.add(b.start, `the recap has no \`\`\`${b.kind} block`);
  } else if (h.id !== '') {
    if (checkBlocks.length !== 1) errors.add(h.line, `step \`${h.id}\` needs exactly one \`\`\`check block, found ${checkBlocks.length}`);
    if (solutionBlocks.length !== 1) errors.add(h.line, `step \`${h.id}\` needs exactly one \`\`\`solution block, found ${solutionBlocks.length}`);
    if (checkBlocks[0]) checks = parseCheckBlock(checkBlocks[0].content, checkBlocks[0].start + 1, errors);
    const sol = solutionBlocks[0];
    if (sol) {
      solution = sol.content.replace(/\n$/, '').split('\n');
      actions = parseSolution(solution, sol.start + 1, errors);
      if (!actions.some((a) => a.kind === 'type' || a.kind === 'keys')) errors.add(sol.start, `step \`${h.id}\`: the solution types nothing`);
    }
  }
  for (const b of of('hint')) rejectHtml(b.content, b.start + 1, errors);
  const hints: Hint[] = of('hint').map((b) => ({ markdown: b.content.trim(), line: b.start }));
  const cut = own.filter((b) => SPECIAL.has(b.kind));
  const prose: string[] = [];
  for (let l = h.line + 1; l < end; l++) if (!cut.some((b) => l >= b.start && l < b.end)) prose.push(lines[l - 1]);
  const commands = of('sh').flatMap((b) =>
    b.content.replace(/\n$/, '').split('\n').map((text, i) => ({ text, line: b.start + 1 + i })).filter((c) => c.text.trim() !== ''),
  );
  return {
    id: h.id, title: h.title, line: h.line, markdown: prose.join('\n').trim(), commands, checks, hints, solution, actions,
  };
}

/** Order rules: at least one step, a challenge only right before the recap, the recap last. */
function structure(steps: readonly Step[], lastLine: number, errors: ErrorList): void {
  const tasks = steps.filter((s) => s.id !== 'recap');
  if (tasks.length === 0) errors.add(lastLine, 'a lesson needs at least one step (`## Title {#id}` with a check and a solution)');
  const recapAt = steps.findIndex((s) => s.id === 'recap');
  if (recapAt < 0) errors.add(lastLine, 'missing the recap: end the lesson with `## Recap {#recap}` (`## 小结 {#recap}` in zh)');
  else if (recapAt !== steps.length - 1) errors.add(steps[recapAt + 1].line, 'the recap must be the last step');
  const challengeAt = steps.findIndex((s) => s.id === 'challenge');
  if (challengeAt >= 0 && recapAt >= 0 && challengeAt !== recapAt - 1) {
    errors.add(steps[challengeAt].line, 'the challenge must come right before the recap');
  }
}
