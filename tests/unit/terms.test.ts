import { describe, expect, it } from 'vitest';
import { AUTHOR_FIELD, TAG_FIELD, indexTerms } from '../../src/model/terms.js';
import type { Article } from '../../src/source/types.js';
import { makeArticle } from '../helpers/article.js';

let counter = 0;
/** Articles are given newest first, as the model holds them: ids are positions. */
function tagged(tags: string[], authors: string[] = ['Thu Hoài']): Article {
  return makeArticle({ contentPath: `bai-${++counter}.md`, tags, authors });
}

const names = (terms: readonly { name: string; articleIds: readonly number[] }[]) => terms.map((t) => `${t.name} ${t.articleIds.join(',')}`);

describe('indexTerms', () => {
  it('groups articles by tag slug, newest first, with tags in Vietnamese order', () => {
    const articles = [tagged(['ẩm thực', 'Đông Sơn']), tagged(['an sinh', 'du lịch']), tagged(['Đông Sơn', 'đình làng']), tagged(['ăn Tết', 'Ấm no', 'dân tộc'])];
    const { terms, diagnostics } = indexTerms(articles, TAG_FIELD);
    expect(diagnostics).toEqual([]);
    expect(names(terms)).toEqual(['an sinh 1', 'ăn Tết 3', 'Ấm no 3', 'ẩm thực 0', 'dân tộc 3', 'du lịch 1', 'đình làng 2', 'Đông Sơn 0,2']);
    expect(terms.find((t) => t.name === 'Đông Sơn')).toEqual({ slug: 'dong-son', name: 'Đông Sơn', variants: [], articleIds: [0, 2] });
  });

  it('merges spellings of one slug under the most common one, counting an article once', () => {
    const articles = [tagged(['thi đua']), tagged(['Thi đua', 'thi đua']), tagged(['THI ĐUA']), tagged(['thi đua']), tagged(['khen thưởng'])];
    const { terms, diagnostics } = indexTerms(articles, TAG_FIELD);
    expect(diagnostics).toEqual([]);
    expect(terms).toEqual([
      { slug: 'khen-thuong', name: 'khen thưởng', variants: [], articleIds: [4] },
      { slug: 'thi-dua', name: 'thi đua', variants: ['thi đua', 'Thi đua', 'THI ĐUA'], articleIds: [0, 1, 2, 3] },
    ]);
  });

  it('breaks a tie between spellings in Vietnamese order, whatever the article order', () => {
    const one = indexTerms([tagged(['Đông Sơn']), tagged(['đông sơn'])], TAG_FIELD).terms[0]!;
    const other = indexTerms([tagged(['đông sơn']), tagged(['Đông Sơn'])], TAG_FIELD).terms[0]!;
    expect(one.name).toBe(other.name);
    expect(one.name).toBe(['Đông Sơn', 'đông sơn'].sort(new Intl.Collator('vi', { sensitivity: 'variant', numeric: true }).compare)[0]);
  });

  it('counts a co-authored article for each author, and shows the preferred spelling when given', () => {
    const articles = [tagged([], ['Thu hoài', 'Ngọc Anh']), tagged([], ['Ngọc Anh']), tagged([], ['Thu hoài'])];
    expect(names(indexTerms(articles, AUTHOR_FIELD).terms)).toEqual(['Ngọc Anh 0,1', 'Thu hoài 0,2']);
    expect(names(indexTerms(articles, AUTHOR_FIELD, ['Thu Hoài', 'Không viết bài']).terms)).toEqual(['Ngọc Anh 0,1', 'Thu Hoài 0,2']);
  });

  it("gives each article its terms' slugs, '' for a term without a page", () => {
    const articles = [tagged(['Thi đua', '!!!', 'con']), tagged(['thi đua'])];
    const { articleSlugs, terms } = indexTerms(articles, TAG_FIELD);
    expect(articleSlugs).toEqual([['thi-dua', '', ''], ['thi-dua']]);
    expect(terms.map((t) => t.slug)).toEqual(['thi-dua']);
  });

  it('skips terms with an empty or unusable slug, with one warning per spelling', () => {
    const articles = [tagged(['!!!', 'con', 'x'.repeat(201)]), tagged(['!!!'])];
    const { terms, diagnostics } = indexTerms(articles, TAG_FIELD);
    expect(terms).toEqual([]);
    expect(diagnostics.map((d) => `${d.severity} ${d.file} ${d.field}: ${d.message}`)).toEqual([
      `warning content/${articles[0]!.source.contentPath} tags: tag "!!!" gives an empty URL slug: it is shown without a page of its own`,
      `warning content/${articles[0]!.source.contentPath} tags: tag "con" gives a URL slug "con", a reserved file name on Windows: it is shown without a page of its own`,
      `warning content/${articles[0]!.source.contentPath} tags: tag "${'x'.repeat(201)}" gives a URL slug 201 characters long, more than the 200 allowed: it is shown without a page of its own`,
    ]);
    expect(indexTerms([tagged([], ['???'])], AUTHOR_FIELD).diagnostics[0]!.message).toBe('author "???" gives an empty URL slug: it is shown without a page of its own');
  });

  it('gives nothing for no articles or no tags', () => {
    expect(indexTerms([], TAG_FIELD)).toEqual({ terms: [], articleSlugs: [], diagnostics: [] });
    expect(indexTerms([tagged([])], TAG_FIELD)).toEqual({ terms: [], articleSlugs: [[]], diagnostics: [] });
  });
});
