import { describe, expect, it } from 'vitest';
import { LAYOUT } from '../../src/config/defaults.js';
import { buildSiteModel } from '../../src/model/index.js';
import { TEMPLATE_BY_KIND } from '../../src/render/index.js';
import type { Article } from '../../src/source/types.js';
import { dirtyRoutes } from '../../src/watch/dirty.js';
import { indexRoutes } from '../../src/watch/route-inputs.js';
import { makeArticle } from '../helpers/article.js';

const layout = { ...LAYOUT, perPage: 2 };
const index = (articles: Article[]) => indexRoutes(buildSiteModel(articles, { ...layout, drafts: false, future: false, now: Date.UTC(2030, 0, 1), categories: [] }).site, layout);
const none = { articles: new Set<string>(), pageTemplates: new Set<string>() };
const templateOf = (route: { kind: keyof typeof TEMPLATE_BY_KIND }) => TEMPLATE_BY_KIND[route.kind];
const urls = (routes: { url: string }[]) => routes.map((r) => r.url).sort();

const base = [
  makeArticle({ contentPath: 'a.md', title: 'Bài A', category: 'Thời sự', at: '2024-01-01 08:00' }),
  makeArticle({ contentPath: 'b.md', title: 'Bài B', category: 'Thời sự', at: '2024-01-02 08:00' }),
  makeArticle({ contentPath: 'c.md', title: 'Bài C', category: 'Thời sự', at: '2024-01-03 08:00' }),
  makeArticle({ contentPath: 'd.md', title: 'Bài D', category: 'Kinh tế', at: '2024-01-03 09:00' }),
];

describe('dirtyRoutes', () => {
  it('renders everything the first time and nothing when nothing changed', () => {
    expect(dirtyRoutes(null, index(base), none, templateOf).render).toHaveLength(index(base).routes.size);
    expect(dirtyRoutes(index(base), index(base), none, templateOf)).toEqual({ render: [], remove: [] });
  });

  it('renders the pages that show an edited article', () => {
    const edited = base.map((a) => (a.source.contentPath === 'a.md' ? { ...a, summary: 'Sapo mới' } : a));
    const dirty = dirtyRoutes(index(base), index(edited), { ...none, articles: new Set(['a.md']) }, templateOf);
    expect(urls(dirty.render)).toEqual(['/404.html', '/2024/01/01/', '/thoi-su/bai-a/', '/thoi-su/bai-b/', '/thoi-su/bai-c/', '/thoi-su/trang/2/', '/tac-gia/thu-hoai/trang/2/', '/']
      .sort());
    expect(dirty.remove).toEqual([]);
  });

  it('renders pages whose lists shift when an article is added, and removes pages that are gone', () => {
    const added = [...base, makeArticle({ contentPath: 'e.md', title: 'Bài E', category: 'Thời sự', at: '2024-01-04 08:00' })];
    const dirty = dirtyRoutes(index(base), index(added), { ...none, articles: new Set(['e.md']) }, templateOf);
    expect(urls(dirty.render)).toContain('/thoi-su/trang/2/');
    expect(urls(dirty.render)).toContain('/2024/01/04/');
    expect(urls(dirty.render)).toContain('/2024/01/03/');
    expect(urls(dirty.render)).not.toContain('/kinh-te/bai-d/');
    const removed = dirtyRoutes(index(added), index(base), { ...none, articles: new Set(['e.md']) }, templateOf);
    expect(removed.remove.sort()).toEqual(['2024/01/04/index.html', 'tac-gia/thu-hoai/trang/3/index.html', 'thoi-su/bai-e/index.html']);
  });

  it('renders every page when the navigation changes (a new category)', () => {
    const added = [...base, makeArticle({ contentPath: 'f.md', title: 'Bài F', category: 'Văn hóa', at: '2023-06-01 08:00' })];
    expect(dirtyRoutes(index(base), index(added), { ...none, articles: new Set(['f.md']) }, templateOf).render).toHaveLength(index(added).routes.size);
  });

  it('renders the pages of a changed page template only', () => {
    const dirty = dirtyRoutes(index(base), index(base), { ...none, pageTemplates: new Set(['category.njk']) }, templateOf);
    expect(urls(dirty.render)).toEqual(['/kinh-te/', '/thoi-su/', '/thoi-su/trang/2/']);
  });
});

describe('dirtyRoutes after tag edits', () => {
  const tagged = [
    makeArticle({ contentPath: 'a.md', title: 'Bài A', category: 'Văn hóa', at: '2024-01-01 08:00', tags: ['thi đua'] }),
    makeArticle({ contentPath: 'b.md', title: 'Bài B', at: '2024-01-02 08:00', tags: ['thi đua', 'an sinh'] }),
    makeArticle({ contentPath: 'c.md', title: 'Bài C', at: '2024-01-03 08:00', tags: ['Thi đua'] }),
  ];
  const retag = (contentPath: string, tags: string[]) => tagged.map((a) => (a.source.contentPath === contentPath ? { ...a, tags } : a));
  const changed = (contentPath: string) => ({ ...none, articles: new Set([contentPath]) });

  it('renders the new tag page, the index and every page showing the article when a tag is added', () => {
    const dirty = dirtyRoutes(index(tagged), index(retag('c.md', ['Thi đua', 'khen thưởng'])), changed('c.md'), templateOf);
    expect(urls(dirty.render)).toEqual(expect.arrayContaining(['/tu-khoa/', '/tu-khoa/khen-thuong/', '/tu-khoa/thi-dua/', '/thoi-su/bai-c/']));
    expect(urls(dirty.render)).not.toContain('/tu-khoa/an-sinh/');
    expect(urls(dirty.render)).not.toContain('/tu-khoa/thi-dua/trang/2/');
    expect(dirty.remove).toEqual([]);
  });

  it('removes the page of a tag no article has any more', () => {
    const dirty = dirtyRoutes(index(tagged), index(retag('b.md', ['thi đua'])), changed('b.md'), templateOf);
    expect(dirty.remove).toEqual(['tu-khoa/an-sinh/index.html']);
    expect(urls(dirty.render)).toContain('/tu-khoa/');
  });

  it('renders unchanged articles and tag pages when another spelling of their tag wins', () => {
    const dirty = dirtyRoutes(index(tagged), index(retag('b.md', ['Thi đua', 'an sinh'])), changed('b.md'), templateOf);
    // a.md did not change and b.md is not among its related articles, but its page and the tag page listing it now show "Thi đua"
    expect(urls(dirty.render)).toEqual(expect.arrayContaining(['/van-hoa/bai-a/', '/tu-khoa/thi-dua/trang/2/', '/tu-khoa/']));
    expect(urls(dirty.render)).not.toContain('/2024/01/01/');
  });
});
