import type { Diagnostic } from '../diagnostics.js';
import type { Article } from '../source/types.js';
import { indexCalendar } from './calendar.js';
import { indexCategories } from './categories.js';
import { publishedArticles, type PublishRules } from './publish.js';
import { findCollisions, planRoutes } from './routes.js';
import type { Category, SiteModel } from './types.js';
import { articleUrl } from './urls.js';

export type { SiteModel, Route, Category, DayBucket, MonthBucket, YearBucket, ArticleId } from './types.js';

/** What the model needs from the config. */
export interface ModelOptions extends PublishRules {
  readonly perPage: number;
  readonly categories: readonly string[];
}

/** Builds the site model: published articles, their indexes and every route, with collisions reported. */
export function buildSiteModel(parsed: readonly Article[], options: ModelOptions): { site: SiteModel; diagnostics: Diagnostic[] } {
  const articles = publishedArticles(parsed, options);
  const articleUrls = articles.map(articleUrl);
  const { categories, diagnostics } = indexCategories(articles, options.categories);
  const calendar = indexCalendar(articles);
  const routes = planRoutes(articles, articleUrls, categories, calendar, options.perPage);
  diagnostics.push(...findCollisions(routes));
  const site: SiteModel = {
    articles,
    articleUrls,
    categories,
    categoryBySlug: new Map(categories.map((c) => [c.slug, c])),
    categoryPositions: positionsInCategories(articles.length, categories),
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
