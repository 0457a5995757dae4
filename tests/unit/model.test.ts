import { describe, expect, it } from 'vitest';
import { buildSiteModel, type ModelOptions } from '../../src/model/index.js';
import { parseArticle } from '../../src/source/article.js';
import type { Article } from '../../src/source/types.js';
import { makeArticle as makeArticleFrom } from '../helpers/article.js';
import { slugify } from '../../src/vi/slugify.js';

const HCM = 'Asia/Ho_Chi_Minh';

function makeArticle(
  contentPath: string,
  o: { title: string; category: string; at: string; draft?: boolean; permalink?: string; slug?: string },
): Article {
  return makeArticleFrom({ contentPath, ...o });
}

const NOW = Date.UTC(2024, 8, 20, 0, 0); // 2024-09-20 07:00 in Asia/Ho_Chi_Minh

const ARTICLES = [
  makeArticle('thoi-su/so-ket.md', { title: 'Sơ kết phong trào', category: 'Thời sự', at: '2024-09-13 18:13' }),
  makeArticle('the-thao/doi-tuyen.md', { title: 'Đội tuyển thắng', category: 'Thể thao', at: '2024-07-18T20:30:00Z' }),
  makeArticle('thoi-su/nhap.md', { title: 'Bản nháp', category: 'Thời sự', at: '2024-09-10 08:00', draft: true }),
  makeArticle('doi-song/tuong-lai.md', { title: 'Tương lai', category: 'Đời sống', at: '2024-12-01 09:00' }),
  makeArticle('an-ninh/cu.md', { title: 'Tin cũ', category: 'An ninh', at: '2023-12-31 23:30' }),
  makeArticle('thoi-su/hop-bao.md', { title: 'Họp báo', category: 'Thời Sự', at: '2024-09-13 18:13' }),
  makeArticle('thoi-su/bai-ba.md', { title: 'Bài ba', category: 'Thời sự', at: '2024-09-01 07:00', permalink: '/tin-tuc/12345/' }),
];

const OPTIONS: ModelOptions = { drafts: false, future: false, now: NOW, perPage: 2, categories: [] };
const paths = (articles: readonly Article[]) => articles.map((a) => a.source.contentPath);

