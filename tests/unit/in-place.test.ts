import { describe, expect, it } from 'vitest';
import { LAYOUT } from '../../src/config/defaults.js';
import { buildSiteModel } from '../../src/model/index.js';
import { pagesShowing, replaceInPlace, sameStanding } from '../../src/watch/in-place.js';
import { indexRoutes } from '../../src/watch/route-inputs.js';
import { makeArticle } from '../helpers/article.js';

const a = makeArticle({ contentPath: 'a.md', title: 'Bài A', category: 'Thời sự', at: '2024-01-01 08:00' });
const b = makeArticle({ contentPath: 'b.md', title: 'Bài B', category: 'Thời sự', at: '2024-01-02 08:00' });
const model = buildSiteModel([a, b], { ...LAYOUT, perPage: 20, drafts: false, future: false, now: Date.UTC(2030, 0, 1), categories: [] }).site;
const idOf = new Map(model.articles.map((article, id) => [article.source.contentPath, id]));

describe('in-place edits', () => {
  it('keep an article where it stands when only its text changes', () => {
    expect(sameStanding(a, { ...a, title: 'Bài A sửa', summary: 'Sapo', body: 'Mới' })).toBe(true);
    const retagged = [{ ...a, tags: ['thi đua'] }, { ...a, authors: ['Thu Hoài', 'Ngọc Anh'] }, { ...a, authors: ['Thu hoài'] }];
    for (const moved of [{ ...a, slug: 'khac' }, { ...a, category: 'Thời Sự' }, { ...a, draft: true }, { ...a, aliases: ['/cu.html'] }, { ...a, publishedAt: b.publishedAt }, ...retagged]) {
      expect(sameStanding(a, moved)).toBe(false);
    }
  });

  it('swap the new version into the model, or refuse when an article moved or disappeared', () => {
    const edited = { ...a, summary: 'Sapo mới' };
    const site = replaceInPlace(model, new Map([['a.md', edited]]), idOf)!;
    expect(site.articles[idOf.get('a.md')!]).toBe(edited);
    expect(site.articles[idOf.get('b.md')!]).toBe(model.articles[idOf.get('b.md')!]);
    expect(site.routes).toBe(model.routes);
    expect(replaceInPlace(model, new Map([['a.md', { ...a, slug: 'khac' }]]), idOf)).toBeNull();
    expect(replaceInPlace(model, new Map([['a.md', undefined]]), idOf)).toBeNull();
    expect(replaceInPlace(model, new Map([['moi.md', a]]), idOf)).toBeNull();
  });

  it('know which pages show each article', () => {
    const shownBy = pagesShowing(indexRoutes(model, { ...LAYOUT, perPage: 20 }));
    expect(shownBy.get('a.md')!.sort()).toEqual(['2024/01/01/index.html', '404.html', 'index.html', 'tac-gia/thu-hoai/index.html', 'thoi-su/bai-a/index.html', 'thoi-su/bai-b/index.html', 'thoi-su/index.html']);
  });
});
