import fc from 'fast-check';
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { ARTICLE_HTML, createMarkdownRenderer } from '../../src/markdown/index.js';

const markdown = createMarkdownRenderer({ basePath: '' });
/** `"` is written `&quot;` in text by markdown-it and as itself by the policy: the same text either way. */
const sameText = (html: string) => html.replaceAll('&quot;', '"');

describe('bodies without raw HTML', () => {
  it('come out as the raw HTML policy would leave them, whatever Markdown they hold', () => {
    const pieces = ['*', '_', '**', '[', ']', '(', ')', '![', '#', '> ', '- ', '1. ', '`', '```', '"', "'", '&', '&amp;', ':', '/', ' ', '\n', '\n\n', '|', '---', 'Đà Nẵng', 'tin', 'https://baotinh.vn/a', 'www.vn', 'ftp://a.vn', 'javascript:x', 'mailto:a@b.vn', 'x@y.vn', 'data:text/html,x', '\\'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const html = markdown(parts.join(''));
        expect(sameText(sanitizeHtml(html, ARTICLE_HTML))).toBe(sameText(html));
      }),
      { numRuns: 400 },
    );
  });

  it('still lose links to schemes the policy refuses', () => {
    expect(markdown('[tải](ftp://baotinh.vn/a.zip)')).not.toContain('ftp:');
    expect(markdown('[bấm](javascript:alert(1))')).not.toContain('href="javascript');
    expect(markdown('xem ftp://baotinh.vn/a.zip')).not.toContain('href="ftp:');
  });

  it('lose the style attribute of aligned table cells, as raw HTML does', () => {
    const html = markdown('| Xã | Số hộ |\n|:--|--:|\n| Yên Định | 120 |');
    expect(html).toContain('<td>Yên Định</td>');
    expect(html).not.toContain('style=');
  });

  it('keep their text and links as written, quotes included', () => {
    expect(markdown('Ông nói: "Đà Nẵng & Huế" — [xem](/thoi-su/).')).toBe('<p>Ông nói: &quot;Đà Nẵng &amp; Huế&quot; — <a href="/thoi-su/">xem</a>.</p>\n');
  });
});
