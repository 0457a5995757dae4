import type { MarkdownRenderer } from '../markdown/index.js';
import { pageCount, pageLinks, pageSlice } from '../model/pagination.js';
import { relatedPositions } from '../model/related.js';
import type { ImagesOnPage } from '../images/article.js';
import type { ArticleId, Route, Term } from '../model/types.js';
import { AUTHOR_INDEX_URL, TAG_INDEX_URL, assetUrl, authorUrl, categoryFeedUrl, categoryUrl, dayUrl, monthUrl, tagUrl, yearUrl } from '../model/urls.js';
import { formatDayTitle, formatMonthTitle, weekdayVi } from '../vi/dates.js';
import { calendarWeeks } from './calendar-view.js';
import { articleShareMeta, categoryJsonLd } from './share-meta.js';
import { dateView, type LinkView, type ViewContext } from './site-view.js';

/** The page template each kind of route is rendered with. */
export const TEMPLATE_BY_KIND: Readonly<Record<Route['kind'], string>> = {
  home: 'home.njk',
  article: 'article.njk',
  alias: 'redirect.njk',
  category: 'category.njk',
  tag: 'tag.njk',
  tagIndex: 'tags.njk',
  author: 'author.njk',
  authorIndex: 'authors.njk',
  day: 'day.njk',
  month: 'month.njk',
  year: 'year.njk',
  archive: 'archive.njk',
  calendar: 'lich.json.njk',
  search: 'search.njk',
  notFound: '404.njk',
};

/** A page ready for a template: the template's name and the data it sees. */
export interface PageView {
  readonly template: string;
  readonly data: Record<string, unknown>;
}

/** Fields every page has: its title, description and URLs. */
function pageMeta(ctx: ViewContext, route: Route, title: string, description = ctx.config.description) {
  return { kind: route.kind, type: 'website', title, description, href: ctx.href(route.url), canonical: ctx.absolute(route.url) || ctx.href(route.url), image: '', jsonLd: '', feedHref: '' };
}

/** The view model of any route. */
export function pageView(ctx: ViewContext, route: Route, markdown: MarkdownRenderer, imagesOf?: ImagesOf): PageView {
  switch (route.kind) {
    case 'home': return homeView(ctx, route);
    case 'article': return articleView(ctx, route, markdown, imagesOf?.(route.articleId));
    case 'alias': return aliasView(ctx, route);
    case 'category': return categoryView(ctx, route);
    case 'tag': return tagView(ctx, route);
    case 'tagIndex': return { template: TEMPLATE_BY_KIND.tagIndex, data: termIndexData(ctx, route, ctx.site.t.tagsTitle, 'tags', ctx.model.tags, tagUrl) };
    case 'author': return authorView(ctx, route);
    case 'authorIndex': return { template: TEMPLATE_BY_KIND.authorIndex, data: termIndexData(ctx, route, ctx.site.t.authorsTitle, 'authors', ctx.model.authors, authorUrl) };
    case 'day': return dayView(ctx, route);
    case 'month': return monthView(ctx, route);
    case 'year': return yearView(ctx, route);
    case 'archive': return archiveView(ctx, route);
    case 'calendar': return calendarDataView(ctx);
    case 'search': return { template: TEMPLATE_BY_KIND.search, data: { page: pageMeta(ctx, route, ctx.site.t.search) } };
    case 'notFound': return notFoundView(ctx, route);
  }
}

function homeView(ctx: ViewContext, route: Route): PageView {
  const { model, config } = ctx;
  const latest = ctx.cardsOf(model.articles.slice(0, config.homeLatest).map((_, id) => id));
  const sections = model.categories.map((c) => ({ category: ctx.categoryLink(c.slug), items: ctx.cardsOf(c.articleIds.slice(0, config.homePerCategory)) }));
  return { template: TEMPLATE_BY_KIND.home, data: { page: pageMeta(ctx, route, ctx.site.title), latest, sections } };
}

/** An article's processed images (responsive variants), when the build made them. */
export type ImagesOf = (articleId: ArticleId) => ImagesOnPage | undefined;

