/**
 * Lesson prose to HTML with markdown-it, safely: `html: false` escapes any HTML an author wrote (a lesson with
 * `<img src=x onerror=alert(1)>` shows that text), markdown-it's link validator drops `javascript:` and
 * `data:` URLs, and links open in a new tab with `rel="noopener"` so a lesson can never steer the page; a
 * `preview:container:port/path` link (previewLink.ts) opens the web preview instead.
 * ```sh blocks are cut out as command segments: the panel renders them as buttons that type the command.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { joinChineseLines } from '../markdownCjk.js';

export type Segment =
  | { readonly kind: 'html'; readonly html: string }
  /** The non-blank lines of a ```sh block. */
  | { readonly kind: 'commands'; readonly lines: readonly string[] };

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, i, opts, _env, self) => self.renderToken(tokens, i, opts));
md.renderer.rules.link_open = (tokens, i, opts, env, self) => {
  const href = String(tokens[i].attrGet('href') ?? '');
  if (href.startsWith('preview:')) {
    // Opens the web preview in the page (StepView handles the click), so no new tab.
    tokens[i].attrSet('href', '#');
    tokens[i].attrSet('data-preview', href);
    tokens[i].attrSet('class', 'lesson-preview');
    return defaultLinkOpen(tokens, i, opts, env, self);
  }
  tokens[i].attrSet('target', '_blank');
  tokens[i].attrSet('rel', 'noopener');
  return defaultLinkOpen(tokens, i, opts, env, self);
};

joinChineseLines(md);

/** Inline Markdown (a check's description, a hint of one line) without the paragraph around it. */
export function renderInline(text: string): string {
  return md.renderInline(text);
}

export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** Splits a step's Markdown at its top-level ```sh blocks. */
export function renderSegments(text: string): Segment[] {
  const tokens = md.parse(text, {});
  const out: Segment[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push({ kind: 'html', html: md.renderer.render(run, md.options, {}) });
    run = [];
  };
  for (const t of tokens) {
    if (t.type === 'fence' && t.level === 0 && t.info.trim().split(/\s+/)[0] === 'sh') {
      flush();
      const lines = t.content.replace(/\n$/, '').split('\n').filter((l) => l.trim() !== '');
      if (lines.length > 0) out.push({ kind: 'commands', lines });
    } else {
      run.push(t);
    }
  }
  flush();
  return out;
}
