import { describe, expect, it } from 'vitest';
import { ARTICLE_IMAGE_SIZES, pictureHtml } from '../../src/images/html.js';
import type { ImageVariant, ProcessedImage } from '../../src/images/processor.js';

const variant = (width: number, height: number, format: ImageVariant['format']): ImageVariant => ({
  outputPath: `_anh/x-0123456789ab-${width}.${format === 'jpeg' ? 'jpg' : format}`,
  width,
  height,
  format,
  bytes: 1000,
  file: `/cache/${width}.${format}`,
});

const image: ProcessedImage = {
  source: 'content/anh/x.jpg',
  width: 1600,
  height: 1200,
  variants: [variant(480, 360, 'webp'), variant(480, 360, 'jpeg'), variant(960, 720, 'webp'), variant(960, 720, 'jpeg'), variant(1600, 1200, 'webp'), variant(1600, 1200, 'jpeg')],
  fallback: 'jpeg',
  og: null,
  ogImage: null,
  files: [],
};

/** Attributes of the first element with this tag name. */
function attributes(html: string, tag: string): Record<string, string> {
  const element = new RegExp(`<${tag}\\s([^>]*)>`).exec(html)![1]!;
  return Object.fromEntries([...element.matchAll(/([a-z]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe('pictureHtml', () => {
  it('offers WebP in a <source> and the original format in the <img>, with every width, sizes, and the largest size', () => {
    const html = pictureHtml(image, 'Cầu Bến Gỗ', { lead: false, sizes: ARTICLE_IMAGE_SIZES, basePath: '' });
    expect(html.startsWith('<picture><source ')).toBe(true);
    expect(html.endsWith('></picture>')).toBe(true);
    expect(attributes(html, 'source')).toEqual({
      type: 'image/webp',
      srcset: '/_anh/x-0123456789ab-480.webp 480w, /_anh/x-0123456789ab-960.webp 960w, /_anh/x-0123456789ab-1600.webp 1600w',
      sizes: '(max-width: 800px) calc(100vw - 32px), 720px',
    });
    expect(attributes(html, 'img')).toEqual({
      src: '/_anh/x-0123456789ab-1600.jpg',
      srcset: '/_anh/x-0123456789ab-480.jpg 480w, /_anh/x-0123456789ab-960.jpg 960w, /_anh/x-0123456789ab-1600.jpg 1600w',
      sizes: '(max-width: 800px) calc(100vw - 32px), 720px',
      width: '1600',
      height: '1200',
      alt: 'Cầu Bến Gỗ',
      loading: 'lazy',
      decoding: 'async',
    });
  });

  it('loads the lead image eagerly and first', () => {
    const img = attributes(pictureHtml(image, '', { lead: true, sizes: '100vw', basePath: '' }), 'img');
    expect([img.loading, img.fetchpriority, img.decoding, img.alt, img.sizes]).toEqual(['eager', 'high', 'async', '', '100vw']);
  });

  it('prefixes every URL with the base path', () => {
    const html = pictureHtml(image, 'x', { lead: false, sizes: '100vw', basePath: '/bao' });
    expect([...html.matchAll(/(\/[^ ",]*\.(?:webp|jpg))/g)].map((m) => m[1]!.startsWith('/bao/_anh/'))).toEqual(Array(7).fill(true));
  });

  it('escapes the alt text and sizes, so no text can end the attribute or open a tag', () => {
    const html = pictureHtml(image, 'Ảnh "đẹp" <script>alert(1)</script> & \'x\'', { lead: false, sizes: '"><script>', basePath: '' });
    expect(html).toContain('alt="Ảnh &quot;đẹp&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;"');
    expect(html).toContain('sizes="&quot;&gt;&lt;script&gt;"');
    expect(html).not.toContain('<script');
  });
});