function articleView(ctx: ViewContext, route: Extract<Route, { kind: 'article' }>, markdown: MarkdownRenderer, images: ImagesOnPage | undefined): PageView {
  const article = ctx.model.articles[route.articleId]!;
  const category = ctx.model.categoryBySlug.get(article.categorySlug)!;
  const position = ctx.model.categoryPositions[route.articleId]!;
  const related = relatedPositions(position, category.articleIds.length, ctx.config.relatedCount).map((p) => ctx.card(category.articleIds[p]!));
  const { year, month, day } = article.publishedAt.local;
  const view = {
    title: article.title,
    summary: article.summary,
    authors: article.authors,
    date: dateView(article),
    category: ctx.categoryLink(article.categorySlug),
    authorLinks: ctx.authorLinks(route.articleId),
    tagLinks: ctx.tagLinks(route.articleId),
    bodyHtml: markdown(article.body, { resolveImage: (src) => assetUrl(src, article.source.contentPath), renderImage: images?.renderImage }),
    tags: article.tags,
    image: article.image === null ? null : { src: ctx.assetHref(article.image, article.source.contentPath), html: images?.lead?.html ?? null },
    day: { name: formatDayTitle(year, month, day), href: ctx.href(dayUrl(year, month, day)) },
    extra: article.extra,
  };
  const share = articleShareMeta(ctx, article, route.url, images?.lead?.ogImage);
  const page = { ...pageMeta(ctx, route, article.title, article.summary || ctx.config.description), type: 'article', image: share.image, jsonLd: share.jsonLd };
  return { template: TEMPLATE_BY_KIND.article, data: { page, share, currentSection: view.category.href, article: view, related } };
}

function aliasView(ctx: ViewContext, route: Extract<Route, { kind: 'alias' }>): PageView {
  const card = ctx.card(route.articleId);
  const url = ctx.model.articleUrls[route.articleId]!;
  const target = { title: card.title, href: card.href, canonical: ctx.absolute(url) || card.href };
  return { template: TEMPLATE_BY_KIND.alias, data: { page: pageMeta(ctx, route, card.title), target } };
}

/** Numbered pagination of a listing: the current page, the total, previous and next, and the page links. */
function paginationView(ctx: ViewContext, current: number, total: number, urlOf: (page: number) => string) {
  const pageHref = (page: number) => ctx.href(urlOf(page));
  return {
    current,
    total,
    previous: current > 1 ? pageHref(current - 1) : null,
    next: current < total ? pageHref(current + 1) : null,
    links: pageLinks(current, total).map((l) => ('gap' in l ? l : { ...l, href: pageHref(l.page) })),
  };
}

function categoryView(ctx: ViewContext, route: Extract<Route, { kind: 'category' }>): PageView {
  const category = ctx.model.categoryBySlug.get(route.categorySlug)!;
  const pagination = paginationView(ctx, route.page, pageCount(category.articleIds.length, ctx.config.perPage), (page) => categoryUrl(category.slug, page));
  const title = route.page > 1 ? `${category.name} - ${ctx.site.t.page} ${route.page}` : category.name;
  const items = ctx.cardsOf(pageSlice(category.articleIds, route.page, ctx.config.perPage));
  const page = { ...pageMeta(ctx, route, title), jsonLd: categoryJsonLd(ctx, category.slug), feedHref: ctx.feedHref(categoryFeedUrl(category.slug)) };
  return { template: TEMPLATE_BY_KIND.category, data: { page, currentSection: ctx.categoryLink(category.slug).href, category: ctx.categoryLink(category.slug), items, pagination } };
}

/** A tag's or an author's listing page: a link to the index, the term with its count, one page of articles, the pager. */
function termPageData(ctx: ViewContext, route: Extract<Route, { kind: 'tag' | 'author' }>, term: Term, index: LinkView, urlOf: (slug: string, page: number) => string) {
  const { perPage } = ctx.config;
  const heading = `${index.name}: ${term.name}`;
  return {
    page: pageMeta(ctx, route, route.page > 1 ? `${heading} - ${ctx.site.t.page} ${route.page}` : heading),
    index,
    term: { name: term.name, href: ctx.href(urlOf(term.slug, 1)), count: term.articleIds.length },
    items: ctx.cardsOf(pageSlice(term.articleIds, route.page, perPage)),
    pagination: paginationView(ctx, route.page, pageCount(term.articleIds.length, perPage), (page) => urlOf(term.slug, page)),
  };
}

function tagView(ctx: ViewContext, route: Extract<Route, { kind: 'tag' }>): PageView {
  const index = { name: ctx.site.t.tagsTitle, href: ctx.href(TAG_INDEX_URL) };
  const { term, ...data } = termPageData(ctx, route, ctx.model.tagBySlug.get(route.tagSlug)!, index, tagUrl);
  return { template: TEMPLATE_BY_KIND.tag, data: { ...data, tag: term } };
}

/** An author's page, with the profile the config gives (bio, photo) when there is one. */
function authorView(ctx: ViewContext, route: Extract<Route, { kind: 'author' }>): PageView {
  const index = { name: ctx.site.t.authorsTitle, href: ctx.href(AUTHOR_INDEX_URL) };
  const { term, ...data } = termPageData(ctx, route, ctx.model.authorBySlug.get(route.authorSlug)!, index, authorUrl);
  const profile = ctx.authorProfile(route.authorSlug);
  const photo = profile?.photo ? ctx.assetHref(profile.photo, '') : '';
  return { template: TEMPLATE_BY_KIND.author, data: { ...data, author: { ...term, bio: profile?.bio ?? '', photo } } };
}

