import { describe, expect, it } from 'vitest';
import { buildSite, fixturePath } from '../helpers/site.js';

describe('a site with its own templates, assets, static files and base URL', async () => {
  const root = fixturePath('themed');
  const site = await buildSite(root, {}, { title: 'Báo Xã Hội', baseUrl: 'https://example.vn/bao/' });
  const article = site.page('/xa-hoi/trao-500-suat-qua-cho-ho-ngheo/');

  it('uses the site template over the built-in one and keeps the rest of the theme', () => {
    expect(article).toContain('<article class="custom-article">');
    expect(article).toContain('<nav class="site-nav" aria-label="Chuyên mục">');
    expect(site.page('/xa-hoi/')).toContain('<h1 class="page-title">Xã hội</h1>');
  });

  it('passes unknown front-matter keys and co-authors to templates', () => {
    expect(article).toContain('<p class="source">Nguồn: Hội Chữ thập đỏ tỉnh</p>');
    expect(article).toContain('<p class="authors">Ngọc Anh và Hoàng Long</p>');
  });

  it('escapes front-matter text and never runs the body through Nunjucks', () => {
    expect(article).toContain('content="Chương trình &quot;Tết vì người nghèo&quot; &amp; nạn nhân chất độc da cam."');
    expect(article).toContain('<p>Văn bản có {{ dấu ngoặc }} và {% không phải thẻ %}.</p>');
  });

  it('prefixes links with the base path and makes canonical URLs absolute', () => {
    expect(article).toContain('<link rel="canonical" href="https://example.vn/bao/xa-hoi/trao-500-suat-qua-cho-ho-ngheo/">');
    expect(article).toContain('<link rel="stylesheet" href="/bao/assets/bantin.css">');
    expect(article).toContain('<img src="/bao/_anh/trao-qua-ffb399e3ef0b-600.png" srcset="/bao/_anh/trao-qua-ffb399e3ef0b-480.png 480w, /bao/_anh/trao-qua-ffb399e3ef0b-600.png 600w"');
    expect(article).toContain('width="600" height="400" alt="Trao quà" loading="lazy" decoding="async" /></picture>');
    expect(article).toContain('<a href="/bao/xa-hoi/trao-500-suat-qua-cho-ho-ngheo/">bài gốc</a>');
    expect(site.page('/')).toContain('data-day-href="/bao/{yyyy}/{mm}/{dd}/"');
  });

  it('resolves images relative to the article file, leaving absolute URLs alone', () => {
    expect(article).toContain('alt="Ảnh tương đối" loading="lazy" decoding="async" /></picture>');
    expect(site.writer.paths().filter((p) => p.startsWith('_anh/'))).toEqual([
      '_anh/trao-qua-ffb399e3ef0b-480.png', '_anh/trao-qua-ffb399e3ef0b-480.webp', '_anh/trao-qua-ffb399e3ef0b-600.png',
      '_anh/trao-qua-ffb399e3ef0b-600.webp', '_anh/trao-qua-ffb399e3ef0b-og600.jpg',
    ]);
    expect(article).toContain('<img src="https://example.org/x.jpg" alt="Ảnh ngoài" />');
  });

  it('warns about body links that lead to no page, naming the file and line', () => {
    expect(site.result.ok).toBe(true);
    expect(site.result.diagnostics.map((d) => `${d.severity} ${d.file}:${d.line} ${d.message}`)).toEqual([
      'warning content/xa-hoi/bai.md:18 the link to /khong-co-trang/ leads to no page of the site',
      'warning content/xa-hoi/bai.md:18 the link to khong-co/ leads to no page of the site',
    ]);
  });

  it('copies theme assets (site ones winning), content files and static/ files', () => {
    expect(site.writer.text('assets/bantin.css')).toBe('/* site override */\nbody { color: #000; }\n');
    expect(site.writer.text('assets/favicon.svg')).toContain('<svg');
    expect(site.writer.text('robots.txt')).toBe('User-agent: *\nAllow: /\n');
    expect(site.writer.files.get('xa-hoi/anh/trao-qua.png')?.slice(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });
});

describe('an empty content folder', async () => {
  const site = await buildSite(fixturePath('empty'));

  it('builds a home page that says there are no articles yet', () => {
    expect(site.result.ok).toBe(true);
    expect(site.result.articles).toBe(0);
    expect(site.page('/')).toContain('<p class="empty">Chưa có bài viết nào. Hãy quay lại sau.</p>');
    expect(site.writer.paths()).toEqual([
      '404.html', 'assets/bantin.css', 'assets/favicon.svg', 'assets/search.css', 'assets/search.js', 'index.html', 'lich.json', 'luu-tru/index.html', 'robots.txt',
      'tim-kiem/chi-muc/meta.json', 'tim-kiem/chi-muc/t/0.txt', 'tim-kiem/index.html',
    ]);
    expect(JSON.parse(site.writer.text('lich.json')!)).toEqual({ firstDay: '', lastDay: '' });
  });
});
