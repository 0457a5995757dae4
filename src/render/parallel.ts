import { getHeapStatistics } from 'node:v8';
import Tinypool from 'tinypool';
import type { ResolvedConfig } from '../config/types.js';
import { doInOrder } from '../ordered-work.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ArticleImages, ShownImages } from '../images/article.js';
import type { BodyLink } from '../markdown/index.js';
import type { ArticleId, Route, SiteModel } from '../model/types.js';
import { bodyBytes, withoutBody } from '../source/article.js';
import type { Article } from '../source/types.js';
import type { SearchIndexWriter } from '../write/search-index.js';
import type { Writer } from '../write/writer.js';
import type { RenderResult } from './index.js';
import { BatchRenderer } from './batch.js';
import { packBytes, unpackBytes, type PackedBytes } from '../packed.js';

/** What every render thread is given once: enough to build the very site model the build has. */
export interface RenderSetup {
  readonly config: ResolvedConfig;
  /** Every valid article read (published or not), without bodies, in the build's order. */
  readonly articles: readonly Omit<Article, 'body'>[];
  /** The images each published article's page shows, by ArticleId (null when none). */
  readonly shown: readonly (ShownImages | null)[];
  /** How many routes the build's model has: a thread checks it built the same model. */
  readonly routes: number;
  /** Whether to prepare each article's search entry and write its fragment. */
  readonly search: boolean;
  /** The folder the threads write files into themselves, and whether to send back their hashes; null: send the bytes back. */
  readonly target: { readonly folder: string; readonly hashes: boolean } | null;
}

/** One batch of work: consecutive routes, and the bodies of the articles whose pages are among them. */
export interface RenderBatch {
  readonly first: number;
  readonly count: number;
  readonly articleIds: readonly ArticleId[];
  readonly bodies: PackedBytes;
}

/** The files a batch made: its pages in route order, then its search fragments. */
export interface BatchFiles {
  readonly paths: readonly string[];
  /** Each file's contentHash, when the thread wrote them and the writer wants hashes. */
  readonly hashes: readonly string[] | null;
  /** The files' bytes, when the thread did not write them. */
  readonly bytes: PackedBytes | null;
  readonly pages: number;
}

/** What a thread sends back for a batch. */
export interface RenderedBatch {
  readonly files: BatchFiles;
  /** Each article's search entry: id, distinct terms, digest. */
  readonly search: readonly (readonly [ArticleId, string[], string])[];
  readonly links: readonly (readonly [ArticleId, BodyLink[]])[];
  readonly diagnostics: readonly Diagnostic[];
  /** Route indexes not written because their template failed. */
  readonly failed: readonly number[];
}

/** How many routes a batch has: enough to keep the cost of a message small beside the rendering. */
const BATCH_ROUTES = 200;

/** How many threads render pages besides this one, and what else the render needs and feeds. */
export interface ThreadOptions {
  readonly threads: number;
  /** URL of the compiled modules' folder; default the one this file is in. */
  readonly compiledDir?: string | undefined;
  /** Each published article's processed images, by ArticleId. */
  readonly images: readonly ArticleImages[];
  /** The search index to feed, article by article in id order. */
  readonly searchIndex?: SearchIndexWriter;
  /** Called as pages are done with how many routes were done so far. */
  readonly onPage?: (done: number) => void;
}

/**
 * Renders every route of the site in batches of consecutive routes, on this thread and on worker
 * threads that each hold their own copy of the site model (built from the same articles) and
 * compiled templates. The threads are kept fed with batches and the bodies they need; this thread
 * renders the next batch itself whenever it has nothing to take. When the writer has a folder to
 * commit whole, pages and search fragments are written into it where they are rendered; otherwise
 * the bytes come to the writer here. Outcomes are taken in route order, so the output and the
 * search index are those of a render on one thread.
 */
