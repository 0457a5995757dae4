import type { Diagnostic } from '../diagnostics.js';
import type { Article } from '../source/types.js';
import { indexCalendar } from './calendar.js';
import { indexCategories } from './categories.js';
import { publishedArticles, type PublishRules } from './publish.js';
import { findCollisions, planRoutes } from './routes.js';
import { AUTHOR_FIELD, TAG_FIELD, indexTerms } from './terms.js';
import type { Category, SiteModel } from './types.js';
import { articleUrl } from './urls.js';

export type { SiteModel, Route, Category, Term, DayBucket, MonthBucket, YearBucket, ArticleId } from './types.js';

/** What the model needs from the config. */
export interface ModelOptions extends PublishRules {
  readonly perPage: number;
  readonly categories: readonly string[];
  /** Author profiles by name: the names are the spellings shown for authors written several ways. */
  readonly authors?: Readonly<Record<string, unknown>>;
}

/** Builds the site model: published articles, their indexes and every route, with collisions reported. */
export function buildSiteModel(parsed: readonly Article[], options: ModelOptions): { site: SiteModel; diagnostics: Diagnostic[] } {
  const articles = publishedArticles(parsed, options);
  const articleUrls = articles.map(articleUrl);
  const { categories, diagnostics } = indexCategories(articles, options.categories);
  const calendar = indexCalendar(articles);
  const tags = indexTerms(articles, TAG_FIELD);
  const authors = indexTerms(articles, AUTHOR_FIELD, Object.keys(options.authors ?? {}));
  diagnostics.push(...tags.diagnostics, ...authors.diagnostics);
  const routes = planRoutes(articles, articleUrls, categories, calendar, options.perPage, { tags: tags.terms, authors: authors.terms });
  diagnostics.push(...findCollisions(routes));
  const site: SiteModel = {
    articles,
    articleUrls,
    categories,
    categoryBySlug: new Map(categories.map((c) => [c.slug, c])),
    categoryPositions: positionsInCategories(articles.length, categories),
    tags: tags.terms,
    tagBySlug: new Map(tags.terms.map((t) => [t.slug, t])),
    articleTagSlugs: tags.articleSlugs,
    authors: authors.terms,
    authorBySlug: new Map(authors.terms.map((a) => [a.slug, a])),
    articleAuthorSlugs: authors.articleSlugs,
    ...calendar,
    routes,
  };
  return { site, diagnostics };
}

function positionsInCategories(articleCount: number, categories: readonly Category[]): number[] {
  const positions = new Array<number>(articleCount).fill(0);
  for (const category of categories) category.articleIds.forEach((id, position) => (positions[id] = position));
  return positions;
}
