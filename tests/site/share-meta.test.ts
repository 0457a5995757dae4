import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildSite, fixturePath } from '../helpers/site.js';

/** The JSON-LD blocks of a page, parsed. */
function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as unknown);
}

describe('share and search-engine metadata', async () => {
  const site = await buildSite(fixturePath('portal'), { baseUrl: 'https://example.vn/bao' }, { title: 'Báo Thử', perPage: 3 });
  const article = site.page('/thoi-su/tinh-tong-ket-cong-tac-thi-dua-nam-2023/');

  it('gives article pages canonical, description, Open Graph and Twitter tags with absolute URLs', () => {
    expect(article).toContain('<link rel="canonical" href="https://example.vn/bao/thoi-su/tinh-tong-ket-cong-tac-thi-dua-nam-2023/">');
    expect(article).toContain('<meta name="description" content="Tóm tắt bài 1 về tỉnh tổng kết công tác thi đua năm 2023.">');
    expect(article).toContain('<meta property="og:locale" content="vi_VN">');
    expect(article).toContain('<meta property="og:type" content="article">');
    expect(article).toContain('<meta property="og:image" content="https://example.vn/bao/_anh/tong-ket-597e50266be3-og1200.jpg">');
    expect(article).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(article).toContain('<meta property="article:published_time" content="2024-01-05T08:00:00+07:00">');
    expect(article).toContain('<meta property="article:section" content="Thời sự">');
    expect(article).toContain('<link rel="alternate" type="application/rss+xml" title="Báo Thử" href="/bao/rss.xml">');
  });

  it('describes the article as JSON-LD NewsArticle with a BreadcrumbList', () => {
    const [news, crumbs] = jsonLdOf(article)[0] as [Record<string, unknown>, { itemListElement: { item: string; name: string }[] }];
    expect(news).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Tỉnh tổng kết công tác thi đua năm 2023',
      datePublished: '2024-01-05T08:00:00+07:00',
      author: [{ '@type': 'Person', name: 'Thu Hoài' }],
      articleSection: 'Thời sự',
      image: ['https://example.vn/bao/_anh/tong-ket-597e50266be3-og1200.jpg'],
      inLanguage: 'vi',
      publisher: { '@type': 'Organization', name: 'Báo Thử' },
    });
    expect(crumbs.itemListElement.map((i) => `${i.name} ${i.item}`)).toEqual([
      'Trang chủ https://example.vn/bao/',
      'Thời sự https://example.vn/bao/thoi-su/',
      'Tỉnh tổng kết công tác thi đua năm 2023 https://example.vn/bao/thoi-su/tinh-tong-ket-cong-tac-thi-dua-nam-2023/',
    ]);
  });

  it('makes paginated pages canonical to themselves with prev/next, and links category feeds', () => {
    const second = site.page('/thoi-su/trang/2/');
    expect(second).toContain('<link rel="canonical" href="https://example.vn/bao/thoi-su/trang/2/">');
    expect(second).toContain('<link rel="prev" href="/bao/thoi-su/">');
    expect(second).toContain('<link rel="next" href="/bao/thoi-su/trang/3/">');
    expect(second).toContain('<link rel="alternate" type="application/rss+xml" title="Thời sự - Trang 2 - Báo Thử" href="/bao/thoi-su/rss.xml">');
  });
});

describe('hostile front-matter text', async () => {
  const site = await buildSite(fixturePath('hostile'), { baseUrl: 'https://example.vn' });
  const article = site.page('/b-onmouseover-alert-chuyen-muc-thoi-su-b/tin-doc-hai/');

  it('is escaped in every attribute and text of the page', () => {
    expect(article).not.toMatch(/<script>alert|<img src=x|<svg onload|<b onmouseover|" onerror="/);
    expect(article).toContain('&lt;/script&gt;&lt;script&gt;alert(&#39;tiêu đề&#39;)&lt;/script&gt;');
  });

  it('cannot close the JSON-LD script element, and reads back as the same text', () => {
    const blocks = article.match(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g)!;
    expect(blocks).toHaveLength(1);
    const [news] = jsonLdOf(article)[0] as [{ headline: string; description: string }];
    expect(news.headline).toBe('Tin </script><script>alert(\'tiêu đề\')</script> & "trích dẫn"');
    expect(news.description).toBe("Sapo <script>alert('sapo')</script> \u2028 kết thúc");
  });

  it('is escaped on the redirect page of an alias', () => {
    const redirect = site.writer.text('cu/tin-doc-hai.html')!;
    expect(redirect).not.toContain('<script>alert');
    expect(redirect).toContain('&lt;/script&gt;');
  });

  it('stays data in the feeds, sitemaps and search index: valid XML and JSON that read back as the same text', () => {
    const title = 'Tin </script><script>alert(\'tiêu đề\')</script> & "trích dẫn"';
    for (const file of ['rss.xml', 'b-onmouseover-alert-chuyen-muc-thoi-su-b/rss.xml', 'sitemap.xml', 'news-sitemap.xml']) {
      expect(XMLValidator.validate(site.writer.text(file)!), file).toBe(true);
    }
    const rss = new XMLParser().parse(site.writer.text('rss.xml')!) as { rss: { channel: { item: { title: string; description: string; category: string } } } };
    expect(rss.rss.channel.item.title).toBe(title);
    expect(rss.rss.channel.item.category).toBe("<b onmouseover=alert('chuyên mục')>Thời sự</b>");
    const news = new XMLParser().parse(site.writer.text('news-sitemap.xml')!) as { urlset: { url: { 'news:news': { 'news:title': string } } } };
    expect(news.urlset.url['news:news']['news:title']).toBe(title);
    const fragmentPath = site.writer.paths().find((p) => p.startsWith('tim-kiem/chi-muc/d/'))!;
    const fragment = JSON.parse(site.writer.text(fragmentPath)!) as { title: string; category: string };
    expect(fragment.title).toBe(title);
    expect(fragment.category).toBe("<b onmouseover=alert('chuyên mục')>Thời sự</b>");
  });
});
