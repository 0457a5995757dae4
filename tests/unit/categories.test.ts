import { describe, expect, it } from 'vitest';
import { indexCategories } from '../../src/model/categories.js';
import type { Article } from '../../src/source/types.js';
import { makeArticle as makeArticleFrom } from '../helpers/article.js';

let counter = 0;
function makeArticle(category: string): Article {
  return makeArticleFrom({ contentPath: `bai-${++counter}.md`, category });
}

describe('indexCategories', () => {
  it('groups articles by slug, keeps their order, and sorts categories in Vietnamese order', () => {
    const names = ['Văn hóa', 'An ninh', 'Đời sống', 'Dân tộc', 'Thời sự', 'Thể thao', 'Ẩm thực', 'Xã hội', 'Giáo dục'];
    const articles = [...names, 'Thời sự', 'Đời sống'].map(makeArticle);
    const { categories, diagnostics } = indexCategories(articles, []);
    expect(diagnostics).toEqual([]);
    expect(categories).toEqual([
      { slug: 'an-ninh', name: 'An ninh', variants: [], articleIds: [1] },
      { slug: 'am-thuc', name: 'Ẩm thực', variants: [], articleIds: [6] },
      { slug: 'dan-toc', name: 'Dân tộc', variants: [], articleIds: [3] },
      { slug: 'doi-song', name: 'Đời sống', variants: [], articleIds: [2, 10] },
      { slug: 'giao-duc', name: 'Giáo dục', variants: [], articleIds: [8] },
      { slug: 'the-thao', name: 'Thể thao', variants: [], articleIds: [5] },
      { slug: 'thoi-su', name: 'Thời sự', variants: [], articleIds: [4, 9] },
      { slug: 'van-hoa', name: 'Văn hóa', variants: [], articleIds: [0] },
      { slug: 'xa-hoi', name: 'Xã hội', variants: [], articleIds: [7] },
    ]);
  });

  it('merges spellings of one category under the most common one, with a warning listing them', () => {
    const articles = ['Thời sự', 'Thời Sự', 'Thời sự', 'THỜI SỰ', 'Thể thao'].map(makeArticle);
    const { categories, diagnostics } = indexCategories(articles, []);
    expect(categories).toEqual([
      { slug: 'the-thao', name: 'Thể thao', variants: [], articleIds: [4] },
      { slug: 'thoi-su', name: 'Thời sự', variants: ['Thời sự', 'Thời Sự', 'THỜI SỰ'], articleIds: [0, 1, 2, 3] },
    ]);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.severity).toBe('warning');
    expect(d.field).toBe('category');
    for (const variant of ['"Thời sự" (2)', '"Thời Sự" (1)', '"THỜI SỰ" (1)']) expect(d.message).toContain(variant);
    expect(d.hint).toContain('"Thời sự"');
  });

  it('shows the spelling set in the config when there is one', () => {
    const articles = ['Thời sự', 'Thời Sự', 'Thời sự'].map(makeArticle);
    const { categories, diagnostics } = indexCategories(articles, ['Thời Sự', 'Không dùng']);
    expect(categories).toEqual([{ slug: 'thoi-su', name: 'Thời Sự', variants: ['Thời sự', 'Thời Sự'], articleIds: [0, 1, 2] }]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toContain('"Thời Sự"');
  });

  it('uses the configured spelling even for a single spelling, without a warning', () => {
    const { categories, diagnostics } = indexCategories(['Thoi su', 'Thoi su'].map(makeArticle), ['Thời sự']);
    expect(categories).toEqual([{ slug: 'thoi-su', name: 'Thời sự', variants: [], articleIds: [0, 1] }]);
    expect(diagnostics).toEqual([]);
  });

  it('breaks a tie between spellings in Vietnamese order', () => {
    const { categories } = indexCategories(['Thời Sự', 'Thời sự'].map(makeArticle), []);
    const { categories: reversed } = indexCategories(['Thời sự', 'Thời Sự'].map(makeArticle), []);
    expect(categories[0]!.name).toBe('Thời sự');
    expect(reversed[0]!.name).toBe('Thời sự');
    expect(categories[0]!.variants).toEqual(reversed[0]!.variants);
  });

  it('gives nothing for no articles', () => {
    expect(indexCategories([], ['Thời sự'])).toEqual({ categories: [], diagnostics: [] });
  });
});
