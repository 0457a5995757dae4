import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { ResolvedConfig, UserConfig } from '../../src/config/types.js';
import { buildSiteModel, type SiteModel } from '../../src/model/index.js';
import type { Article } from '../../src/source/types.js';
import { feedFiles } from '../../src/write/feeds.js';
import type { GeneratedFile } from '../../src/write/generated.js';
import { makeArticle, type ArticleSpec } from '../helpers/article.js';
import { fixturePath } from '../helpers/site.js';

const BASE = 'https://example.vn/bao';
const HOUR = 3_600_000;
/** 2024-09-13 18:13 in Asia/Ho_Chi_Minh. */
const NEWEST = Date.UTC(2024, 8, 13, 11, 13);

/** The portal fixture's config with base URL `baseUrl` (none for null), titled Báo Thử. */
function siteConfig(baseUrl: string | null = BASE, user: UserConfig = {}): ResolvedConfig {
  const options = { root: fixturePath('portal'), now: '2026-01-01T00:00:00+07:00', ...(baseUrl === null ? {} : { baseUrl }) };
  return resolveConfig(options, { title: 'Báo Thử', ...user }, null).config;
}

function siteOf(articles: readonly Article[], config: ResolvedConfig): SiteModel {
  return buildSiteModel(articles, config).site;
}

function article(spec: ArticleSpec, fields: Partial<Pick<Article, 'summary' | 'authors'>> = {}): Article {
  return { ...makeArticle(spec), ...fields };
}

/** Article i is i hours older than the newest; every 12th (11, 23, …) is in Kinh tế, the rest in Thời sự. */
function sixtyArticles(): Article[] {
  return Array.from({ length: 60 }, (_, i) =>
    article(
      { contentPath: `tin/${String(i).padStart(2, '0')}.md`, title: `Bài ${i}`, category: i % 12 === 11 ? 'Kinh tế' : 'Thời sự', at: new Date(NEWEST - i * HOUR).toISOString() },
      { summary: `Sapo của bài ${i}` },
    ),
  );
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'item',
});

interface ParsedItem {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  pubDate: string;
  description?: string;
  author: string;
  category: string;
}

interface ParsedChannel {
  title: string;
  link: string;
  description: string;
  lastBuildDate: string;
  generator: string;
  language: string;
  copyright: string;
  'atom:link': { '@_href': string; '@_rel': string; '@_type': string };
  item?: ParsedItem[];
}

function channelOf(file: GeneratedFile | undefined): ParsedChannel {
  if (!file) throw new Error('feed not written');
  const xml = String(file.content());
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as { rss: { channel: ParsedChannel } }).rss.channel;
}

const fileAt = (files: GeneratedFile[], outputPath: string) => files.find((f) => f.outputPath === outputPath);

describe('feedFiles', () => {
  const config = siteConfig();
  const site = siteOf(sixtyArticles(), config);
  const files = feedFiles(site, config);

  it('writes the site feed and one per category, named after what they follow', () => {
    expect(files.map((f) => [f.outputPath, f.source])).toEqual([
      ['rss.xml', 'RSS feed of the site'],
      ['kinh-te/rss.xml', 'RSS feed of Kinh tế'],
      ['thoi-su/rss.xml', 'RSS feed of Thời sự'],
    ]);
  });

  it('lists the 50 newest articles of the site, newest first, with absolute links under the base path', () => {
    const items = channelOf(fileAt(files, 'rss.xml')).item ?? [];
    expect(items.map((i) => i.title)).toEqual(Array.from({ length: 50 }, (_, i) => `Bài ${i}`));
    expect(items[0]!.link).toBe(`${BASE}/thoi-su/bai-0/`);
    expect(items[11]!.link).toBe(`${BASE}/kinh-te/bai-11/`);
    expect(items[0]!.guid).toEqual({ '#text': `${BASE}/thoi-su/bai-0/`, '@_isPermaLink': 'true' });
  });

  it('describes the site channel from the config, dated by its newest article', () => {
    const channel = channelOf(fileAt(files, 'rss.xml'));
    expect(channel.title).toBe('Báo Thử');
    expect(channel.link).toBe(`${BASE}/`);
    expect(channel.description).toBe('Tin tức địa phương');
    expect(channel.language).toBe('vi');
    expect(channel.copyright).toBe('Báo Thử');
    expect(channel.generator).toBe('bantin');
    expect(channel.lastBuildDate).toBe('Fri, 13 Sep 2024 11:13:00 GMT');
    expect(channel['atom:link']).toEqual({ '@_href': `${BASE}/rss.xml`, '@_rel': 'self', '@_type': 'application/rss+xml' });
  });

  it('gives each category feed only its own articles, at most 50', () => {
    const news = channelOf(fileAt(files, 'thoi-su/rss.xml'));
    expect(news.title).toBe('Thời sự - Báo Thử');
    expect(news.link).toBe(`${BASE}/thoi-su/`);
    expect(news['atom:link']['@_href']).toBe(`${BASE}/thoi-su/rss.xml`);
    expect(news.item).toHaveLength(50);
    expect(new Set(news.item!.map((i) => i.category))).toEqual(new Set(['Thời sự']));
    expect(news.item!.slice(0, 12).map((i) => i.title)).toEqual(['Bài 0', 'Bài 1', 'Bài 2', 'Bài 3', 'Bài 4', 'Bài 5', 'Bài 6', 'Bài 7', 'Bài 8', 'Bài 9', 'Bài 10', 'Bài 12']);
    const economy = channelOf(fileAt(files, 'kinh-te/rss.xml'));
    expect(economy.item!.map((i) => i.title)).toEqual(['Bài 11', 'Bài 23', 'Bài 35', 'Bài 47', 'Bài 59']);
    expect(economy.lastBuildDate).toBe('Fri, 13 Sep 2024 00:13:00 GMT');
  });

  it('gives each item its sapo, its instant in RFC 822, its authors and its category', () => {
    const item = channelOf(fileAt(files, 'rss.xml')).item![2]!;
    expect(item.description).toBe('Sapo của bài 2');
    expect(item.pubDate).toBe('Fri, 13 Sep 2024 09:13:00 GMT');
    expect(item.author).toBe('Thu Hoài');
    expect(item.category).toBe('Thời sự');
  });
});

