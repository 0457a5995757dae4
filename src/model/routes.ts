import { error, type Diagnostic } from '../diagnostics.js';
import type { Article } from '../source/types.js';
import type { CalendarIndex } from './calendar.js';
import { pageCount } from './pagination.js';
import type { Category, Route, Term } from './types.js';
import { ARCHIVE_URL, AUTHOR_INDEX_URL, CALENDAR_URL, NOT_FOUND_URL, SEARCH_URL, TAG_INDEX_URL, authorUrl, categoryUrl, dayUrl, monthUrl, outputPathOf, tagUrl, yearUrl } from './urls.js';

/** Tags and authors, each in Vietnamese order. */
export interface Taxonomies {
  readonly tags: readonly Term[];
  readonly authors: readonly Term[];
}

const route = <R extends Omit<Route, 'outputPath'>>(r: R) => ({ ...r, outputPath: outputPathOf(r.url) }) as R & { outputPath: string };

/** "tag "x"", then "tag "x" page 2" …: what collision messages call a listing page. */
const pagedSource = (what: string, page: number) => (page > 1 ? `${what} page ${page}` : what);

/**
 * Every page of the site, in a stable order: home, articles, aliases, categories, tags, authors,
 * calendar, archive, 404.
 */
export function planRoutes(
  articles: readonly Article[],
  articleUrls: readonly string[],
  categories: readonly Category[],
  calendar: CalendarIndex,
  perPage: number,
  taxonomies: Taxonomies,
): Route[] {
  const routes: Route[] = [route({ kind: 'home', url: '/', source: 'home page' })];
  articles.forEach((article, articleId) => {
    routes.push(route({ kind: 'article', url: articleUrls[articleId]!, source: article.source.displayPath, articleId }));
  });
  articles.forEach((article, articleId) => {
    for (const url of article.aliases) routes.push(route({ kind: 'alias', url, source: `${article.source.displayPath} (alias)`, articleId }));
  });
  for (const category of categories) {
    for (let page = 1; page <= pageCount(category.articleIds.length, perPage); page++) {
      routes.push(route({ kind: 'category', url: categoryUrl(category.slug, page), source: pagedSource(`category "${category.name}"`, page), categorySlug: category.slug, page }));
    }
  }
  routes.push(...taxonomyRoutes(taxonomies, perPage));
  for (const day of calendar.days.values()) routes.push(route({ kind: 'day', url: dayUrl(day.year, day.month, day.day), source: `day page ${day.key}`, dayKey: day.key }));
  for (const month of calendar.months.values()) routes.push(route({ kind: 'month', url: monthUrl(month.year, month.month), source: `month page ${month.key}`, monthKey: month.key }));
  for (const year of calendar.years.values()) routes.push(route({ kind: 'year', url: yearUrl(year.year), source: `year page ${year.key}`, yearKey: year.key }));
  routes.push(route({ kind: 'archive', url: ARCHIVE_URL, source: 'archive page' }));
  routes.push(route({ kind: 'calendar', url: CALENDAR_URL, source: 'archive date range' }));
  routes.push(route({ kind: 'search', url: SEARCH_URL, source: 'search page' }));
  routes.push(route({ kind: 'notFound', url: NOT_FOUND_URL, source: '404 page' }));
  return routes;
}

/** The tag index and every page of every tag, then the same for authors; no index when there are none. */
function taxonomyRoutes({ tags, authors }: Taxonomies, perPage: number): Route[] {
  const routes: Route[] = [];
  if (tags.length > 0) routes.push(route({ kind: 'tagIndex', url: TAG_INDEX_URL, source: 'tag index page' }));
  for (const tag of tags) {
    for (let page = 1; page <= pageCount(tag.articleIds.length, perPage); page++) {
      routes.push(route({ kind: 'tag', url: tagUrl(tag.slug, page), source: pagedSource(`tag "${tag.name}"`, page), tagSlug: tag.slug, page }));
    }
  }
  if (authors.length > 0) routes.push(route({ kind: 'authorIndex', url: AUTHOR_INDEX_URL, source: 'author index page' }));
  for (const author of authors) {
    for (let page = 1; page <= pageCount(author.articleIds.length, perPage); page++) {
      routes.push(route({ kind: 'author', url: authorUrl(author.slug, page), source: pagedSource(`author "${author.name}"`, page), authorSlug: author.slug, page }));
    }
  }
  return routes;
}

/** Anything written to an output path: a page route or a generated file (feed, sitemap). */
export interface Output {
  readonly outputPath: string;
  readonly source: string;
  readonly url?: string;
  readonly kind?: Route['kind'];
}

/** One error for each output file that two pages (or files) would be written to, naming both sources. */
export function findCollisions(routes: readonly Output[]): Diagnostic[] {
  const firstByPath = new Map<string, Output>();
  const diagnostics: Diagnostic[] = [];
  for (const route of routes) {
    const first = firstByPath.get(route.outputPath);
    if (!first) {
      firstByPath.set(route.outputPath, route);
      continue;
    }
    const file = route.kind === 'article' || route.kind === 'alias' ? route.source.replace(/ \(alias\)$/, '') : undefined;
    diagnostics.push(
      error(`URL ${route.url ?? `/${route.outputPath}`} is used by both ${first.source} and ${route.source}`, {
        ...(file ? { file } : {}),
        hint: 'Give one of them another slug or permalink (or rename the category) so each page has its own URL.',
      }),
    );
  }
  return diagnostics;
}
