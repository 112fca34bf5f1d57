/**
 * Lesson prose. The HTML comes from markdown-it with `html: false` (markdown.ts): whatever HTML an author
 * wrote arrives escaped, as text, so setting it as innerHTML cannot run anything.
 */
import { renderInline, renderMarkdown } from './markdown.js';

export function Markdown({ text, className }: { readonly text: string; readonly className?: string }): React.JSX.Element {
  return <div className={className ?? 'lesson-md'} dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}

export function InlineMarkdown({ text }: { readonly text: string }): React.JSX.Element {
  return <span dangerouslySetInnerHTML={{ __html: renderInline(text) }} />;
}
