import type { ArticleId, SiteModel } from '../model/types.js';
import type { Article } from '../source/types.js';
import type { RouteIndex } from './route-inputs.js';

/**
 * Whether two versions of an article stand in the same place in the site: same time, category,
 * URL, aliases, tags, authors and publication state. Then every list, bucket and route stays as it
 * is, and only the pages showing the article change (its title, sapo or body).
 */
export function sameStanding(a: Article, b: Article): boolean {
  return (
    a.publishedAt.epochMs === b.publishedAt.epochMs &&
    a.category === b.category &&
    a.categorySlug === b.categorySlug &&
    a.slug === b.slug &&
    a.permalink === b.permalink &&
    a.draft === b.draft &&
    sameList(a.aliases, b.aliases) &&
    sameList(a.tags, b.tags) &&
    sameList(a.authors, b.authors)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * The site model with edited articles swapped in where they stand, or null when an edit moves
 * an article, adds or removes one: then the model must be rebuilt.
 */
export function replaceInPlace(model: SiteModel, edited: ReadonlyMap<string, Article | undefined>, idOf: ReadonlyMap<string, ArticleId>): SiteModel | null {
  const articles = [...model.articles];
  for (const [contentPath, next] of edited) {
    const id = idOf.get(contentPath);
    if (id === undefined || next === undefined || !sameStanding(articles[id]!, next)) return null;
    articles[id] = next;
  }
  return { ...model, articles };
}

/** For each article, the output paths of the pages that show it. */
export function pagesShowing(index: RouteIndex): Map<string, string[]> {
  const shownBy = new Map<string, string[]>();
  for (const [outputPath, inputs] of index.routes) {
    for (const contentPath of inputs.articles) {
      const pages = shownBy.get(contentPath);
      if (!pages) shownBy.set(contentPath, [outputPath]);
      else if (pages[pages.length - 1] !== outputPath) pages.push(outputPath);
    }
  }
  return shownBy;
}
