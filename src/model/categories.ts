import { warning, type Diagnostic } from '../diagnostics.js';
import type { Article } from '../source/types.js';
import { compareVi } from '../vi/collation.js';
import { slugify } from '../vi/slugify.js';
import type { ArticleId, Category } from './types.js';

/**
 * Groups articles (newest first) by category slug: "Thời sự" and "Thời Sự" are one category,
 * shown under the configured spelling, else the most common one (ties: Vietnamese order).
 */
export function indexCategories(
  articles: readonly Article[],
  preferredNames: readonly string[],
): { categories: Category[]; diagnostics: Diagnostic[] } {
  const groups = new Map<string, { ids: ArticleId[]; spellings: Map<string, number> }>();
  articles.forEach((article, id) => {
    let group = groups.get(article.categorySlug);
    if (!group) groups.set(article.categorySlug, (group = { ids: [], spellings: new Map() }));
    group.ids.push(id);
    group.spellings.set(article.category, (group.spellings.get(article.category) ?? 0) + 1);
  });
  const preferred = new Map(preferredNames.map((name) => [slugify(name), name]));
  const diagnostics: Diagnostic[] = [];
  const categories = [...groups].map(([slug, group]) => {
    const variants = [...group.spellings.keys()].sort(compareVi);
    const name = preferred.get(slug) ?? mostCommon(group.spellings);
    if (variants.length > 1) {
      diagnostics.push(
        warning(`category "${name}" is spelled ${variants.length} ways: ${variants.map((v) => `"${v}" (${group.spellings.get(v)})`).join(', ')}`, {
          field: 'category',
          hint: `They are shown as one category, "${name}". Write one spelling, or set it in the config's "categories".`,
        }),
      );
    }
    return { slug, name, variants: variants.length > 1 ? variants : [], articleIds: group.ids };
  });
  categories.sort((a, b) => compareVi(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
  return { categories, diagnostics };
}

/** The spelling written most often; a tie goes to the first in Vietnamese order. */
export function mostCommon(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort(([a, ca], [b, cb]) => cb - ca || compareVi(a, b))[0]![0];
}
