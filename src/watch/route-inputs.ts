import type { Route, SiteModel, Term } from '../model/types.js';
import { pageCount, pageSlice } from '../model/pagination.js';
import { relatedPositions } from '../model/related.js';

/** Listing sizes that decide what a page shows. */
export interface Layout {
  readonly perPage: number;
  readonly homeLatest: number;
  readonly homePerCategory: number;
  readonly relatedCount: number;
  readonly notFoundLatest: number;
}

/**
 * What one page shows: the articles on it (content paths) and a key of everything else it depends
 * on. Equal keys and equal article lists mean the page's data is the same, unless an article changed.
 */
export interface RouteInputs {
  readonly route: Route;
  readonly key: string;
  readonly articles: readonly string[];
}

/** Whether two pages show the same things (content paths are shared strings: compared by identity first). */
export function sameInputs(a: RouteInputs, b: RouteInputs): boolean {
  if (a.route.kind !== b.route.kind || a.key !== b.key || a.articles.length !== b.articles.length) return false;
  return a.articles.every((path, i) => path === b.articles[i]);
}

/** Every page of a site with what it shows, plus a key of what every page shows (navigation, date range). */
export interface RouteIndex {
  readonly siteKey: string;
  readonly routes: ReadonlyMap<string, RouteInputs>;
}

/** Indexes a site model's routes by output path with their inputs. */
export function indexRoutes(model: SiteModel, layout: Layout): RouteIndex {
  const routes = new Map<string, RouteInputs>();
  const calendar = { days: new KeyOrder(model.days.keys()), months: new KeyOrder(model.months.keys()) };
  for (const route of model.routes) {
    const [key, articles] = inputsOf(model, route, layout, calendar);
    routes.set(route.outputPath, { route, key, articles });
  }
  return { siteKey: siteKey(model), routes };
}

/** What every page shows: the category navigation and the years. */
function siteKey(model: SiteModel): string {
  return [model.categories.map((c) => `${c.slug}=${c.name}`).join(','), [...model.years.keys()].join(',')].join('|');
}

/** Keys in newest-first order, with each key's neighbours found in constant time. */
class KeyOrder {
  private readonly keys: string[];
  private readonly positions: Map<string, number>;

  constructor(keys: Iterable<string>) {
    this.keys = [...keys];
    this.positions = new Map(this.keys.map((key, i) => [key, i]));
  }

  /** The oldest key, '' when none. */
  first(): string {
    return this.keys[this.keys.length - 1] ?? '';
  }

  /** The newest key, '' when none. */
  last(): string {
    return this.keys[0] ?? '';
  }

  /** "newer<key>older", the neighbours a calendar page links to. */
  neighbours(key: string): string {
    const i = this.positions.get(key)!;
    return `${this.keys[i - 1] ?? ''}<${key}>${this.keys[i + 1] ?? ''}`;
  }
}

function firstIds(count: number, limit: number): number[] {
  return Array.from({ length: Math.min(count, limit) }, (_, i) => i);
}

function inputsOf(model: SiteModel, route: Route, layout: Layout, calendar: { days: KeyOrder; months: KeyOrder }): [string, string[]] {
  const paths = (ids: readonly number[]) => ids.map((id) => model.articles[id]!.source.contentPath);
  switch (route.kind) {
    case 'home':
      return [model.categories.map((c) => c.slug).join(','), paths(firstIds(model.articles.length, layout.homeLatest).concat(model.categories.flatMap((c) => c.articleIds.slice(0, layout.homePerCategory))))];
    case 'article':
      return [`${route.url}|${termsShownOn(model, route.articleId)}`, paths([route.articleId, ...relatedIds(model, route.articleId, layout.relatedCount)])];
    case 'alias':
      return [route.url, paths([route.articleId])];
    case 'category': {
      const ids = model.categoryBySlug.get(route.categorySlug)!.articleIds;
      return [`${route.categorySlug}|${route.page}/${pageCount(ids.length, layout.perPage)}`, paths(pageSlice(ids, route.page, layout.perPage))];
    }
    case 'tag':
      return termPageInputs(model.tagBySlug.get(route.tagSlug)!, route.page, layout.perPage, paths);
    case 'author':
      return termPageInputs(model.authorBySlug.get(route.authorSlug)!, route.page, layout.perPage, paths);
    case 'tagIndex':
      return [termCounts(model.tags), []];
    case 'authorIndex':
      return [termCounts(model.authors), []];
    case 'day':
      return [calendar.days.neighbours(route.dayKey), paths(model.days.get(route.dayKey)!.articleIds)];
    case 'month': {
      const month = model.months.get(route.monthKey)!;
      const counts = month.dayKeys.map((k) => `${k}:${model.days.get(k)!.articleIds.length}`).join(',');
      return [`${calendar.months.neighbours(route.monthKey)}|${counts}`, []];
    }
    case 'year':
      return [model.years.get(route.yearKey)!.monthKeys.map((k) => `${k}:${model.months.get(k)!.count}`).join(','), []];
    case 'archive':
      return [[...model.months.values()].map((m) => `${m.key}:${m.count}`).join(','), []];
    case 'search':
      return ['', []];
    case 'calendar':
      return [`${calendar.days.first()}..${calendar.days.last()}`, []];
    case 'notFound':
      return ['', paths(firstIds(model.articles.length, layout.notFoundLatest))];
  }
}

/** A tag's or author's page: its name and count, which page of how many, and the articles on it. */
function termPageInputs(term: Term, page: number, perPage: number, paths: (ids: readonly number[]) => string[]): [string, string[]] {
  const ids = term.articleIds;
  return [JSON.stringify([term.slug, term.name, ids.length, page, pageCount(ids.length, perPage)]), paths(pageSlice(ids, page, perPage))];
}

/** Every term of an index with its shown name and count: what the index page shows. */
function termCounts(terms: readonly Term[]): string {
  return JSON.stringify(terms.map((t) => [t.slug, t.name, t.articleIds.length]));
}

/** The shown names of an article's tags and authors with pages ('' for those without): they change when another article's spelling wins. */
function termsShownOn(model: SiteModel, articleId: number): string {
  const names = (slugs: readonly string[], bySlug: ReadonlyMap<string, Term>) => slugs.map((slug) => (slug === '' ? '' : bySlug.get(slug)!.name));
  return JSON.stringify([names(model.articleTagSlugs[articleId]!, model.tagBySlug), names(model.articleAuthorSlugs[articleId]!, model.authorBySlug)]);
}

function relatedIds(model: SiteModel, articleId: number, count: number): number[] {
  const category = model.categoryBySlug.get(model.articles[articleId]!.categorySlug)!;
  return relatedPositions(model.categoryPositions[articleId]!, category.articleIds.length, count).map((p) => category.articleIds[p]!);
}
