import type { Article } from '../source/types.js';

/** Position of an article in SiteModel.articles (newest first). Indexes hold these, never copies. */
export type ArticleId = number;

/** A category: its slug, the spelling shown, and its articles newest first. */
export interface Category {
  readonly slug: string;
  readonly name: string;
  /** Every spelling found in articles, when more than one. */
  readonly variants: readonly string[];
  readonly articleIds: readonly ArticleId[];
}

/** A tag or an author: its slug, the spelling shown, and its articles newest first. */
export interface Term {
  readonly slug: string;
  readonly name: string;
  /** Every spelling found in articles, when more than one. */
  readonly variants: readonly string[];
  readonly articleIds: readonly ArticleId[];
}

/** One local calendar day with articles. */
export interface DayBucket {
  readonly key: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly articleIds: readonly ArticleId[];
}

/** One local calendar month with articles, and its days that have some. */
export interface MonthBucket {
  readonly key: string;
  readonly year: number;
  readonly month: number;
  readonly dayKeys: readonly string[];
  readonly count: number;
}

/** One local calendar year with articles, and its months that have some. */
export interface YearBucket {
  readonly key: string;
  readonly year: number;
  readonly monthKeys: readonly string[];
  readonly count: number;
}

/** A page of the built site: what it shows and where it is written. */
export type Route =
  | { kind: 'home'; url: string; outputPath: string; source: string }
  | { kind: 'article'; url: string; outputPath: string; source: string; articleId: ArticleId }
  | { kind: 'alias'; url: string; outputPath: string; source: string; articleId: ArticleId }
  | { kind: 'category'; url: string; outputPath: string; source: string; categorySlug: string; page: number }
  | { kind: 'tag'; url: string; outputPath: string; source: string; tagSlug: string; page: number }
  | { kind: 'tagIndex'; url: string; outputPath: string; source: string }
  | { kind: 'author'; url: string; outputPath: string; source: string; authorSlug: string; page: number }
  | { kind: 'authorIndex'; url: string; outputPath: string; source: string }
  | { kind: 'day'; url: string; outputPath: string; source: string; dayKey: string }
  | { kind: 'month'; url: string; outputPath: string; source: string; monthKey: string }
  | { kind: 'year'; url: string; outputPath: string; source: string; yearKey: string }
  | { kind: 'archive'; url: string; outputPath: string; source: string }
  | { kind: 'calendar'; url: string; outputPath: string; source: string }
  | { kind: 'search'; url: string; outputPath: string; source: string }
  | { kind: 'notFound'; url: string; outputPath: string; source: string };

/** The whole site as data: published articles, indexes over them, and every page to write. */
export interface SiteModel {
  /** Published articles, newest first, then by content path. */
  readonly articles: readonly Article[];
  /** Canonical URL of each article, by ArticleId. */
  readonly articleUrls: readonly string[];
  /** Categories in Vietnamese alphabetical order. */
  readonly categories: readonly Category[];
  readonly categoryBySlug: ReadonlyMap<string, Category>;
  /** Position of each article in its category's list, by ArticleId. */
  readonly categoryPositions: readonly number[];
  /** Tags in Vietnamese order, and by slug. */
  readonly tags: readonly Term[];
  readonly tagBySlug: ReadonlyMap<string, Term>;
  /** By ArticleId, parallel to Article.tags: the slug of each tag's page, '' when it has none. */
  readonly articleTagSlugs: readonly (readonly string[])[];
  /** Authors in Vietnamese order, and by slug. */
  readonly authors: readonly Term[];
  readonly authorBySlug: ReadonlyMap<string, Term>;
  /** By ArticleId, parallel to Article.authors: the slug of each author's page, '' when it has none. */
  readonly articleAuthorSlugs: readonly (readonly string[])[];
  /** Calendar indexes, each newest first. */
  readonly days: ReadonlyMap<string, DayBucket>;
  readonly months: ReadonlyMap<string, MonthBucket>;
  readonly years: ReadonlyMap<string, YearBucket>;
  readonly routes: readonly Route[];
}
