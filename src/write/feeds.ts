import { Feed, type Item } from 'feed';
import type { ResolvedConfig } from '../config/types.js';
import type { ArticleId, SiteModel } from '../model/types.js';
import { SITE_FEED_URL, categoryFeedUrl, categoryUrl, outputPathOf } from '../model/urls.js';
import type { GeneratedFile } from './generated.js';

/** Items in each feed: the newest articles only. */
export const FEED_ITEM_LIMIT = 50;

/** Written as <generator>, instead of the library's URL, so that feeds do not change with its version. */
const GENERATOR = 'bantin';

/** Characters XML 1.0 allows nowhere: C0 controls other than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** One feed to write: where, its channel, and the articles it lists (newest first). */
interface FeedPlan {
  readonly outputPath: string;
  readonly source: string;
  readonly title: string;
  /** Root-relative URL of the page the feed follows. */
  readonly pageUrl: string;
  readonly feedUrl: string;
  readonly articleIds: readonly ArticleId[];
}

/**
 * RSS 2.0 feeds: the site's at rss.xml and one per category at <category-slug>/rss.xml, each with its
 * newest FEED_ITEM_LIMIT articles. None without a base URL: feeds need absolute links.
 */
export function feedFiles(site: SiteModel, config: ResolvedConfig): GeneratedFile[] {
  if (config.baseUrl === '') return [];
  return feedPlans(site, config).map((plan) => ({
    outputPath: plan.outputPath,
    source: plan.source,
    content: () => renderFeed(plan, site, config),
  }));
}

function feedPlans(site: SiteModel, config: ResolvedConfig): FeedPlan[] {
  const siteIds = Array.from({ length: Math.min(FEED_ITEM_LIMIT, site.articles.length) }, (_, id) => id);
  const plans: FeedPlan[] = [
    { outputPath: outputPathOf(SITE_FEED_URL), source: 'RSS feed of the site', title: config.title, pageUrl: '/', feedUrl: SITE_FEED_URL, articleIds: siteIds },
  ];
  for (const category of site.categories) {
    const feedUrl = categoryFeedUrl(category.slug);
    plans.push({
      outputPath: outputPathOf(feedUrl),
      source: `RSS feed of ${category.name}`,
      title: `${category.name} - ${config.title}`,
      pageUrl: categoryUrl(category.slug),
      feedUrl,
      articleIds: category.articleIds.slice(0, FEED_ITEM_LIMIT),
    });
  }
  return plans;
}

function renderFeed(plan: FeedPlan, site: SiteModel, config: ResolvedConfig): string {
  const newestId = plan.articleIds[0];
  const feed = new Feed({
    title: textNode(plan.title),
    link: config.baseUrl + plan.pageUrl,
    description: textNode(config.description || config.title),
    language: 'vi',
    copyright: textNode(config.title),
    feedLinks: { rss: config.baseUrl + plan.feedUrl },
    generator: GENERATOR,
    // From the articles, never the clock, so that two builds give the same bytes; the epoch for a site with none.
    updated: new Date(newestId === undefined ? 0 : site.articles[newestId]!.publishedAt.epochMs),
  });
  for (const id of plan.articleIds) feed.addItem(feedItem(site, config, id));
  return `${feed.rss2()}\n`;
}

/** An article as an item; its guid is its link (isPermaLink="true"), and without a sapo it has no description. */
function feedItem(site: SiteModel, config: ResolvedConfig, id: ArticleId): Item {
  const article = site.articles[id]!;
  const category = site.categoryBySlug.get(article.categorySlug);
  const item: Item = {
    title: cdata(article.title),
    link: config.baseUrl + site.articleUrls[id]!,
    date: new Date(article.publishedAt.epochMs),
    author: [{ name: textNode(article.authors.join(', ')) }],
    category: [{ name: textNode(category?.name ?? article.category) }],
  };
  if (article.summary !== '') item.description = cdata(escapeHtml(article.summary));
  return item;
}

/**
 * Text for an element the library writes as text. Its XML writer (xml-js) turns "&amp;" back into "&"
 * before escaping, which would make a literal "&amp;" in the text read as "&"; escaping "&" first
 * undoes that, so the text reads back exactly.
 */
function textNode(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;');
}

/**
 * Text for an element the library writes as CDATA. Its XML writer splits only the first "]]>" (which
 * would end the section); the later ones are split here, after it, so every one reads back as written.
 */
function cdata(text: string): string {
  const clean = text.replace(NOT_XML, '');
  const first = clean.indexOf(']]>');
  if (first < 0) return clean;
  const rest = clean.slice(first + 3).replaceAll(']]>', ']]]]><![CDATA[>');
  return `${clean.slice(0, first + 3)}${rest}`;
}

/** A description is HTML to feed readers; a sapo is plain text, so its markup characters are escaped. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
