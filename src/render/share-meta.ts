import type { Article } from '../source/types.js';
import { isoWithOffset } from '../vi/dates.js';
import type { ViewContext } from './site-view.js';

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>`, `&` and line separators escaped so
 * no text (a title containing `</script>`) can end the script element or break the JSON.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** What share previews and search engines read from an article page: Open Graph fields and JSON-LD. */
export interface ArticleShareMeta {
  readonly image: string;
  readonly publishedTime: string;
  readonly section: string;
  readonly tags: readonly string[];
  readonly jsonLd: string;
}

/** An absolute URL for a link, where the site has a base URL; else the link as it is. */
function absoluteHref(ctx: ViewContext, href: string): string {
  if (ctx.config.baseUrl === '' || !href.startsWith('/') || href.startsWith('//')) return href;
  return new URL(href, `${ctx.config.baseUrl}/`).href;
}

/** Open Graph and JSON-LD (NewsArticle and BreadcrumbList) of an article. */
export function articleShareMeta(ctx: ViewContext, article: Article, url: string, ogImagePath?: string): ArticleShareMeta {
  const category = ctx.categoryLink(article.categorySlug);
  const canonical = ctx.absolute(url) || ctx.href(url);
  // the lead image's 1200 px share variant when images were processed, else the image as written
  const imageHref = ogImagePath ? ctx.href(`/${ogImagePath}`) : article.image === null ? '' : ctx.assetHref(article.image, article.source.contentPath);
  const image = imageHref === '' ? '' : absoluteHref(ctx, imageHref);
  const published = isoWithOffset(article.publishedAt);
  const newsArticle = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.summary ? { description: article.summary } : {}),
    ...(image ? { image: [image] } : {}),
    datePublished: published,
    dateModified: published,
    author: article.authors.map((name) => ({ '@type': 'Person', name })),
    articleSection: category.name,
    ...(article.tags.length > 0 ? { keywords: article.tags.join(', ') } : {}),
    inLanguage: 'vi',
    mainEntityOfPage: canonical,
    publisher: { '@type': 'Organization', name: ctx.config.title },
  };
  const breadcrumb = breadcrumbList(ctx, [
    { name: ctx.site.t.home, href: ctx.site.homeHref },
    category,
    { name: article.title, href: ctx.href(url) },
  ]);
  return { image, publishedTime: published, section: category.name, tags: article.tags, jsonLd: jsonForScript([newsArticle, breadcrumb]) };
}

/** JSON-LD BreadcrumbList of a category page: home, then the category. */
export function categoryJsonLd(ctx: ViewContext, slug: string): string {
  return jsonForScript(breadcrumbList(ctx, [{ name: ctx.site.t.home, href: ctx.site.homeHref }, ctx.categoryLink(slug)]));
}

function breadcrumbList(ctx: ViewContext, trail: readonly { name: string; href: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((link, i) => ({ '@type': 'ListItem', position: i + 1, name: link.name, item: absoluteHref(ctx, link.href) })),
  };
}
