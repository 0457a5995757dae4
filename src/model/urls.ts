import path from 'node:path';
import type { Article } from '../source/types.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** An article's URL: its permalink, else /<category-slug>/<slug>/. */
export function articleUrl(article: Article): string {
  return article.permalink ?? `/${article.categorySlug}/${article.slug}/`;
}

/** Page `page` of a listing whose first page is `firstUrl` ("/thoi-su/"): the first itself, then <first>trang/<n>/. */
function pagedUrl(firstUrl: string, page: number): string {
  return page === 1 ? firstUrl : `${firstUrl}trang/${page}/`;
}

/** A category listing page: /<slug>/ for the first page, /<slug>/trang/<n>/ after. */
export function categoryUrl(categorySlug: string, page = 1): string {
  return pagedUrl(`/${categorySlug}/`, page);
}

/** The page listing every tag with its count. */
export const TAG_INDEX_URL = '/tu-khoa/';

/** A tag's listing page: /tu-khoa/<slug>/, then /tu-khoa/<slug>/trang/<n>/. */
export function tagUrl(tagSlug: string, page = 1): string {
  return pagedUrl(`${TAG_INDEX_URL}${tagSlug}/`, page);
}

/** The page listing every author with their count. */
export const AUTHOR_INDEX_URL = '/tac-gia/';

/** An author's listing page: /tac-gia/<slug>/, then /tac-gia/<slug>/trang/<n>/. */
export function authorUrl(authorSlug: string, page = 1): string {
  return pagedUrl(`${AUTHOR_INDEX_URL}${authorSlug}/`, page);
}

/** A day page, /yyyy/mm/dd/. */
export function dayUrl(year: number, month: number, day: number): string {
  return `/${String(year).padStart(4, '0')}/${pad(month)}/${pad(day)}/`;
}

/** A month page, /yyyy/mm/. */
export function monthUrl(year: number, month: number): string {
  return `/${String(year).padStart(4, '0')}/${pad(month)}/`;
}

/** A year page, /yyyy/. */
export function yearUrl(year: number): string {
  return `/${String(year).padStart(4, '0')}/`;
}

/** The page listing every year and month. */
export const ARCHIVE_URL = '/luu-tru/';
/** The search page. */
export const SEARCH_URL = '/tim-kiem/';
/** Folder of the search index files, fetched by the search page's script. */
export const SEARCH_INDEX_URL = '/tim-kiem/chi-muc/';

/** The RSS feed of the whole site. */
export const SITE_FEED_URL = '/rss.xml';

/** The RSS feed of a category. */
export function categoryFeedUrl(categorySlug: string): string {
  return `/${categorySlug}/rss.xml`;
}

/** First and last day of the archive, read by the date field's script (so pages need not change daily). */
export const CALENDAR_URL = '/lich.json';
/** The page static hosts serve for unknown paths. */
export const NOT_FOUND_URL = '/404.html';

/** The file a URL is written to, relative to the output folder: folders get index.html. */
export function outputPathOf(url: string): string {
  let start = 0;
  while (url.charCodeAt(start) === 47) start++;
  const relative = url.slice(start);
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/**
 * Where a file an article refers to lives in the site: absolute URLs and root-relative paths stay
 * as written; a relative path ("anh/x.jpg") is taken from the article's folder under content/,
 * since files beside articles are copied to the same path.
 */
export function assetUrl(reference: string, contentPath: string): string {
  if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(reference)) return reference;
  return path.posix.join('/', path.posix.dirname(contentPath), reference);
}
