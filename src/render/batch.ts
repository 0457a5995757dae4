import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { ImagesOnPage } from '../images/article.js';
import type { ArticleId, SiteModel } from '../model/types.js';
import { prepareSearchEntry } from '../search/builder.js';
import { contentHash } from '../write/direct-writer.js';
import { searchEntryOf } from '../write/search-index.js';
import type { Writer } from '../write/writer.js';
import { createSiteRenderer, type SiteRenderer } from './index.js';
import { packBytes } from '../packed.js';
import type { BatchFiles, RenderedBatch } from './parallel.js';

/** Where a batch's files go: written into a folder (with their hashes when wanted), or kept as bytes to hand back. */
export type BatchTarget = { readonly folder: string; readonly hashes: boolean } | null;

/**
 * Renders batches of consecutive routes of one site model, on whichever thread holds it: pages and
 * each article's search fragment are written into the target folder or kept as bytes, and each
 * article's search entry (distinct terms, digest) is prepared for the build thread to add.
 */
export class BatchRenderer {
  private readonly renderer: SiteRenderer;
  /** Folders made in the target folder so far. */
  readonly folders = new Set<string>();

  constructor(
    private readonly site: SiteModel,
    private readonly config: ResolvedConfig,
    private readonly imagesOf: (id: ArticleId) => ImagesOnPage | undefined,
    readonly target: BatchTarget,
    private readonly search: boolean,
  ) {
    this.renderer = createSiteRenderer(config, { sameModel: true });
  }

  /** Renders routes [first, first + count); the bodies of their articles must be readable. */
  async render(first: number, count: number): Promise<RenderedBatch> {
    const { site } = this;
    const routes = site.routes.slice(first, first + count);
    const pages = new FileSink(this);
    const fragments = new FileSink(this);
    const search: [ArticleId, string[], string][] = [];
    const onArticleText = async (id: ArticleId, text: string): Promise<void> => {
      const prepared = prepareSearchEntry(site.articles.length - 1 - id, searchEntryOf(site, id, text), this.config.basePath);
      await fragments.write(prepared.file.outputPath, prepared.file.content());
      search.push([id, prepared.terms, prepared.digest]);
    };
    const result = await this.renderer.render(site, routes, pages, { imagesOf: this.imagesOf, ...(this.search ? { onArticleText } : {}) });
    const failed = result.failedRoutes.map((route) => first + routes.indexOf(route));
    return { files: pages.files(fragments), search, links: [...result.bodyLinks], diagnostics: result.diagnostics, failed };
  }
}

/** Writes a batch's files into the target folder, or keeps their bytes to hand back. */
class FileSink implements Writer {
  readonly paths: string[] = [];
  readonly hashes: string[] = [];
  readonly contents: Uint8Array[] = [];

  constructor(private readonly owner: BatchRenderer) {}

  async write(outputPath: string, content: string | Uint8Array): Promise<void> {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const { target, folders } = this.owner;
    this.paths.push(outputPath);
    if (!target) {
      this.contents.push(bytes);
      return;
    }
    if (target.hashes) this.hashes.push(contentHash(bytes));
    const file = path.join(target.folder, ...outputPath.split('/'));
    const folder = path.dirname(file);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(file, bytes);
  }

  /** These files, then another sink's, as one list. */
  files(then: FileSink): BatchFiles {
    const { target } = this.owner;
    return {
      paths: [...this.paths, ...then.paths],
      hashes: target?.hashes ? [...this.hashes, ...then.hashes] : null,
      bytes: target ? null : packBytes([...this.contents, ...then.contents]),
      pages: this.paths.length,
    };
  }

  async copy(): Promise<void> {
    throw new Error('a batch writes pages only');
  }

  async commit(): Promise<void> {}

  async abort(): Promise<void> {}
}
