import { Readable, type Transform } from 'node:stream';
import { ErrorLevel, SitemapIndexStream, SitemapItemStream, streamToPromise, type SitemapItem } from 'sitemap';
import type { ResolvedConfig } from '../config/types.js';
import type { Route, SiteModel } from '../model/types.js';
import { isoWithOffset } from '../vi/dates.js';
import type { GeneratedFile } from './generated.js';

/** Most URLs in one sitemap file (sitemaps.org); past it the sitemap is split and indexed. */
export const SITEMAP_URL_LIMIT = 50_000;
/** The sitemap, or the sitemap index when it is split: what robots.txt points to. */
export const SITEMAP_PATH = 'sitemap.xml';
/** The Google News sitemap. */
export const NEWS_SITEMAP_PATH = 'news-sitemap.xml';
/** The Google News sitemap lists articles published this long before the newest one, or since. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Most articles in the Google News sitemap. */
export const NEWS_URL_LIMIT = 1000;

/** Pages that are not content of their own: redirects, the 404 page, the archive's date range and the search page. */
const NOT_IN_SITEMAP: ReadonlySet<Route['kind']> = new Set(['alias', 'notFound', 'calendar', 'search']);

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const URLSET_OPEN = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';
const NEWS_URLSET_OPEN = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">';
const URLSET_CLOSE = '</urlset>';

/** One file of a sitemap split by splitSitemap, with the entries it lists. */
export interface SitemapPart<T> {
  readonly outputPath: string;
  readonly entries: readonly T[];
}

/**
 * Sitemaps of the site, made eagerly (the sitemap package writes through streams): sitemap.xml listing
 * every page (articles with <lastmod>), split into sitemap-1.xml, sitemap-2.xml … under a sitemap
 * index at sitemap.xml past `urlsPerFile` URLs, and news-sitemap.xml. None without a base URL.
 */
export async function sitemapFiles(site: SiteModel, config: ResolvedConfig, urlsPerFile = SITEMAP_URL_LIMIT): Promise<GeneratedFile[]> {
  if (config.baseUrl === '') return [];
  const parts = splitSitemap(pageEntries(site, config), urlsPerFile);
  const files: GeneratedFile[] = [];
  if (parts.length > 1) {
    const partUrls = parts.map((part) => absoluteUrl(config, `/${part.outputPath}`));
    files.push(generatedFile(SITEMAP_PATH, 'sitemap index', await sitemapIndexXml(partUrls)));
  }
  for (const [index, part] of parts.entries()) {
    const source = parts.length > 1 ? `sitemap part ${index + 1}` : 'sitemap';
    files.push(generatedFile(part.outputPath, source, await urlsetXml(part.entries, URLSET_OPEN)));
  }
  return [...files, ...(await newsSitemapFiles(site, config))];
}

/** The Google News sitemap alone (the only sitemap that shows titles); none without a base URL or articles. */
export async function newsSitemapFiles(site: SiteModel, config: ResolvedConfig): Promise<GeneratedFile[]> {
  if (config.baseUrl === '') return [];
  const news = newsEntries(site, config);
  return news.length > 0 ? [generatedFile(NEWS_SITEMAP_PATH, 'Google News sitemap', await urlsetXml(news, NEWS_URLSET_OPEN))] : [];
}

/** Sitemap files for `entries` in order: sitemap.xml when they fit in `limit`, else sitemap-1.xml, sitemap-2.xml … of `limit` each. */
export function splitSitemap<T>(entries: readonly T[], limit: number): SitemapPart<T>[] {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`sitemap limit must be a whole number above 0, not ${limit}`);
  if (entries.length <= limit) return [{ outputPath: SITEMAP_PATH, entries }];
  const parts: SitemapPart<T>[] = [];
  for (let start = 0; start < entries.length; start += limit) {
    parts.push({ outputPath: `sitemap-${parts.length + 1}.xml`, entries: entries.slice(start, start + limit) });
  }
  return parts;
}

/** Every page in route order; articles carry their publication time, with the site zone's offset. */
function pageEntries(site: SiteModel, config: ResolvedConfig): SitemapItem[] {
  const entries: SitemapItem[] = [];
  for (const route of site.routes) {
    if (NOT_IN_SITEMAP.has(route.kind)) continue;
    const entry = sitemapItem(absoluteUrl(config, route.url));
    if (route.kind === 'article') entry.lastmod = isoWithOffset(site.articles[route.articleId]!.publishedAt);
    entries.push(entry);
  }
  return entries;
}

/** Articles published within NEWS_WINDOW_MS of the newest one (not of the clock), newest first, at most NEWS_URL_LIMIT. */
function newsEntries(site: SiteModel, config: ResolvedConfig): SitemapItem[] {
  const newest = site.articles[0];
  if (newest === undefined) return [];
  const since = newest.publishedAt.epochMs - NEWS_WINDOW_MS;
  const entries: SitemapItem[] = [];
  for (const [id, article] of site.articles.entries()) {
    if (entries.length === NEWS_URL_LIMIT || article.publishedAt.epochMs < since) break;
    const entry = sitemapItem(absoluteUrl(config, site.articleUrls[id]!));
    entry.news = {
      publication: { name: config.title, language: 'vi' },
      publication_date: isoWithOffset(article.publishedAt),
      title: article.title,
    };
    entries.push(entry);
  }
  return entries;
}

/**
 * A urlset of the entries. Items are written by the package's SitemapItemStream, which escapes text
 * and drops characters XML forbids; not by SitemapStream, which would rewrite <lastmod> in UTC.
 */
async function urlsetXml(entries: readonly SitemapItem[], urlsetOpen: string): Promise<string> {
  const items = entries.length === 0 ? '' : await streamText(entries, new SitemapItemStream({ level: ErrorLevel.THROW }));
  return `${XML_DECLARATION}${urlsetOpen}${items}${URLSET_CLOSE}\n`;
}

/** A sitemap index of the given absolute sitemap URLs. */
async function sitemapIndexXml(sitemapUrls: readonly string[]): Promise<string> {
  return `${await streamText(sitemapUrls, new SitemapIndexStream({ level: ErrorLevel.THROW }))}\n`;
}

async function streamText(items: readonly unknown[], stream: Transform): Promise<string> {
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

function sitemapItem(url: string): SitemapItem {
  return { url, img: [], video: [], links: [] };
}

/** The absolute URL of a root-relative one under the base URL, percent-encoded as URLs in sitemaps must be. */
function absoluteUrl(config: ResolvedConfig, url: string): string {
  return new URL(config.baseUrl + url).href;
}

function generatedFile(outputPath: string, source: string, xml: string): GeneratedFile {
  return { outputPath, source, content: () => xml };
}