describe('feed items', () => {
  const config = siteConfig();
  const render = (articles: Article[]) => channelOf(fileAt(feedFiles(siteOf(articles, config), config), 'rss.xml'));

  it('leaves out the description of an article without a sapo', () => {
    const [item] = render([article({ contentPath: 'a.md', title: 'Không sapo' })]).item!;
    expect(item!.title).toBe('Không sapo');
    expect(item).not.toHaveProperty('description');
  });

  it('writes the sapo as HTML-escaped text, since readers take a description as HTML', () => {
    const [item] = render([article({ contentPath: 'a.md' }, { summary: 'Giá <10.000 đồng & hơn' })]).item!;
    expect(item!.description).toBe('Giá &lt;10.000 đồng &amp; hơn');
  });

  it('names co-authors in one author element, and the category by its display name', () => {
    const a = article({ contentPath: 'a.md', category: 'Thời Sự' }, { authors: ['Thu Hoài', 'Minh Anh'] });
    const b = article({ contentPath: 'b.md', category: 'Thời sự', at: '2024-09-12 08:00' });
    const c = article({ contentPath: 'c.md', category: 'Thời sự', at: '2024-09-11 08:00' });
    const items = render([a, b, c]).item!;
    expect(items.map((i) => [i.author, i.category])).toEqual([
      ['Thu Hoài, Minh Anh', 'Thời sự'],
      ['Thu Hoài', 'Thời sự'],
      ['Thu Hoài', 'Thời sự'],
    ]);
  });

  it('stays valid XML and reads back exactly whatever the text', () => {
    const title = 'A & B <script>alert(1)</script> "trích" \'dẫn\' ]]> và ]]> nữa 🇻🇳😀 &amp;';
    const hostile = article({ contentPath: 'a.md', title, category: 'Tin <Nóng> & "Mới"' }, { summary: 'Sapo ]]> & <b>đậm</b>', authors: ['Lê & Trần <PV>'] });
    const withControls = article({ contentPath: 'b.md', title: 'Có\u0000ký\u000btự\u001f điều khiển', at: '2024-09-12 08:00' });
    const hostileConfig = siteConfig(BASE, { title: 'Báo & <Tin> "Thử" &amp;', description: 'Mô tả ]]> & <x>' });
    const channel = channelOf(fileAt(feedFiles(siteOf([hostile, withControls], hostileConfig), hostileConfig), 'rss.xml'));
    expect(channel.title).toBe('Báo & <Tin> "Thử" &amp;');
    expect(channel.description).toBe('Mô tả ]]> & <x>');
    const [first, second] = channel.item!;
    expect(first!.title).toBe(title);
    expect(first!.description).toBe('Sapo ]]&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;');
    expect(first!.author).toBe('Lê & Trần <PV>');
    expect(first!.category).toBe('Tin <Nóng> & "Mới"');
    expect(second!.title).toBe('Cókýtự điều khiển');
  });

  it('keeps the plain title of an article titled A & B <script>alert(1)</script>', () => {
    const [item] = render([article({ contentPath: 'a.md', title: 'A & B <script>alert(1)</script>' })]).item!;
    expect(item!.title).toBe('A & B <script>alert(1)</script>');
  });

  it('falls back to the site title when the description is empty', () => {
    const plain = siteConfig(BASE, { description: '' });
    const channel = channelOf(fileAt(feedFiles(siteOf([article({ contentPath: 'a.md' })], plain), plain), 'rss.xml'));
    expect(channel.description).toBe('Báo Thử');
  });
});

describe('feed output', () => {
  const bytesOfBuild = () => {
    const config = siteConfig();
    return feedFiles(siteOf(sixtyArticles(), config), config).map((f) => [f.outputPath, f.content()]);
  };

  it('is the same bytes on every build', () => {
    expect(bytesOfBuild()).toEqual(bytesOfBuild());
  });

  it('does not depend on the machine time zone', () => {
    const reference = bytesOfBuild();
    const original = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        expect(bytesOfBuild()).toEqual(reference);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('is nothing without a base URL', () => {
    const config = siteConfig(null);
    expect(config.baseUrl).toBe('');
    expect(feedFiles(siteOf(sixtyArticles(), config), config)).toEqual([]);
  });

  it('is an empty site feed dated at the epoch for a site without articles', () => {
    const config = siteConfig();
    const files = feedFiles(siteOf([], config), config);
    expect(files.map((f) => f.outputPath)).toEqual(['rss.xml']);
    const channel = channelOf(files[0]);
    expect(channel.item).toBeUndefined();
    expect(channel.lastBuildDate).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
  });
});
