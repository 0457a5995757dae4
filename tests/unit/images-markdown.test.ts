import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer, imageReferences } from '../../src/markdown/index.js';

const PICTURE = '<picture><source type="image/webp" srcset="/_anh/x-1-480.webp 480w, /_anh/x-1-960.webp 960w" sizes="100vw"><img src="/_anh/x-1-960.jpg" srcset="/_anh/x-1-480.jpg 480w, /_anh/x-1-960.jpg 960w" sizes="100vw" width="960" height="720" alt="ALT" loading="lazy" decoding="async"></picture>';

describe('imageReferences', () => {
  it('lists every Markdown image with its source as the renderer sees it, its description and its body line', () => {
    const body = 'Mở đầu.\n\n![Cầu **mới**](anh/cau.jpg)\n\nDòng một\ndòng hai ![Bến](/anh/ảnh bến.jpg "tiêu đề") và [![Nhỏ](nho.png)](https://example.vn/)\n\n| a |\n| - |\n| ![Ô](o.jpg) |\n\n<img src="raw.jpg">';
    expect(imageReferences(body)).toEqual([
      { src: 'anh/cau.jpg', alt: 'Cầu mới', bodyLine: 2 },
      { src: 'nho.png', alt: 'Nhỏ', bodyLine: 5 },
      { src: 'o.jpg', alt: 'Ô', bodyLine: 9 },
    ]);
  });

  it('gives non-ASCII sources percent-encoded, as the renderer passes them on', () => {
    expect(imageReferences('![x](anh/ảnh-bến.jpg)\n![y](<anh/có dấu cách.jpg>)').map((r) => r.src)).toEqual(['anh/%E1%BA%A3nh-b%E1%BA%BFn.jpg', 'anh/c%C3%B3%20d%E1%BA%A5u%20c%C3%A1ch.jpg']);
  });

  it('finds reference images and skips what only looks like one', () => {
    const body = 'Chữ *thường*.\n\nẢnh: ![Cầu][cau] và `![mã](ma.jpg)` và \\![thoát](t.jpg)\n\n    ![thụt](thut.jpg)\n\n[cau]: /anh/c&#97;u.jpg\n\nKhông có ảnh.';
    expect(imageReferences(body)).toEqual([{ src: '/anh/cau.jpg', alt: 'Cầu', bodyLine: 2 }]);
    expect(imageReferences('Không có ảnh nào [x](y.jpg).')).toEqual([]);
  });
});

describe('renderImage', () => {
  const markdown = createMarkdownRenderer({ basePath: '/bao' });

  it('writes the HTML it returns in place of the <img>, keeping <picture>, <source> and their attributes through the raw HTML policy', () => {
    const seen: [string, string][] = [];
    const html = markdown('![Cầu "mới" & đẹp](anh/cau.jpg)', {
      resolveImage: (src) => `/thoi-su/${src}`,
      renderImage: (src, alt) => {
        seen.push([src, alt]);
        return PICTURE.replace('ALT', 'Cầu &quot;mới&quot; &amp; đẹp');
      },
    });
    expect(seen).toEqual([['anh/cau.jpg', 'Cầu "mới" & đẹp']]);
    expect(html).toBe(
      '<p><picture><source type="image/webp" srcset="/_anh/x-1-480.webp 480w, /_anh/x-1-960.webp 960w" sizes="100vw" />' +
        '<img src="/_anh/x-1-960.jpg" srcset="/_anh/x-1-480.jpg 480w, /_anh/x-1-960.jpg 960w" sizes="100vw" width="960" height="720" alt="Cầu &quot;mới&quot; &amp; đẹp" loading="lazy" decoding="async" /></picture></p>\n',
    );
  });

  it('keeps the <img> (resolved and prefixed) when it returns undefined, and leaves remote images alone', () => {
    const html = markdown('![a](anh/a.jpg) ![b](https://example.vn/b.jpg)', { resolveImage: (src) => (src.startsWith('http') ? src : `/thoi-su/${src}`), renderImage: () => undefined });
    expect(html).toBe('<p><img src="/bao/thoi-su/anh/a.jpg" alt="a" /> <img src="https://example.vn/b.jpg" alt="b" /></p>\n');
  });

  it('writes <source> as a void element on a trusted site too', () => {
    const trusted = createMarkdownRenderer({ basePath: '', trustedHtml: true });
    expect(trusted('![x](x.jpg)', { renderImage: () => PICTURE })).toContain('sizes="100vw" /><img');
  });

  it('lets an editor write <picture> by hand, but not a javascript: or data: source', () => {
    const html = markdown('<picture><source srcset="javascript:alert(1) 1x" type="image/webp"><source srcset="/anh/a.webp 480w" media="(min-width: 40em)" onerror="x()"><img src="/anh/a.jpg" alt="a"></picture>');
    expect(html).toBe('<p><picture><source type="image/webp" /><source srcset="/anh/a.webp 480w" media="(min-width: 40em)" /><img src="/anh/a.jpg" alt="a" /></picture></p>\n');
  });
});
