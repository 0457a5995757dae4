import { warning, type Diagnostic } from '../diagnostics.js';
import { slugTrouble } from '../source/paths.js';
import type { Article } from '../source/types.js';
import { compareVi } from '../vi/collation.js';
import { slugify } from '../vi/slugify.js';
import { mostCommon } from './categories.js';
import type { ArticleId, Term } from './types.js';

/** What a term index groups articles by: their tags or their authors. */
export interface TermField {
  /** The front-matter field, as diagnostics name it. */
  readonly field: 'tags' | 'author';
  /** What one term is called in messages: "tag", "author". */
  readonly noun: string;
  readonly termsOf: (article: Article) => readonly string[];
}

/** Articles grouped by tag. */
export const TAG_FIELD: TermField = { field: 'tags', noun: 'tag', termsOf: (article) => article.tags };
/** Articles grouped by author (co-authors each count the article). */
export const AUTHOR_FIELD: TermField = { field: 'author', noun: 'author', termsOf: (article) => article.authors };

/** Terms in Vietnamese order, and for each article the slug of each of its terms ('' when it has no page). */
export interface TermIndex {
  readonly terms: Term[];
  readonly articleSlugs: string[][];
  readonly diagnostics: Diagnostic[];
}

interface Group {
  ids: ArticleId[];
  spellings: Map<string, number>;
}

/**
 * Groups articles (newest first) by the slug of each of their terms, in one pass: "Đông Sơn" and
 * "đông sơn" are one term, shown under the preferred spelling (config), else the most common one
 * (ties: Vietnamese order). A term whose slug is empty, too long or a reserved Windows name gets no
 * page, with one warning per spelling.
 */
export function indexTerms(articles: readonly Article[], by: TermField, preferredNames: readonly string[] = []): TermIndex {
  const groups = new Map<string, Group>();
  const slugOf = new Map<string, string>();
  const skipped = new Map<string, Diagnostic>();
  const articleSlugs = articles.map((article, id) =>
    by.termsOf(article).map((name) => {
      let slug = slugOf.get(name);
      if (slug === undefined) slugOf.set(name, (slug = pageSlug(name, article, by, skipped)));
      if (slug !== '') addToGroup(groups, slug, name, id);
      return slug;
    }),
  );
  const preferred = new Map(preferredNames.map((name) => [slugify(name), name]));
  const terms = [...groups].map(([slug, group]): Term => {
    const variants = [...group.spellings.keys()].sort(compareVi);
    const name = preferred.get(slug) ?? mostCommon(group.spellings);
    return { slug, name, variants: variants.length > 1 ? variants : [], articleIds: group.ids };
  });
  terms.sort((a, b) => compareVi(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
  return { terms, articleSlugs, diagnostics: [...skipped.values()] };
}

/** Counts one article under a term once, however many of its spellings the article writes. */
function addToGroup(groups: Map<string, Group>, slug: string, name: string, id: ArticleId): void {
  let group = groups.get(slug);
  if (!group) groups.set(slug, (group = { ids: [], spellings: new Map() }));
  if (group.ids[group.ids.length - 1] !== id) group.ids.push(id);
  group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
}

/** The slug of a term's page, or '' (with a warning, once per spelling) when it can have none. */
function pageSlug(name: string, article: Article, by: TermField, skipped: Map<string, Diagnostic>): string {
  const slug = slugify(name);
  const trouble = slug === '' ? { what: 'an empty URL slug', why: 'it has no letters or digits' } : slugTrouble(slug);
  if (trouble === undefined) return slug;
  const what = slug === '' ? trouble.what : `a URL slug ${trouble.what}`;
  skipped.set(name, warning(`${by.noun} "${name}" gives ${what}: it is shown without a page of its own`, {
    file: article.source.displayPath,
    field: by.field,
    hint: `Write the ${by.noun} another way if it should have a page: ${trouble.why}.`,
  }));
  return '';
}
