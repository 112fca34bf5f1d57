/** A line break inside Chinese lesson or slide text renders as nothing, not as a space; elsewhere it stays a break. */
import { describe, expect, it } from 'vitest';
import { renderSlideMarkdown } from '../../src/ui/deck/render.js';
import { renderInline, renderMarkdown, renderSegments } from '../../src/ui/lessons/markdown.js';

describe('soft line breaks', () => {
  it('join two Chinese characters or punctuation marks without a space', () => {
    expect(renderMarkdown('每条都在一个新容器里运行，\n再把结果提交成一层。')).toBe('<p>每条都在一个新容器里运行，再把结果提交成一层。</p>\n');
    expect(renderInline('最底下一层是完整的根文件系统\n上面每一层只记录变化')).toBe('最底下一层是完整的根文件系统上面每一层只记录变化');
  });

  it('look past emphasis, as in a line that ends or starts in bold', () => {
    expect(renderMarkdown('这个目录叫\n**构建上下文**：')).toBe('<p>这个目录叫<strong>构建上下文</strong>：</p>\n');
    expect(renderMarkdown('**只读的层**\n最底下')).toBe('<p><strong>只读的层</strong>最底下</p>\n');
  });

  it('stay a break between Latin words, and between Chinese and code', () => {
    expect(renderMarkdown('An image is a stack\nof layers.')).toBe('<p>An image is a stack\nof layers.</p>\n');
    expect(renderMarkdown('名为 `trusty_box`\n的容器')).toBe('<p>名为 <code>trusty_box</code>\n的容器</p>\n');
    expect(renderMarkdown('镜像 ID\n是哈希')).toBe('<p>镜像 ID\n是哈希</p>\n');
  });

  it('apply to a step\'s prose around its commands too', () => {
    const [prose] = renderSegments('先建一个\n空的：\n\n```sh\nmkdir static_web\n```\n');
    expect(prose).toEqual({ kind: 'html', html: '<p>先建一个空的：</p>\n' });
  });

  it('and in slides', () => {
    expect(renderSlideMarkdown('镜像是一叠\n只读的层\n\n+ 容器\n  在上面')).toBe('<p>镜像是一叠只读的层</p>\n<ul>\n<li data-fragment="">容器在上面</li>\n</ul>\n');
  });
});
