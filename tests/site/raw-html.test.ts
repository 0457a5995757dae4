import { describe, expect, it } from 'vitest';
import { buildSite, fixturePath } from '../helpers/site.js';

const URL = '/thoi-su/bai-co-html-dan-tu-noi-khac/';
const bodyOf = (html: string) => /<div class="article-body">([\s\S]*?)<\/div>\n  <p class="article-author">/.exec(html)![1]!;

describe('raw HTML in article bodies', () => {
  it('keeps the tags of article text and drops scripts, event handlers, frames and javascript: links by default', async () => {
    const body = bodyOf((await buildSite(fixturePath('raw-html'))).page(URL));
    expect(body).toContain('<strong>chữ đậm</strong>');
    expect(body).toContain('<img src="/anh/a.jpg" alt="Ảnh" />');
    expect(body).toContain('<table><tr><th scope="col">Năm</th><td colspan="2">2024</td></tr></table>');
    expect(body).toContain('<a href="https://example.vn/">nguồn</a>');
    expect(body).toContain('<a href="mailto:toasoan@example.vn">thư</a>');
    expect(body).not.toMatch(/<script|onerror|onclick|<iframe|href="javascript:/i);
    // markdown-it refuses the javascript: Markdown link too: it stays text, never a link
    expect(body).toContain("[liên kết markdown](javascript:alert('y'))");
    expect(body).toContain('<a>liên kết độc</a>');
  });

  it('keeps raw HTML as written on a fully trusted site, except javascript: links', async () => {
    const body = bodyOf((await buildSite(fixturePath('raw-html'), {}, { trustedHtml: true })).page(URL));
    expect(body).toContain("<script>alert('dán nhầm')</script>");
    expect(body).toContain('<iframe src="https://www.youtube.com/embed/abc"></iframe>');
    expect(body).not.toMatch(/href="javascript:/i);
    expect(body).toContain('<a>liên kết độc</a>');
  });
});
