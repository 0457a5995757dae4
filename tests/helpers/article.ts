import type { Article } from '../../src/source/types.js';
import { slugify } from '../../src/vi/slugify.js';
import { parseTimestamp } from '../../src/vi/timestamp.js';

/** What a test cares about in an article; the rest gets plain defaults. */
export interface ArticleSpec {
  contentPath: string;
  /** Timestamp as an editor writes it, read in the site zone (default Asia/Ho_Chi_Minh). */
  at?: string;
  title?: string;
  category?: string;
  slug?: string;
  permalink?: string | null;
  draft?: boolean;
  aliases?: string[];
  tags?: string[];
  authors?: string[];
  timeZone?: string;
}

/** A valid Article built directly, without a file, for tests of the model. */
export function makeArticle(spec: ArticleSpec): Article {
  const parsed = parseTimestamp(spec.at ?? '2024-09-13 18:13', spec.timeZone ?? 'Asia/Ho_Chi_Minh');
  if (!parsed.ok) throw new Error(parsed.message);
  const fileSlug = spec.contentPath.replace(/^.*\//, '').replace(/\.md$/, '');
  const title = spec.title ?? fileSlug;
  const category = spec.category ?? 'Thời sự';
  return {
    source: { absolutePath: `/site/content/${spec.contentPath}`, contentPath: spec.contentPath, displayPath: `content/${spec.contentPath}` },
    title,
    authors: spec.authors ?? ['Thu Hoài'],
    category,
    categorySlug: slugify(category),
    slug: spec.slug ?? (spec.title === undefined ? fileSlug : slugify(title)),
    permalink: spec.permalink ?? null,
    summary: '',
    tags: spec.tags ?? [],
    image: null,
    draft: spec.draft ?? false,
    aliases: spec.aliases ?? [],
    publishedAt: parsed.value,
    body: '',
    bodyLine: 6,
    extra: {},
  };
}