describe('buildSiteModel', () => {
  const { site, diagnostics } = buildSiteModel(ARTICLES, OPTIONS);

  it('publishes neither drafts nor future articles, newest first with ties by content path', () => {
    expect(paths(site.articles)).toEqual([
      'thoi-su/hop-bao.md',
      'thoi-su/so-ket.md',
      'thoi-su/bai-ba.md',
      'the-thao/doi-tuyen.md',
      'an-ninh/cu.md',
    ]);
    expect(site.articleUrls).toEqual(['/thoi-su/hop-bao/', '/thoi-su/so-ket-phong-trao/', '/tin-tuc/12345/', '/the-thao/doi-tuyen-thang/', '/an-ninh/tin-cu/']);
  });

  it('includes drafts and future articles only when asked', () => {
    expect(paths(buildSiteModel(ARTICLES, { ...OPTIONS, drafts: true }).site.articles)).toEqual([
      'thoi-su/hop-bao.md',
      'thoi-su/so-ket.md',
      'thoi-su/nhap.md',
      'thoi-su/bai-ba.md',
      'the-thao/doi-tuyen.md',
      'an-ninh/cu.md',
    ]);
    expect(paths(buildSiteModel(ARTICLES, { ...OPTIONS, future: true }).site.articles)).toEqual([
      'doi-song/tuong-lai.md',
      'thoi-su/hop-bao.md',
      'thoi-su/so-ket.md',
      'thoi-su/bai-ba.md',
      'the-thao/doi-tuyen.md',
      'an-ninh/cu.md',
    ]);
    const everything = buildSiteModel(ARTICLES, { ...OPTIONS, drafts: true, future: true }).site;
    expect(everything.articles).toHaveLength(7);
    expect(everything.categories.map((c) => c.name)).toEqual(['An ninh', 'Đời sống', 'Thể thao', 'Thời sự']);
  });

  it('merges "Thời sự" and "Thời Sự" into one category with a warning listing the variants', () => {
    expect(site.categories).toEqual([
      { slug: 'an-ninh', name: 'An ninh', variants: [], articleIds: [4] },
      { slug: 'the-thao', name: 'Thể thao', variants: [], articleIds: [3] },
      { slug: 'thoi-su', name: 'Thời sự', variants: ['Thời sự', 'Thời Sự'], articleIds: [0, 1, 2] },
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toContain('"Thời sự"');
    expect(diagnostics[0]!.message).toContain('"Thời Sự"');
    expect(site.categoryBySlug.get('thoi-su')).toBe(site.categories[2]);
    expect([...site.categoryBySlug.keys()]).toEqual(['an-ninh', 'the-thao', 'thoi-su']);
    expect(site.categoryPositions).toEqual([0, 1, 2, 0, 0]);
  });

  it('takes the display name from the config categories', () => {
    const result = buildSiteModel(ARTICLES, { ...OPTIONS, categories: ['Thời Sự', 'An Ninh'] });
    expect(result.site.categories.map((c) => c.name)).toEqual(['An Ninh', 'Thể thao', 'Thời Sự']);
    expect(result.site.categoryBySlug.get('thoi-su')!.variants).toEqual(['Thời sự', 'Thời Sự']);
    expect(result.diagnostics.filter((d) => d.severity === 'warning')).toHaveLength(1);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('sorts categories in Vietnamese order', () => {
    const names = ['Văn hóa', 'An ninh', 'Đời sống', 'Dân tộc', 'Thời sự', 'Thể thao', 'Ẩm thực', 'Xã hội', 'Giáo dục'];
    const articles = names.map((category, i) =>
      makeArticle(`${slugify(category)}/bai.md`, { title: `Bài ${i}`, category, at: `2024-09-${String(10 + i).padStart(2, '0')} 08:00` }),
    );
    const { site: s, diagnostics: d } = buildSiteModel(articles, { ...OPTIONS, now: Date.UTC(2025, 0, 1) });
    expect(d).toEqual([]);
    expect(s.categories.map((c) => c.name)).toEqual(['An ninh', 'Ẩm thực', 'Dân tộc', 'Đời sống', 'Giáo dục', 'Thể thao', 'Thời sự', 'Văn hóa', 'Xã hội']);
  });

  it('buckets articles by local day, with month and year counts', () => {
    expect([...site.days.values()]).toEqual([
      { key: '2024-09-13', year: 2024, month: 9, day: 13, articleIds: [0, 1] },
      { key: '2024-09-01', year: 2024, month: 9, day: 1, articleIds: [2] },
      { key: '2024-07-19', year: 2024, month: 7, day: 19, articleIds: [3] },
      { key: '2023-12-31', year: 2023, month: 12, day: 31, articleIds: [4] },
    ]);
    expect([...site.months.values()].map((m) => [m.key, m.dayKeys, m.count])).toEqual([
      ['2024-09', ['2024-09-13', '2024-09-01'], 3],
      ['2024-07', ['2024-07-19'], 1],
      ['2023-12', ['2023-12-31'], 1],
    ]);
    expect([...site.years.values()].map((y) => [y.key, y.monthKeys, y.count])).toEqual([
      ['2024', ['2024-09', '2024-07'], 4],
      ['2023', ['2023-12'], 1],
    ]);
  });

  it('routes every page', () => {
    expect(site.routes.map((r) => r.url).sort()).toEqual(
      [
        '/',
        '/thoi-su/hop-bao/',
        '/thoi-su/so-ket-phong-trao/',
        '/tin-tuc/12345/',
        '/the-thao/doi-tuyen-thang/',
        '/an-ninh/tin-cu/',
        '/an-ninh/',
        '/the-thao/',
        '/thoi-su/',
        '/thoi-su/trang/2/',
        '/2024/09/13/',
        '/2024/09/01/',
        '/2024/07/19/',
        '/2023/12/31/',
        '/2024/09/',
        '/2024/07/',
        '/2023/12/',
        '/2024/',
        '/2023/',
        '/luu-tru/',
        '/tac-gia/',
        '/tac-gia/thu-hoai/',
        '/tac-gia/thu-hoai/trang/2/',
        '/tac-gia/thu-hoai/trang/3/',
        '/lich.json',
        '/tim-kiem/',
        '/404.html',
      ].sort(),
    );
    expect(new Set(site.routes.map((r) => r.outputPath)).size).toBe(site.routes.length);
    expect(site.routes.some((r) => r.url.includes('nhap') || r.url.includes('tuong-lai') || r.url.startsWith('/doi-song/'))).toBe(false);
  });

  it('reports two articles with the same URL, naming both files', () => {
    const { diagnostics: d } = buildSiteModel(
      [
        makeArticle('thoi-su/a.md', { title: 'Trùng', category: 'Thời sự', at: '2024-09-13 18:13' }),
        makeArticle('thoi-su/b.md', { title: 'Bài khác', category: 'Thời sự', at: '2024-09-12 18:13', slug: 'trung' }),
      ],
      OPTIONS,
    );
    const errors = d.filter((x) => x.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('content/thoi-su/b.md');
    expect(errors[0]!.message).toContain('/thoi-su/trung/');
    expect(errors[0]!.message).toContain('content/thoi-su/a.md');
    expect(errors[0]!.message).toContain('content/thoi-su/b.md');
  });

  it('reports a category slugging to a year that has a year page', () => {
    const { diagnostics: d } = buildSiteModel(
      [makeArticle('tong-ket/a.md', { title: 'Tổng kết năm', category: '2024', at: '2024-09-13 18:13' })],
      OPTIONS,
    );
    const errors = d.filter((x) => x.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('/2024/');
    expect(errors[0]!.message).toContain('category "2024"');
    expect(errors[0]!.message).toContain('year page 2024');
  });

  it('builds from parsed articles: an article at 20:30 UTC lands on the next local day', () => {
    const text = [
      '---',
      'tiêu_đề: Đội tuyển thắng',
      'tác_giả: Minh Anh',
      'thời_gian: 2024-07-18T20:30:00Z',
      'chuyên_mục: Thể thao',
      '---',
      'Nội dung.',
    ].join('\n');
    const parsed = parseArticle(text, { absolutePath: '/site/content/the-thao/doi-tuyen.md', contentPath: 'the-thao/doi-tuyen.md', displayPath: 'content/the-thao/doi-tuyen.md' }, HCM);
    expect(parsed.diagnostics).toEqual([]);
    const { site: s, diagnostics: d } = buildSiteModel([parsed.article!], OPTIONS);
    expect(d).toEqual([]);
    expect([...s.days.keys()]).toEqual(['2024-07-19']);
    expect(s.articleUrls).toEqual(['/the-thao/doi-tuyen-thang/']);
    expect(s.routes.map((r) => r.url)).toContain('/2024/07/19/');
    expect(s.routes.map((r) => r.url)).not.toContain('/2024/07/18/');
  });

  it('builds an empty site', () => {
    const { site: s, diagnostics: d } = buildSiteModel([], OPTIONS);
    expect(d).toEqual([]);
    expect(s.articles).toEqual([]);
    expect(s.categories).toEqual([]);
    expect(s.routes.map((r) => r.url)).toEqual(['/', '/luu-tru/', '/lich.json', '/tim-kiem/', '/404.html']);
  });
});
