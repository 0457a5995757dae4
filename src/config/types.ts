/** What a site may write in bantin.config.{js,mjs,json}: every key optional. */
export interface UserConfig {
  title?: string;
  description?: string;
  baseUrl?: string;
  timeZone?: string;
  perPage?: number;
  /**
   * Whether raw HTML in article bodies is kept as written (scripts, embeds) rather than cut down to
   * the tags of article text. Unsafe link schemes (javascript:) are removed either way.
   */
  trustedHtml?: boolean;
  /** Author written into new articles by `bantin new` when --author is not given. */
  author?: string;
  /** Preferred spellings of category names ("Thời sự"), used when articles spell them differently. */
  categories?: string[];
  /**
   * Author profiles shown on author pages, by name (matched by slug, so "Thu hoài" finds "Thu Hoài");
   * the name written here is the spelling shown.
   */
  authors?: Record<string, AuthorProfile>;
  /** Folder of the build cache (processed images, what the last build wrote), relative to the site root; default ".bantin-cache". */
  cacheDir?: string;
}

/** What an author page shows besides the name and the articles. */
export interface AuthorProfile {
  /** A short biography. */
  readonly bio?: string;
  /** A photo: a root-relative path ("/anh/thu-hoai.jpg") or an absolute URL. */
  readonly photo?: string;
}

/** Where a build reads from and writes to, and what it publishes: from the CLI. */
export interface BuildOptions {
  root: string;
  content?: string;
  out?: string;
  templates?: string;
  config?: string;
  baseUrl?: string;
  drafts?: boolean;
  future?: boolean;
  /** The build's "now" as ISO 8601; defaults to the clock. */
  now?: string;
}

/** Everything a build needs, resolved once and frozen. Paths are absolute. */
export interface ResolvedConfig {
  readonly root: string;
  readonly contentDir: string;
  readonly outDir: string;
  /** Template folders in lookup order: the site's own first, then the built-in theme. */
  readonly templateDirs: readonly string[];
  /** Folder of files copied as they are to the output root, when it exists. */
  readonly staticDir: string | null;
  /** Folder of the build cache: processed images and what the last build wrote. */
  readonly cacheDir: string;
  readonly configFile: string | null;
  readonly title: string;
  readonly description: string;
  /** Absolute base URL without a trailing slash, or '' when none was given. */
  readonly baseUrl: string;
  /** Path part of the base URL without a trailing slash ('' or '/bao'): prefixes every link. */
  readonly basePath: string;
  readonly timeZone: string;
  readonly perPage: number;
  readonly homeLatest: number;
  readonly homePerCategory: number;
  readonly relatedCount: number;
  readonly notFoundLatest: number;
  readonly categories: readonly string[];
  /** Author profiles by name as the config writes it. */
  readonly authors: Readonly<Record<string, AuthorProfile>>;
  readonly trustedHtml: boolean;
  /** Default author for new articles; '' when none. */
  readonly author: string;
  readonly drafts: boolean;
  readonly future: boolean;
  /** The build's "now", epoch milliseconds: later articles wait unless `future`. */
  readonly now: number;
}
