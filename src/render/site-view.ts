import type { AuthorProfile, ResolvedConfig } from '../config/types.js';
import type { ArticleId, SiteModel, Term } from '../model/types.js';
import { ARCHIVE_URL, CALENDAR_URL, SEARCH_INDEX_URL, SEARCH_URL, SITE_FEED_URL, assetUrl, authorUrl, categoryUrl, dayUrl, monthUrl, tagUrl, yearUrl } from '../model/urls.js';
import type { Article } from '../source/types.js';
import { formatArticleDate, formatDayTitle, formatListDate, formatMonthTitle, isoWithOffset } from '../vi/dates.js';
import { slugify } from '../vi/slugify.js';
import { UI_STRINGS, type UiStrings } from '../vi/strings.js';

/** A link as templates see it: text and a ready-to-use href (base path included). */
export interface LinkView {
  readonly name: string;
  readonly href: string;
}

/** A date in the forms the theme shows. */
export interface DateView {
  /** "2024-09-13T18:13:00+07:00", for <time datetime>. */
  readonly iso: string;
  /** "Thứ Sáu, 13/09/2024 18:13". */
  readonly long: string;
  /** "13.09.2024 | 18:13". */
  readonly short: string;
}

/** An article in a list: what category, day and home pages show. */
export interface ArticleCardView {
  readonly title: string;
  readonly href: string;
  readonly summary: string;
  readonly date: DateView;
  readonly category: LinkView;
}

/** What every page knows of the site: name, navigation, date range, strings. */
export interface SiteView {
  readonly title: string;
  readonly description: string;
  readonly lang: 'vi';
  readonly homeHref: string;
  readonly archiveHref: string;
  readonly stylesheetHref: string;
  readonly faviconHref: string;
  /** Categories in Vietnamese order. */
  readonly nav: readonly LinkView[];
  /** Years with articles, newest first: the no-JavaScript way into the calendar. */
  readonly years: readonly LinkView[];
  /** The small JSON file with the first and last day of the archive, which the date field reads. */
  readonly calendarHref: string;
  /** Pattern the date field's script fills in: "/base/{yyyy}/{mm}/{dd}/". */
  readonly dayHrefPattern: string;
  /** The search page, its script and stylesheet, and the folder of its index files. */
  readonly searchHref: string;
  readonly searchScriptHref: string;
  readonly searchCssHref: string;
  readonly searchIndexHref: string;
  /** The site's RSS feed, '' when there is none. */
  readonly feedHref: string;
  readonly t: UiStrings;
}

/** Shared, memoised pieces of view models for one site. */
export class ViewContext {
  readonly site: SiteView;
  /** Day and month keys newest first, and where each stands: for previous/next links. */
  readonly dayKeys: readonly string[];
  readonly dayIndex: ReadonlyMap<string, number>;
  readonly monthKeys: readonly string[];
  readonly monthIndex: ReadonlyMap<string, number>;
  private readonly cards: (ArticleCardView | undefined)[] = [];
  private readonly profiles: ReadonlyMap<string, AuthorProfile>;

  constructor(readonly model: SiteModel, readonly config: ResolvedConfig) {
    this.profiles = new Map(Object.entries(config.authors).map(([name, profile]) => [slugify(name), profile]));
    this.dayKeys = [...model.days.keys()];
    this.dayIndex = new Map(this.dayKeys.map((key, i) => [key, i]));
    this.monthKeys = [...model.months.keys()];
    this.monthIndex = new Map(this.monthKeys.map((key, i) => [key, i]));
    this.site = this.siteView();
  }

  /** A root-relative URL as a link from the built site (base path prefixed). */
  href(url: string): string {
    return this.config.basePath + url;
  }

  /** A file an article refers to, as a link from the built site (see assetUrl). */
  assetHref(reference: string, contentPath: string): string {
    const url = assetUrl(reference, contentPath);
    return url.startsWith('/') && !url.startsWith('//') ? this.href(url) : url;
  }

  /** A feed's link, or '' when the site has no base URL (feeds need absolute links, so none are made). */
  feedHref(url: string): string {
    return this.config.baseUrl === '' ? '' : this.href(url);
  }

