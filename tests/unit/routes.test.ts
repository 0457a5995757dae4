import { describe, expect, it } from 'vitest';
import { indexCalendar } from '../../src/model/calendar.js';
import { indexCategories } from '../../src/model/categories.js';
import { findCollisions, planRoutes } from '../../src/model/routes.js';
import { AUTHOR_FIELD, TAG_FIELD, indexTerms } from '../../src/model/terms.js';
import type { Route } from '../../src/model/types.js';
import { articleUrl } from '../../src/model/urls.js';
import type { Article } from '../../src/source/types.js';
import { makeArticle as makeArticleFrom } from '../helpers/article.js';

function makeArticle(contentPath: string, o: { title: string; category: string; at: string; permalink?: string; aliases?: string[]; tags?: string[]; authors?: string[] }): Article {
  return makeArticleFrom({ contentPath, ...o });
}

function plan(articles: Article[], perPage: number): Route[] {
  const { categories } = indexCategories(articles, []);
  const taxonomies = { tags: indexTerms(articles, TAG_FIELD).terms, authors: indexTerms(articles, AUTHOR_FIELD).terms };
  return planRoutes(articles, articles.map(articleUrl), categories, indexCalendar(articles), perPage, taxonomies);
}

describe('planRoutes', () => {
  const articles = [
    makeArticle('thoi-su/so-ket.md', { title: 'Sơ kết', category: 'Thời sự', at: '2024-09-13 18:13', aliases: ['/tin-cu/1.html'] }),
    makeArticle('thoi-su/hop-bao.md', { title: 'Họp báo', category: 'Thời sự', at: '2024-09-13 08:00' }),
    makeArticle('thoi-su/bai-ba.md', { title: 'Bài ba', category: 'Thời sự', at: '2024-08-01 08:00', permalink: '/tin-tuc/12345/' }),
    makeArticle('the-thao/doi-tuyen.md', { title: 'Đội tuyển', category: 'Thể thao', at: '2023-12-31 23:30' }),
  ];

  it('lists every page in a stable order with its output file', () => {
    expect(plan(articles, 2).map((r) => [r.kind, r.url, r.outputPath])).toEqual([
      ['home', '/', 'index.html'],
      ['article', '/thoi-su/so-ket/', 'thoi-su/so-ket/index.html'],
      ['article', '/thoi-su/hop-bao/', 'thoi-su/hop-bao/index.html'],
      ['article', '/tin-tuc/12345/', 'tin-tuc/12345/index.html'],
      ['article', '/the-thao/doi-tuyen/', 'the-thao/doi-tuyen/index.html'],
      ['alias', '/tin-cu/1.html', 'tin-cu/1.html'],
      ['category', '/the-thao/', 'the-thao/index.html'],
      ['category', '/thoi-su/', 'thoi-su/index.html'],
      ['category', '/thoi-su/trang/2/', 'thoi-su/trang/2/index.html'],
      ['authorIndex', '/tac-gia/', 'tac-gia/index.html'],
      ['author', '/tac-gia/thu-hoai/', 'tac-gia/thu-hoai/index.html'],
      ['author', '/tac-gia/thu-hoai/trang/2/', 'tac-gia/thu-hoai/trang/2/index.html'],
      ['day', '/2024/09/13/', '2024/09/13/index.html'],
      ['day', '/2024/08/01/', '2024/08/01/index.html'],
      ['day', '/2023/12/31/', '2023/12/31/index.html'],
      ['month', '/2024/09/', '2024/09/index.html'],
      ['month', '/2024/08/', '2024/08/index.html'],
      ['month', '/2023/12/', '2023/12/index.html'],
      ['year', '/2024/', '2024/index.html'],
      ['year', '/2023/', '2023/index.html'],
      ['archive', '/luu-tru/', 'luu-tru/index.html'],
      ['calendar', '/lich.json', 'lich.json'],
      ['search', '/tim-kiem/', 'tim-kiem/index.html'],
      ['notFound', '/404.html', '404.html'],
    ]);
  });

  it('links each route to what it shows', () => {
    const routes = plan(articles, 2);
    expect(routes.find((r) => r.url === '/tin-tuc/12345/')).toMatchObject({ kind: 'article', articleId: 2, source: 'content/thoi-su/bai-ba.md' });
    expect(routes.find((r) => r.url === '/tin-cu/1.html')).toMatchObject({ kind: 'alias', articleId: 0 });
    expect(routes.find((r) => r.url === '/thoi-su/trang/2/')).toMatchObject({ kind: 'category', categorySlug: 'thoi-su', page: 2 });
    expect(routes.find((r) => r.url === '/2024/09/13/')).toMatchObject({ kind: 'day', dayKey: '2024-09-13' });
    expect(routes.find((r) => r.url === '/2024/09/')).toMatchObject({ kind: 'month', monthKey: '2024-09' });
    expect(routes.find((r) => r.url === '/2023/')).toMatchObject({ kind: 'year', yearKey: '2023' });
  });

  it('plans one page per category page count', () => {
    const urls = (perPage: number) => plan(articles, perPage).filter((r) => r.kind === 'category').map((r) => r.url);
    expect(urls(1)).toEqual(['/the-thao/', '/thoi-su/', '/thoi-su/trang/2/', '/thoi-su/trang/3/']);
    expect(urls(3)).toEqual(['/the-thao/', '/thoi-su/']);
    expect(urls(20)).toEqual(['/the-thao/', '/thoi-su/']);
  });

  it('plans home, archive and 404 for an empty site', () => {
    expect(plan([], 20).map((r) => r.url)).toEqual(['/', '/luu-tru/', '/lich.json', '/tim-kiem/', '/404.html']);
  });

  it('plans the tag index and each tag paginated, then the same for authors, in Vietnamese order', () => {
    const tagged = [
      makeArticle('a.md', { title: 'A', category: 'Thời sự', at: '2024-09-13 08:00', tags: ['Thi đua', 'ẩm thực'], authors: ['Thu Hoài', 'Ngọc Anh'] }),
      makeArticle('b.md', { title: 'B', category: 'Thời sự', at: '2024-09-12 08:00', tags: ['thi đua'], authors: ['Ngọc Anh'] }),
      makeArticle('c.md', { title: 'C', category: 'Thời sự', at: '2024-09-11 08:00', tags: ['thi đua', 'an sinh'], authors: ['Ngọc Anh'] }),
    ];
    const routes = plan(tagged, 2).filter((r) => ['tag', 'tagIndex', 'author', 'authorIndex'].includes(r.kind));
    expect(routes.map((r) => [r.kind, r.url, r.source])).toEqual([
      ['tagIndex', '/tu-khoa/', 'tag index page'],
      ['tag', '/tu-khoa/an-sinh/', 'tag "an sinh"'],
      ['tag', '/tu-khoa/am-thuc/', 'tag "ẩm thực"'],
      ['tag', '/tu-khoa/thi-dua/', 'tag "thi đua"'],
      ['tag', '/tu-khoa/thi-dua/trang/2/', 'tag "thi đua" page 2'],
      ['authorIndex', '/tac-gia/', 'author index page'],
      ['author', '/tac-gia/ngoc-anh/', 'author "Ngọc Anh"'],
      ['author', '/tac-gia/ngoc-anh/trang/2/', 'author "Ngọc Anh" page 2'],
      ['author', '/tac-gia/thu-hoai/', 'author "Thu Hoài"'],
    ]);
    expect(routes.find((r) => r.url === '/tu-khoa/thi-dua/trang/2/')).toMatchObject({ kind: 'tag', tagSlug: 'thi-dua', page: 2, outputPath: 'tu-khoa/thi-dua/trang/2/index.html' });
    expect(routes.find((r) => r.url === '/tac-gia/thu-hoai/')).toMatchObject({ kind: 'author', authorSlug: 'thu-hoai', page: 1 });
  });

  it('plans no tag index for a site without tags', () => {
    expect(plan(articles, 20).some((r) => r.kind === 'tagIndex' || r.kind === 'tag')).toBe(false);
  });

  it('has no collisions for distinct pages', () => {
    expect(findCollisions(plan(articles, 2))).toEqual([]);
  });
});

