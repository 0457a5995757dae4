import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { ResolvedConfig, UserConfig } from '../../src/config/types.js';
import { buildSiteModel, type SiteModel } from '../../src/model/index.js';
import type { Article } from '../../src/source/types.js';
import type { GeneratedFile } from '../../src/write/generated.js';
import { sitemapFiles, splitSitemap } from '../../src/write/sitemaps.js';
import { makeArticle } from '../helpers/article.js';
import { fixturePath } from '../helpers/site.js';

const BASE = 'https://example.vn/bao';
const HOUR = 3_600_000;
/** 2024-09-13 18:13 in Asia/Ho_Chi_Minh. */
const NEWEST = Date.UTC(2024, 8, 13, 11, 13);
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** The portal fixture's config with base URL `baseUrl` (none for null), titled Báo Thử. */
function siteConfig(baseUrl: string | null = BASE, user: UserConfig = {}): ResolvedConfig {
  const options = { root: fixturePath('portal'), now: '2026-01-01T00:00:00+07:00', ...(baseUrl === null ? {} : { baseUrl }) };
  return resolveConfig(options, { title: 'Báo Thử', ...user }, null).config;
}

function siteOf(articles: readonly Article[], config: ResolvedConfig): SiteModel {
  return buildSiteModel(articles, config).site;
}

