import type { ResolvedConfig } from '../config/types.js';
import { error, type Diagnostic } from '../diagnostics.js';
import type { ArticleId, SiteModel } from '../model/types.js';
import { SearchIndexBuilder } from '../search/builder.js';
import { SEARCH_INDEX_DIR } from '../search/layout.js';
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

  constructor(private readonly site: SiteModel, config: ResolvedConfig, private readonly writer: Writer) {
    this.builder = new SearchIndexBuilder({ basePath: config.basePath, articles: site.articles.length });
  }

  /** Indexes one article (ids in ascending order) and writes its fragment. */
  async add(id: ArticleId, text: string): Promise<void> {
    const article = this.site.articles[id]!;
    const category = this.site.categoryBySlug.get(article.categorySlug)!.name;
    const entry = { href: this.site.articleUrls[id]!, title: article.title, summary: article.summary, date: formatListDate(article.publishedAt.local), category, text };
    for (const file of this.builder.add(id, entry)) await this.write(file.outputPath, file.content());
  }

  /** Writes the term files and meta.json; returns how many files the index has. */
  async finish(): Promise<number> {
    const files = this.builder.finish();
    for (const file of files) await this.write(file.outputPath, file.content());
    return this.written.size;
  }

  private async write(outputPath: string, content: string | Uint8Array): Promise<void> {
    this.written.add(outputPath);
    await this.writer.write(outputPath, content);
  }
}

/** Errors for pages or files that would land inside the search index's folder. */
export function searchIndexCollisions(outputs: readonly { outputPath: string; source: string }[]): Diagnostic[] {
  return outputs
    .filter((o) => o.outputPath.startsWith(`${SEARCH_INDEX_DIR}/`))
    .map((o) => error(`/${o.outputPath} lies in the search index folder /${SEARCH_INDEX_DIR}/ (${o.source})`, { hint: 'Give the page or file another path: bantin writes the search index there.' }));
}
