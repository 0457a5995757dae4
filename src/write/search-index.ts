import type { ResolvedConfig } from '../config/types.js';
import { error, type Diagnostic } from '../diagnostics.js';
import type { ArticleId, SiteModel } from '../model/types.js';
import { SearchIndexBuilder, type SearchEntry } from '../search/builder.js';
import { SEARCH_INDEX_DIR, docFilePath } from '../search/layout.js';
import { formatListDate } from '../vi/dates.js';
import type { Writer } from './writer.js';

/**
 * Feeds the search index article by article while pages render (fragments are written at once,
 * so article texts are not kept), then writes the term files and meta.json.
 */
export class SearchIndexWriter {
  private readonly builder: SearchIndexBuilder;
  /** Every file written, so a later refresh can delete the ones it no longer writes. */
  readonly written = new Set<string>();
  private shards = 0;

  /** `onEntry` hears each article's distinct terms, digest and head as it is indexed (for the build cache). */
  constructor(private readonly site: SiteModel, config: ResolvedConfig, private readonly writer: Writer, onEntry?: (id: ArticleId, record: SearchRecord) => void) {
    const onArticle = onEntry && ((id: number, terms: readonly string[], digest: string) => onEntry(id, { terms, digest, head: searchHead(site, id) }));
    this.builder = new SearchIndexBuilder({ basePath: config.basePath, articles: site.articles.length, ...(onArticle ? { onArticle } : {}) });
  }

  /** Indexes one article (ids in ascending order) and writes its fragment. */
  async add(id: ArticleId, text: string): Promise<void> {
    for (const file of this.builder.add(id, searchEntryOf(this.site, id, text))) await this.write(file.outputPath, file.content());
  }

  /** Indexes one article prepared on another thread (prepareSearchEntry), whose fragment file that thread wrote. */
  addPrepared(id: ArticleId, terms: readonly string[], digest: string): void {
    this.builder.addPrepared(id, terms, digest);
    this.written.add(docFilePath(this.site.articles.length - 1 - id));
  }

  /** The number of term files and of postings, once finished. */
  get shape(): { shards: number; postings: number } {
    return { shards: this.shards, postings: this.builder.size.postings };
  }

  /** Writes the term files and meta.json; returns how many files the index has. */
  async finish(): Promise<number> {
    const files = this.builder.finish();
    this.shards = files.length - 1;
    for (const file of files) await this.write(file.outputPath, file.content());
    return this.written.size;
  }

  private async write(outputPath: string, content: string | Uint8Array): Promise<void> {
    this.written.add(outputPath);
    await this.writer.write(outputPath, content);
  }
}

/** What the build cache keeps of an indexed article. */
export interface SearchRecord {
  readonly terms: readonly string[];
  readonly digest: string;
  /** What the article's fragment shows besides its own file: link and category name. */
  readonly head: string;
}

/** A published article as the search index sees it, with its body's plain text. */
export function searchEntryOf(site: SiteModel, id: ArticleId, text: string): SearchEntry {
  const article = site.articles[id]!;
  const category = site.categoryBySlug.get(article.categorySlug)!.name;
  return { href: site.articleUrls[id]!, title: article.title, summary: article.summary, date: formatListDate(article.publishedAt.local), category, text };
}

/** An article's link and category name: if either changes, its fragment must be written again. */
export function searchHead(site: SiteModel, id: ArticleId): string {
  return `${site.articleUrls[id]!}\n${site.categoryBySlug.get(site.articles[id]!.categorySlug)!.name}`;
}

/** Errors for pages or files that would land inside the search index's folder. */
export function searchIndexCollisions(outputs: readonly { outputPath: string; source: string }[]): Diagnostic[] {
  return outputs
    .filter((o) => o.outputPath.startsWith(`${SEARCH_INDEX_DIR}/`))
    .map((o) => error(`/${o.outputPath} lies in the search index folder /${SEARCH_INDEX_DIR}/ (${o.source})`, { hint: 'Give the page or file another path: bantin writes the search index there.' }));
}
