import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { processSiteImages, type ArticleImages } from '../../src/images/article.js';
import { ImageProcessor } from '../../src/images/processor.js';
import { createMarkdownRenderer } from '../../src/markdown/index.js';
import { assetUrl } from '../../src/model/urls.js';
import { discoverArticles, loadArticles } from '../../src/source/index.js';
import type { Article } from '../../src/source/types.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { writeCorrupt, writeJpeg, writePng } from '../fixtures/images/photos.js';
import { fixturePath } from '../helpers/site.js';

/**
 * The wiring the build does, on a fixture site: process every article's images, render bodies with
 * `renderImage`, copy the files. Photos are generated: a 4000×3000 JPEG beside the article, a
 * 600×400 PNG in static/, and a corrupt JPEG.
 */
let root: string;
let config: ResolvedConfig;
let articles: readonly Article[];
let images: Awaited<ReturnType<typeof processSiteImages>>;
const writer = new MemoryWriter();

const article = (contentPath: string) => articles.findIndex((a) => a.source.contentPath === contentPath);
const imagesOf = (contentPath: string): ArticleImages => images.byArticle[article(contentPath)]!;

function bodyHtml(contentPath: string): string {
  const a = articles[article(contentPath)]!;
  const markdown = createMarkdownRenderer({ basePath: config.basePath });
  return markdown(a.body, { resolveImage: (src) => assetUrl(src, a.source.contentPath), renderImage: imagesOf(contentPath).renderImage });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bantin-image-site-'));
  await cp(fixturePath('images/site'), root, { recursive: true });
  await writeJpeg(path.join(root, 'content/thoi-su/anh/dua-thuyen.jpg'), 4000, 3000);
  await writePng(path.join(root, 'static/anh/ban-do.png'), 600, 400);
  await writeCorrupt(path.join(root, 'content/thoi-su/anh/hong.jpg'));
  config = resolveConfig({ root, now: '2026-01-01T00:00:00+07:00', baseUrl: 'https://example.vn/bao' }, {}, null).config;
  articles = (await loadArticles(await discoverArticles(config.contentDir, root), config.timeZone)).articles;
  const processor = new ImageProcessor({ contentDir: config.contentDir, staticDir: config.staticDir, root, cacheDir: path.join(root, '.bantin-cache/images') });
  images = await processSiteImages(processor, articles, { basePath: config.basePath, severity: 'warning' });
  for (const file of images.files) await writer.copy(file.sourcePath, file.outputPath);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('images of a site', () => {
  it('turns local body images into <picture>s with escaped descriptions, and leaves remote, missing, broken and GIF images as <img>', () => {
    const html = bodyHtml('thoi-su/dua-thuyen.md');
    const pictures = [...html.matchAll(/<picture>.*?<\/picture>/g)].map((m) => m[0]);
    expect(pictures).toHaveLength(2);
    expect(pictures[0]).toMatch(/^<picture><source type="image\/webp" srcset="\/bao\/_anh\/dua-thuyen-[0-9a-f]{12}-480\.webp 480w, \S+-960\.webp 960w, \S+-1600\.webp 1600w" sizes="[^"]+" \/>/);
    expect(pictures[0]).toMatch(/<img src="\/bao\/_anh\/dua-thuyen-[0-9a-f]{12}-1600\.jpg" srcset="\S+-480\.jpg 480w, \S+-960\.jpg 960w, \S+-1600\.jpg 1600w" sizes="[^"]+" width="1600" height="1200" alt="Thuyền về đích &quot;sát nút&quot; &lt;1 giây&gt;" loading="lazy" decoding="async" \/><\/picture>$/);
    expect(pictures[1]).toMatch(/<img src="\/bao\/_anh\/ban-do-[0-9a-f]{12}-600\.png" srcset="\S+-480\.png 480w, \S+-600\.png 600w" sizes="[^"]+" width="600" height="400" alt="Bản đồ tuyến đua"/);
    expect(html).toContain('<img src="https://example.vn/anh/dua.jpg" alt="Ảnh của cộng tác viên" />');
    expect(html).toContain('<img src="/bao/thoi-su/anh/khan-gia.jpg" alt="Khán giả" />');
    expect(html).toContain('<img src="/bao/thoi-su/anh/hong.jpg" alt="Ảnh hỏng" />');
    expect(html).toContain('<img src="/bao/thoi-su/anh/co.gif" alt="Biểu tượng" />');
  });

  it('shows the front-matter image first, eagerly, with a 1200 px JPEG for share previews', async () => {
    const { lead } = imagesOf('thoi-su/dua-thuyen.md');
    expect(lead!.html).toMatch(/<img src="\/bao\/_anh\/dua-thuyen-[0-9a-f]{12}-1600\.jpg" [^>]* width="1600" height="1200" alt="" loading="eager" fetchpriority="high" decoding="async">/);
    expect(lead!.ogImage).toMatch(/^_anh\/dua-thuyen-[0-9a-f]{12}-og1200\.jpg$/);
    const og = writer.files.get(lead!.ogImage)!;
    const { default: sharp } = await import('sharp');
    expect(await sharp(og).metadata()).toMatchObject({ width: 1200, height: 900, format: 'jpeg' });
    expect(imagesOf('thoi-su/anh-tu-xa.md').lead).toBeNull();
  });

  it('lists the site paths each article shows, so a changed photo can re-render its articles', () => {
    expect(imagesOf('thoi-su/dua-thuyen.md').sitePaths).toEqual(['/thoi-su/anh/dua-thuyen.jpg', '/anh/ban-do.png', '/thoi-su/anh/khan-gia.jpg', '/thoi-su/anh/hong.jpg']);
    expect(imagesOf('thoi-su/anh-tu-xa.md').sitePaths).toEqual(['/anh/ban-do.png']);
  });

  it('writes each file once, however many articles show it, under the names the HTML uses', async () => {
    const paths = images.files.map((f) => f.outputPath);
    expect(paths.filter((p) => p.startsWith('_anh/dua-thuyen-')).map((p) => p.replace(/-[0-9a-f]{12}-/, '-H-'))).toEqual([
      '_anh/dua-thuyen-H-1600.jpg', '_anh/dua-thuyen-H-1600.webp', '_anh/dua-thuyen-H-480.jpg', '_anh/dua-thuyen-H-480.webp',
      '_anh/dua-thuyen-H-960.jpg', '_anh/dua-thuyen-H-960.webp', '_anh/dua-thuyen-H-og1200.jpg',
    ]);
    expect(paths.filter((p) => p.startsWith('_anh/ban-do-'))).toHaveLength(4);
    expect(writer.paths()).toEqual(paths);
    const html = bodyHtml('thoi-su/dua-thuyen.md') + bodyHtml('thoi-su/anh-tu-xa.md');
    for (const url of html.matchAll(/\/bao\/(_anh\/[^ "]+)/g)) expect(writer.files.has(url[1]!)).toBe(true);
  });

  it('reports a missing or broken image on its line of the article, and a missing front-matter image on its field', () => {
    expect(images.diagnostics.map((d) => `${d.severity} ${d.file}:${d.line ?? ''} ${d.field ?? ''} ${d.message}`).sort()).toEqual([
      'warning content/thoi-su/dua-thuyen.md:17  the image /thoi-su/anh/khan-gia.jpg: there is no file static/thoi-su/anh/khan-gia.jpg or content/thoi-su/anh/khan-gia.jpg',
      'warning content/thoi-su/dua-thuyen.md:19  the image content/thoi-su/anh/hong.jpg cannot be decoded: Input buffer contains unsupported image format',
      'warning content/thoi-su/thieu-anh-dau-bai.md: image the image /anh/mat.jpg: there is no file static/anh/mat.jpg or content/anh/mat.jpg',
    ]);
    expect(images.diagnostics.every((d) => d.hint !== undefined && d.hint.length > 20)).toBe(true);
  });
});
