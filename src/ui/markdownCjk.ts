/**
 * A line break inside a Chinese paragraph is no space. Lesson and slide text is wrapped at ~120 columns, and a
 * browser shows the newline between two CJK characters as a space (CSS Text's rule that drops it is not
 * implemented), so "运行，\n再把" would read "运行， 再把". Between Latin words, or a CJK character and code, it
 * stays a space.
 */
import type { MarkdownIt, Token } from 'markdown-it';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** The character next to a soft break on one side, past emphasis marks (`**粗体**`); '' at code or a link. */
function charBeside(tokens: readonly Token[], i: number, step: -1 | 1): string {
  for (let j = i + step; j >= 0 && j < tokens.length; j += step) {
    const t = tokens[j];
    // markdown-it leaves an empty text token where an emphasis delimiter was taken out.
    if (t.type === 'text' && t.content !== '') return step < 0 ? t.content.slice(-1) : t.content.charAt(0);
    if (t.type !== 'text' && !/^(strong|em|s)_(open|close)$/.test(t.type)) return '';
  }
  return '';
}

/** Makes `md` render a soft break between two CJK characters as nothing. */
export function joinChineseLines(md: MarkdownIt): void {
  const soft = md.renderer.rules.softbreak ?? ((tokens, i, opts, _env, self) => self.renderToken(tokens, i, opts));
  md.renderer.rules.softbreak = (tokens, i, opts, env, self) =>
    CJK.test(charBeside(tokens, i, -1)) && CJK.test(charBeside(tokens, i, 1)) ? '' : soft(tokens, i, opts, env, self);
}