/** The tag or author index: every term with its count, in Vietnamese order, under `listName`. */
function termIndexData(ctx: ViewContext, route: Route, title: string, listName: string, terms: readonly Term[], urlOf: (slug: string) => string) {
  const list = terms.map((term) => ({ name: term.name, href: ctx.href(urlOf(term.slug)), count: term.articleIds.length }));
  return { page: pageMeta(ctx, route, title), [listName]: list };
}

function dayView(ctx: ViewContext, route: Extract<Route, { kind: 'day' }>): PageView {
  const day = ctx.model.days.get(route.dayKey)!;
  const title = formatDayTitle(day.year, day.month, day.day);
  const data = {
    page: pageMeta(ctx, route, `${ctx.site.t.allOfDay} ${title}`),
    day: { name: title, weekday: weekdayVi(day.year, day.month, day.day) },
    month: ctx.monthLink(day.key.slice(0, 7)),
    year: { name: `${ctx.site.t.year} ${day.year}`, href: ctx.href(yearUrl(day.year)) },
    ...adjacent(ctx.dayKeys, ctx.dayIndex, day.key, (key) => ctx.dayLink(key)),
    items: ctx.cardsOf(day.articleIds),
  };
  return { template: TEMPLATE_BY_KIND.day, data };
}

function monthView(ctx: ViewContext, route: Extract<Route, { kind: 'month' }>): PageView {
  const month = ctx.model.months.get(route.monthKey)!;
  const data = {
    page: pageMeta(ctx, route, formatMonthTitle(month.year, month.month)),
    month: { name: formatMonthTitle(month.year, month.month), count: month.count },
    year: { name: `${ctx.site.t.year} ${month.year}`, href: ctx.href(yearUrl(month.year)) },
    weeks: calendarWeeks(ctx, month),
    ...adjacent(ctx.monthKeys, ctx.monthIndex, month.key, (key) => ctx.monthLink(key)),
  };
  return { template: TEMPLATE_BY_KIND.month, data };
}

/** Links to the calendar pages just newer and just older than `key`, in a newest-first list of keys. */
function adjacent(keys: readonly string[], index: ReadonlyMap<string, number>, key: string, link: (key: string) => LinkView) {
  const position = index.get(key)!;
  const at = (i: number) => (keys[i] === undefined ? null : link(keys[i]!));
  return { newer: at(position - 1), older: at(position + 1) };
}

function yearView(ctx: ViewContext, route: Extract<Route, { kind: 'year' }>): PageView {
  const year = ctx.model.years.get(route.yearKey)!;
  return { template: TEMPLATE_BY_KIND.year, data: { page: pageMeta(ctx, route, `${ctx.site.t.year} ${year.year}`), year: { name: `${ctx.site.t.year} ${year.year}`, count: year.count }, months: monthsOfYear(ctx, year.year) } };
}

/** All twelve months of a year, those with articles linked and counted. */
function monthsOfYear(ctx: ViewContext, year: number) {
  return Array.from({ length: 12 }, (_, i) => {
    const bucket = ctx.model.months.get(`${String(year).padStart(4, '0')}-${String(i + 1).padStart(2, '0')}`);
    return { name: formatMonthTitle(year, i + 1), count: bucket?.count ?? 0, href: bucket ? ctx.href(monthUrl(year, i + 1)) : null };
  });
}

function archiveView(ctx: ViewContext, route: Route): PageView {
  const years = [...ctx.model.years.values()].map((y) => ({ name: `${ctx.site.t.year} ${y.year}`, href: ctx.href(yearUrl(y.year)), count: y.count, months: monthsOfYear(ctx, y.year) }));
  return { template: TEMPLATE_BY_KIND.archive, data: { page: pageMeta(ctx, route, ctx.site.t.archiveTitle), years } };
}

function calendarDataView(ctx: ViewContext): PageView {
  const keys = ctx.dayKeys;
  return { template: TEMPLATE_BY_KIND.calendar, data: { firstDay: keys[keys.length - 1] ?? '', lastDay: keys[0] ?? '' } };
}

function notFoundView(ctx: ViewContext, route: Route): PageView {
  const latest = ctx.cardsOf(ctx.model.articles.slice(0, ctx.config.notFoundLatest).map((_, id) => id));
  return { template: TEMPLATE_BY_KIND.notFound, data: { page: { ...pageMeta(ctx, route, ctx.site.t.notFoundTitle), canonical: '' }, latest } };
}