describe('findCollisions', () => {
  it('reports two articles with one URL, naming both files', () => {
    const routes = plan(
      [
        makeArticle('thoi-su/a.md', { title: 'Trùng tên', category: 'Thời sự', at: '2024-09-13 18:13' }),
        makeArticle('thoi-su/b.md', { title: 'Trùng tên', category: 'Thời sự', at: '2024-09-12 18:13' }),
      ],
      20,
    );
    const diagnostics = findCollisions(routes);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: 'content/thoi-su/b.md' });
    expect(diagnostics[0]!.message).toContain('/thoi-su/trung-ten/');
    expect(diagnostics[0]!.message).toContain('content/thoi-su/a.md');
    expect(diagnostics[0]!.message).toContain('content/thoi-su/b.md');
    expect(diagnostics[0]!.hint).toBeTypeOf('string');
  });

  it('reports an alias or permalink taking another page\'s URL', () => {
    const routes = plan(
      [
        makeArticle('thoi-su/a.md', { title: 'Bài A', category: 'Thời sự', at: '2024-09-13 18:13' }),
        makeArticle('thoi-su/b.md', { title: 'Bài B', category: 'Thời sự', at: '2024-09-12 18:13', aliases: ['/thoi-su/bai-a/'] }),
        makeArticle('thoi-su/c.md', { title: 'Bài C', category: 'Thời sự', at: '2024-09-11 18:13', permalink: '/luu-tru/' }),
      ],
      20,
    );
    const diagnostics = findCollisions(routes);
    expect(diagnostics.map((d) => [d.severity, d.file ?? null])).toEqual([
      ['error', 'content/thoi-su/b.md'],
      ['error', null],
    ]);
    expect(diagnostics[0]!.message).toContain('content/thoi-su/a.md');
    expect(diagnostics[1]!.message).toContain('/luu-tru/');
    expect(diagnostics[1]!.message).toContain('content/thoi-su/c.md');
    expect(diagnostics[1]!.message).toContain('archive page');
  });

  it('reports a permalink taking a tag page, and a category taking the author index', () => {
    const routes = plan(
      [
        makeArticle('thoi-su/a.md', { title: 'Bài A', category: 'Thời sự', at: '2024-09-13 18:13', tags: ['Thi đua'] }),
        makeArticle('thoi-su/b.md', { title: 'Bài B', category: 'Thời sự', at: '2024-09-12 18:13', permalink: '/tu-khoa/thi-dua/' }),
        makeArticle('tac-gia/c.md', { title: 'Bài C', category: 'Tác giả', at: '2024-09-11 18:13' }),
      ],
      20,
    );
    expect(findCollisions(routes).map((d) => d.message)).toEqual([
      'URL /tu-khoa/thi-dua/ is used by both content/thoi-su/b.md and tag "Thi đua"',
      'URL /tac-gia/ is used by both category "Tác giả" and author index page',
    ]);
  });

  it('reports a category whose slug is a year', () => {
    const routes = plan([makeArticle('x/a.md', { title: 'Tổng kết', category: '2024', at: '2024-09-13 18:13' })], 20);
    const diagnostics = findCollisions(routes);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toContain('/2024/');
    expect(diagnostics[0]!.message).toContain('category "2024"');
    expect(diagnostics[0]!.message).toContain('year page 2024');
  });

  it('compares output files, not URLs', () => {
    const route = (url: string, outputPath: string, source: string): Route => ({ kind: 'home', url, outputPath, source });
    const diagnostics = findCollisions([route('/a/', 'a/index.html', 'one'), route('/a/index.html', 'a/index.html', 'two')]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain('one');
    expect(diagnostics[0]!.message).toContain('two');
  });
});
