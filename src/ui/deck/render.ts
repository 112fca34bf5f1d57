/**
 * Slide Markdown to HTML, as the lessons' (src/ui/lessons/markdown.ts): HTML escaped, unsafe links dropped,
 * links in a new tab. A `+` list item is marked `data-fragment` (revealed step by step); the parser counts the
 * same tokens (src/lessons/decks/parse.ts plusItems).
 */
import MarkdownIt from 'markdown-it';
import { joinChineseLines } from '../markdownCjk.js';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, i, opts, _env, self) => self.renderToken(tokens, i, opts));
md.renderer.rules.link_open = (tokens, i, opts, env, self) => {
  tokens[i].attrSet('target', '_blank');
  tokens[i].attrSet('rel', 'noopener');
  return defaultLinkOpen(tokens, i, opts, env, self);
};

joinChineseLines(md);

md.core.ruler.push('deck_fragments', (state) => {
  for (const t of state.tokens) if (t.type === 'list_item_open' && t.markup === '+') t.attrSet('data-fragment', '');
});

export function renderSlideMarkdown(text: string): string {
  return md.render(text);
}

/** Shows the first `step` fragments of `root` (in document order), the last of them marked as just shown. */
export function revealFragments(root: HTMLElement, step: number): void {
  root.querySelectorAll<HTMLElement>('[data-fragment]').forEach((el, i) => {
    el.dataset.shown = i < step ? (i === step - 1 ? 'current' : 'yes') : 'no';
  });
}