export async function renderSiteOnThreads(site: SiteModel, parsed: readonly Article[], config: ResolvedConfig, writer: Writer, options: ThreadOptions): Promise<RenderResult> {
  const folder = writer.folderTarget;
  const target = folder ? { folder: folder.folder, hashes: folder.wantsHashes } : null;
  const search = options.searchIndex !== undefined;
  const shown = options.images.map((images) => (images.shown.body.length > 0 || images.shown.lead ? images.shown : null));
  const setup: RenderSetup = { config, articles: parsed.map(withoutBody), shown, routes: site.routes.length, search, target };
  const pool = new Tinypool({
    filename: new URL('render/render-worker.js', options.compiledDir ?? new URL('..', import.meta.url)).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    workerData: setup,
    resourceLimits: { maxOldGenerationSizeMb: Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20) },
  });
  const here = new BatchRenderer(site, config, (id) => options.images[id], target, search);
  const results = new BatchResults(site, writer, options);
  const batches = Math.ceil(site.routes.length / BATCH_ROUTES);
  try {
    await doInOrder<RenderedBatch>({
      count: batches,
      threads: options.threads,
      onThread: (index) => {
        const batch = batchOf(site, index);
        return pool.run(batch, { transferList: [batch.bodies.buffer] }) as Promise<RenderedBatch>;
      },
      here: (index) => here.render(index * BATCH_ROUTES, Math.min(BATCH_ROUTES, site.routes.length - index * BATCH_ROUTES)),
      take: (rendered) => results.take(rendered),
    });
  } finally {
    await pool.destroy();
  }
  return results.done();
}

/** Batch number `index`, with the bodies of its articles packed in one buffer (moved to the thread). */
function batchOf(site: SiteModel, index: number): RenderBatch {
  const first = index * BATCH_ROUTES;
  const count = Math.min(BATCH_ROUTES, site.routes.length - first);
  const articleIds: ArticleId[] = [];
  for (let i = first; i < first + count; i++) {
    const route = site.routes[i]!;
    if (route.kind === 'article') articleIds.push(route.articleId);
  }
  return { first, count, articleIds, bodies: packBytes(articleIds.map((id) => bodyBytes(site.articles[id]!))) };
}

/** The batches' outcomes put together in route order, as one RenderResult. */
class BatchResults {
  private pagesWritten = 0;
  private routesDone = 0;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  private readonly failedRoutes: Route[] = [];
  private readonly bodyLinks = new Map<ArticleId, BodyLink[]>();

  constructor(private readonly site: SiteModel, private readonly writer: Writer, private readonly options: ThreadOptions) {}

  /** Takes a batch's files and search entries; a template failure is reported once, as a render on one thread does. */
  async take(rendered: RenderedBatch): Promise<void> {
    await this.takeFiles(rendered.files);
    for (const [id, terms, digest] of rendered.search) this.options.searchIndex?.addPrepared(id, terms, digest);
    for (const [id, links] of rendered.links) this.bodyLinks.set(id, links);
    for (const diagnostic of rendered.diagnostics) {
      const key = JSON.stringify([diagnostic.file, diagnostic.line, diagnostic.message]);
      if (!this.seen.has(key)) this.diagnostics.push(diagnostic);
      this.seen.add(key);
    }
    for (const index of rendered.failed) this.failedRoutes.push(this.site.routes[index]!);
    this.pagesWritten += rendered.files.pages;
    this.routesDone += rendered.files.pages + rendered.failed.length;
    this.options.onPage?.(this.routesDone);
  }

  done(): RenderResult {
    return { pagesWritten: this.pagesWritten, diagnostics: this.diagnostics, failedRoutes: this.failedRoutes, bodyLinks: this.bodyLinks };
  }

  /** Writes the files a thread sent back, or tells the writer of those the thread wrote itself. */
  private async takeFiles(files: BatchFiles): Promise<void> {
    if (files.bytes) {
      const contents = unpackBytes(files.bytes);
      for (let i = 0; i < contents.length; i++) await this.writer.write(files.paths[i]!, contents[i]!);
      return;
    }
    const target = this.writer.folderTarget!;
    files.paths.forEach((outputPath, i) => target.wrote(outputPath, files.hashes?.[i] ?? ''));
  }
}