/** An article `hoursBefore` hours older than the newest one. */
function articleAt(hoursBefore: number, spec: { contentPath?: string; title?: string; category?: string; aliases?: string[] } = {}): Article {
  const at = new Date(NEWEST - hoursBefore * HOUR).toISOString();
  return makeArticle({ contentPath: `tin/${hoursBefore}.md`, title: `Bài ${hoursBefore}`, at, ...spec });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

interface ParsedNews {
  'news:publication': { 'news:name': string; 'news:language': string };
  'news:publication_date': string;
  'news:title': string;
}
interface ParsedUrl {
  loc: string;
  lastmod?: string;
  'news:news'?: ParsedNews;
}
interface ParsedUrlset {
  '@_xmlns': string;
  '@_xmlns:news'?: string;
  url?: ParsedUrl[];
}

function parsed(file: GeneratedFile | undefined): { urlset?: ParsedUrlset; sitemapindex?: { '@_xmlns': string; sitemap: { loc: string }[] } } {
  if (!file) throw new Error('sitemap not written');
  const xml = String(file.content());
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

const urlsOf = (file: GeneratedFile | undefined): ParsedUrl[] => parsed(file).urlset?.url ?? [];
const fileAt = (files: GeneratedFile[], outputPath: string) => files.find((f) => f.outputPath === outputPath);

describe('sitemapFiles', () => {
  const config = siteConfig();
  const articles = [
    articleAt(0, { title: 'Sơ kết phong trào', aliases: ['/tin-cu/123/'] }),
    articleAt(30, { category: 'Kinh tế', title: 'Giá vàng' }),
    articleAt(26 * 24, { title: 'Tin tháng trước' }),
  ];
  const site = siteOf(articles, config);

  it('lists every page in route order, absolute under the base path, but no redirect, 404 page or date range', async () => {
    const locs = urlsOf(fileAt(await sitemapFiles(site, config), 'sitemap.xml')).map((u) => u.loc);
    expect(locs).toEqual([
      `${BASE}/`,
      `${BASE}/thoi-su/so-ket-phong-trao/`,
      `${BASE}/kinh-te/gia-vang/`,
      `${BASE}/thoi-su/tin-thang-truoc/`,
      `${BASE}/kinh-te/`,
      `${BASE}/thoi-su/`,
      `${BASE}/tac-gia/`,
      `${BASE}/tac-gia/thu-hoai/`,
      `${BASE}/2024/09/13/`,
      `${BASE}/2024/09/12/`,
      `${BASE}/2024/08/18/`,
      `${BASE}/2024/09/`,
      `${BASE}/2024/08/`,
      `${BASE}/2024/`,
      `${BASE}/luu-tru/`,
    ]);
    const pages = site.routes.filter((r) => r.kind !== 'alias' && r.kind !== 'notFound' && r.kind !== 'calendar' && r.kind !== 'search');
    expect(locs).toEqual(pages.map((r) => BASE + r.url));
    expect(site.routes.map((r) => r.url)).toEqual(expect.arrayContaining(['/tin-cu/123/', '/404.html', '/lich.json']));
  });

  it('dates articles, and only articles, by their publication with the site offset', async () => {
    const urls = urlsOf(fileAt(await sitemapFiles(site, config), 'sitemap.xml'));
    expect(urls.filter((u) => u.lastmod !== undefined)).toEqual([
      { loc: `${BASE}/thoi-su/so-ket-phong-trao/`, lastmod: '2024-09-13T18:13:00+07:00' },
      { loc: `${BASE}/kinh-te/gia-vang/`, lastmod: '2024-09-12T12:13:00+07:00' },
      { loc: `${BASE}/thoi-su/tin-thang-truoc/`, lastmod: '2024-08-18T18:13:00+07:00' },
    ]);
  });

  it('writes the sitemap and the news sitemap, each a urlset in its namespaces', async () => {
    const files = await sitemapFiles(site, config);
    expect(files.map((f) => [f.outputPath, f.source])).toEqual([
      ['sitemap.xml', 'sitemap'],
      ['news-sitemap.xml', 'Google News sitemap'],
    ]);
    expect(parsed(files[0]).urlset).toMatchObject({ '@_xmlns': SITEMAP_NS });
    expect(parsed(files[0]).urlset).not.toHaveProperty('@_xmlns:news');
    expect(parsed(files[1]).urlset).toMatchObject({ '@_xmlns': SITEMAP_NS, '@_xmlns:news': NEWS_NS });
  });

  it('is nothing without a base URL', async () => {
    const plain = siteConfig(null);
    expect(plain.baseUrl).toBe('');
    expect(await sitemapFiles(siteOf(articles, plain), plain)).toEqual([]);
  });

  it('lists only the home and archive pages of a site without articles, and writes no news sitemap', async () => {
    const files = await sitemapFiles(siteOf([], config), config);
    expect(files.map((f) => f.outputPath)).toEqual(['sitemap.xml']);
    expect(urlsOf(files[0]).map((u) => u.loc)).toEqual([`${BASE}/`, `${BASE}/luu-tru/`]);
  });
});

describe('splitting the sitemap', () => {
  it('keeps up to the limit in sitemap.xml', () => {
    expect(splitSitemap(['a', 'b', 'c'], 3)).toEqual([{ outputPath: 'sitemap.xml', entries: ['a', 'b', 'c'] }]);
  });

  it('numbers the files past the limit, each holding at most the limit, in order', () => {
    expect(splitSitemap(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3)).toEqual([
      { outputPath: 'sitemap-1.xml', entries: ['a', 'b', 'c'] },
      { outputPath: 'sitemap-2.xml', entries: ['d', 'e', 'f'] },
      { outputPath: 'sitemap-3.xml', entries: ['g'] },
    ]);
  });

  it('refuses a limit below 1', () => {
    expect(() => splitSitemap(['a'], 0)).toThrow(RangeError);
  });

  it('writes numbered urlsets under a sitemap index at sitemap.xml past the limit', async () => {
    const config = siteConfig();
    const site = siteOf([articleAt(0), articleAt(1), articleAt(2), articleAt(3)], config);
    const files = await sitemapFiles(site, config, 4);
    expect(files.map((f) => [f.outputPath, f.source])).toEqual([
      ['sitemap.xml', 'sitemap index'],
      ['sitemap-1.xml', 'sitemap part 1'],
      ['sitemap-2.xml', 'sitemap part 2'],
      ['sitemap-3.xml', 'sitemap part 3'],
      ['news-sitemap.xml', 'Google News sitemap'],
    ]);
    const index = parsed(files[0]).sitemapindex!;
    expect(index['@_xmlns']).toBe(SITEMAP_NS);
    expect(index.sitemap.map((s) => s.loc)).toEqual([`${BASE}/sitemap-1.xml`, `${BASE}/sitemap-2.xml`, `${BASE}/sitemap-3.xml`]);
    const parts = files.slice(1, 4).map((f) => urlsOf(f).map((u) => u.loc));
    expect(parts.map((p) => p.length)).toEqual([4, 4, 4]); // home, 4 articles, category, author index, author, day, month, year, archive
    expect(parts.flat()).toEqual(site.routes.filter((r) => r.kind !== 'calendar' && r.kind !== 'notFound' && r.kind !== 'search').map((r) => BASE + r.url));
  });

  it('splits at 50,000 URLs by default', async () => {
    const config = siteConfig();
    const template = articleAt(0);
    const articles = Array.from({ length: 48_000 }, (_, i) => ({ ...template, slug: `bai-${i}`, source: { ...template.source, contentPath: `tin/${i}.md` } }));
    const site = siteOf(articles, config);
    const pages = site.routes.filter((r) => r.kind !== 'calendar' && r.kind !== 'notFound' && r.kind !== 'search').map((r) => BASE + r.url);
    expect(pages).toHaveLength(1 + 48_000 + 2_400 + 1 + 2_400 + 3 + 1); // home, articles, category pages, author index and pages, day, month and year, archive
    const files = await sitemapFiles(site, config);
    expect(files.map((f) => f.outputPath)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'news-sitemap.xml']);
    expect(parsed(files[0]).sitemapindex!.sitemap.map((s) => s.loc)).toEqual([`${BASE}/sitemap-1.xml`, `${BASE}/sitemap-2.xml`]);
    expect(urlsOf(files[1]).map((u) => u.loc)).toEqual(pages.slice(0, 50_000));
    expect(urlsOf(files[2]).map((u) => u.loc)).toEqual(pages.slice(50_000));
    expect(urlsOf(files[3])).toHaveLength(1000);
  });
});

describe('the Google News sitemap', () => {
  const config = siteConfig();
  const newsOf = async (articles: Article[], c = config) => urlsOf(fileAt(await sitemapFiles(siteOf(articles, c), c), 'news-sitemap.xml'));

  it('lists articles of the 48 hours before the newest article, not before the clock', async () => {
    expect(config.now - NEWEST).toBeGreaterThan(365 * 24 * HOUR);
    const urls = await newsOf([articleAt(49), articleAt(0), articleAt(47), articleAt(48)]);
    expect(urls.map((u) => u.loc)).toEqual([`${BASE}/thoi-su/bai-0/`, `${BASE}/thoi-su/bai-47/`, `${BASE}/thoi-su/bai-48/`]);
  });

  it('names the publication, its language, the publication time with the site offset and the title', async () => {
    const title = 'A & B <script>alert(1)</script> "trích" ]]> 😀';
    const hostile = siteConfig(BASE, { title: 'Báo & <Thử>' });
    const [url] = await newsOf([articleAt(0, { title, contentPath: 'tin/a.md' })], hostile);
    expect(url).toEqual({
      loc: `${BASE}/thoi-su/a-b-script-alert-1-script-trich/`,
      'news:news': {
        'news:publication': { 'news:name': 'Báo & <Thử>', 'news:language': 'vi' },
        'news:publication_date': '2024-09-13T18:13:00+07:00',
        'news:title': title,
      },
    });
  });

  it('lists at most 1,000 articles, newest first', async () => {
    const articles = Array.from({ length: 1_200 }, (_, i) => articleAt(i / 30, { contentPath: `tin/${i}.md`, title: `Bài số ${i}` }));
    const urls = await newsOf(articles);
    expect(urls).toHaveLength(1000);
    expect(urls.map((u) => u['news:news']!['news:title'])).toEqual(Array.from({ length: 1000 }, (_, i) => `Bài số ${i}`));
  });
});

describe('sitemap output', () => {
  const bytesOfBuild = async () => {
    const config = siteConfig();
    const site = siteOf([articleAt(0), articleAt(5, { category: 'Kinh tế' }), articleAt(40), articleAt(300)], config);
    return (await sitemapFiles(site, config, 5)).map((f) => [f.outputPath, f.content()]);
  };

  it('is the same bytes on every build', async () => {
    expect(await bytesOfBuild()).toEqual(await bytesOfBuild());
  });

  it('does not depend on the machine time zone', async () => {
    const reference = await bytesOfBuild();
    const original = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        expect(await bytesOfBuild()).toEqual(reference);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