  /** The absolute URL of a page, or '' when no base URL is set. */
  absolute(url: string): string {
    return this.config.baseUrl === '' ? '' : this.config.baseUrl + url;
  }

  /** The card of an article, made once. */
  card(id: ArticleId): ArticleCardView {
    let card = this.cards[id];
    if (!card) {
      const article = this.model.articles[id]!;
      card = { title: article.title, href: this.href(this.model.articleUrls[id]!), summary: article.summary, date: dateView(article), category: this.categoryLink(article.categorySlug) };
      this.cards[id] = card;
    }
    return card;
  }

  /** Cards of several articles, in the given order. */
  cardsOf(ids: readonly ArticleId[]): ArticleCardView[] {
    return ids.map((id) => this.card(id));
  }

  /** A link to a category's first page, under its shown name. */
  categoryLink(slug: string): LinkView {
    const category = this.model.categoryBySlug.get(slug)!;
    return { name: category.name, href: this.href(categoryUrl(slug)) };
  }

  /** An article's tags, each once under its shown name, linked to its page (href '' for a tag without one). */
  tagLinks(id: ArticleId): LinkView[] {
    return this.termLinks(this.model.articles[id]!.tags, this.model.articleTagSlugs[id]!, this.model.tagBySlug, tagUrl);
  }

  /** An article's authors, each once under their shown name, linked to their page (href '' for none). */
  authorLinks(id: ArticleId): LinkView[] {
    return this.termLinks(this.model.articles[id]!.authors, this.model.articleAuthorSlugs[id]!, this.model.authorBySlug, authorUrl);
  }

  /** The config's profile of an author, found by slug; null when it has none. */
  authorProfile(slug: string): AuthorProfile | null {
    return this.profiles.get(slug) ?? null;
  }

  private termLinks(names: readonly string[], slugs: readonly string[], bySlug: ReadonlyMap<string, Term>, urlOf: (slug: string) => string): LinkView[] {
    const seen = new Set<string>();
    const links: LinkView[] = [];
    names.forEach((name, i) => {
      const slug = slugs[i]!;
      if (slug === '') links.push({ name, href: '' });
      else if (!seen.has(slug)) links.push({ name: bySlug.get(slug)!.name, href: this.href(urlOf(slug)) });
      seen.add(slug);
    });
    return links;
  }

  /** A link to a day page by its key ("2024-09-13"), named "Thứ Sáu, 13/09/2024". */
  dayLink(key: string): LinkView {
    const [year, month, day] = key.split('-').map(Number) as [number, number, number];
    return { name: formatDayTitle(year, month, day), href: this.href(dayUrl(year, month, day)) };
  }

  /** A link to a month page by its key ("2024-09"), named "Tháng 9/2024". */
  monthLink(key: string): LinkView {
    const [year, month] = key.split('-').map(Number) as [number, number];
    return { name: formatMonthTitle(year, month), href: this.href(monthUrl(year, month)) };
  }

  private siteView(): SiteView {
    return {
      title: this.config.title,
      description: this.config.description,
      lang: 'vi',
      homeHref: this.href('/'),
      archiveHref: this.href(ARCHIVE_URL),
      stylesheetHref: this.href('/assets/bantin.css'),
      faviconHref: this.href('/assets/favicon.svg'),
      nav: this.model.categories.map((c) => this.categoryLink(c.slug)),
      years: [...this.model.years.values()].map((y) => ({ name: y.key, href: this.href(yearUrl(y.year)) })),
      calendarHref: this.href(CALENDAR_URL),
      feedHref: this.feedHref(SITE_FEED_URL),
      searchHref: this.href(SEARCH_URL),
      searchScriptHref: this.href('/assets/search.js'),
      searchCssHref: this.href('/assets/search.css'),
      searchIndexHref: this.href(SEARCH_INDEX_URL),
      dayHrefPattern: this.href(dayUrl(1111, 11, 11)).replace('1111', '{yyyy}').replace('11/11', '{mm}/{dd}'),
      t: UI_STRINGS,
    };
  }
}

/** The forms of an article's publication date. */
export function dateView(article: Article): DateView {
  const { publishedAt } = article;
  return { iso: isoWithOffset(publishedAt), long: formatArticleDate(publishedAt.local), short: formatListDate(publishedAt.local) };
}
