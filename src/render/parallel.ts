import { getHeapStatistics } from 'node:v8';
import Tinypool from 'tinypool';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ShownImages } from '../images/article.js';
import type { BodyLink } from '../markdown/index.js';
import type { ArticleId, Route, SiteModel } from '../model/types.js';
import { bodyBytes, withoutBody } from '../source/article.js';
import type { Article } from '../source/types.js';
import type { Writer } from '../write/writer.js';
import type { RenderHooks, RenderResult } from './index.js';
import { packBytes, unpackBytes, type PackedBytes } from './packed.js';

/** What every render thread is given once: enough to build the very site model the build has. */
export interface RenderSetup {
  readonly config: ResolvedConfig;
  /** Every valid article read (published or not), without bodies, in the build's order. */
  readonly articles: readonly Omit<Article, 'body'>[];
  /** The images each published article's page shows, by ArticleId (null when none). */
  readonly shown: readonly (ShownImages | null)[];
  /** How many routes the build's model has: a thread checks it built the same model. */
  readonly routes: number;
  /** Whether to send back each article's plain text (for the search index). */
  readonly texts: boolean;
}

/** One batch of work: consecutive routes, and the bodies of the articles whose pages are among them. */
export interface RenderBatch {
  readonly first: number;
  readonly count: number;
  readonly articleIds: readonly ArticleId[];
  readonly bodies: PackedBytes;
}

/** What a thread sends back for a batch: the pages in route order, and what the render found. */
export interface RenderedBatch {
  readonly paths: readonly string[];
  readonly pages: PackedBytes;
  readonly texts: readonly (readonly [ArticleId, string])[];
  readonly links: readonly (readonly [ArticleId, BodyLink[]])[];
  readonly diagnostics: readonly Diagnostic[];
  /** Route indexes not written because their template failed. */
  readonly failed: readonly number[];
}

/** How many routes a batch has: enough to keep the cost of a message small beside the rendering. */
const BATCH_ROUTES = 200;

/** How many threads render pages, and the images each article shows. */
export interface ThreadOptions {
  readonly threads: number;
  /** URL of the threads' module; default the compiled render-worker.js beside this file. */
  readonly workerModule?: string;
  readonly shown: readonly (ShownImages | null)[];
}

/**
 * Renders every route of the site on worker threads, each holding its own copy of the site model
 * (built from the same articles) and compiled templates. Batches of consecutive routes go out with
 * the bodies they need; pages come back as bytes and reach the writer and hooks here, in route
 * order, so the output and the search index are exactly those of a render on this thread.
 */
export async function renderSiteOnThreads(site: SiteModel, parsed: readonly Article[], config: ResolvedConfig, writer: Writer, hooks: RenderHooks, options: ThreadOptions): Promise<RenderResult> {
  const setup: RenderSetup = { config, articles: parsed.map(withoutBody), shown: options.shown, routes: site.routes.length, texts: hooks.onArticleText !== undefined };
  const pool = new Tinypool({
    filename: options.workerModule ?? new URL('./render-worker.js', import.meta.url).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    workerData: setup,
    resourceLimits: { maxOldGenerationSizeMb: Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20) },
  });
  const result = new BatchResults(site, writer, hooks);
  try {
    const inFlight: Promise<RenderedBatch>[] = [];
    let next = 0;
    const send = (): void => {
      const batch = batchOf(site, next, Math.min(BATCH_ROUTES, site.routes.length - next));
      next += batch.count;
      const rendered = pool.run(batch, { transferList: [batch.bodies.buffer] }) as Promise<RenderedBatch>;
      rendered.catch(() => undefined); // awaited in order below; a later batch's failure must not go unhandled meanwhile
      inFlight.push(rendered);
    };
    while (next < site.routes.length && inFlight.length < options.threads * 2) send();
    while (inFlight.length > 0) {
      const rendered = await inFlight.shift()!;
      if (next < site.routes.length) send();
      await result.take(rendered);
    }
  } finally {
    await pool.destroy();
  }
  return result.done();
}

/** A batch of routes from `first`, with the bodies of its articles packed in one buffer. */
function batchOf(site: SiteModel, first: number, count: number): RenderBatch {
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
  private done_ = 0;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  private readonly failedRoutes: Route[] = [];
  private readonly bodyLinks = new Map<ArticleId, BodyLink[]>();

  constructor(private readonly site: SiteModel, private readonly writer: Writer, private readonly hooks: RenderHooks) {}

  /** Writes a batch's pages and hands on its texts; a template failure is reported once, as a render here does. */
  async take(rendered: RenderedBatch): Promise<void> {
    const pages = unpackBytes(rendered.pages);
    for (let i = 0; i < pages.length; i++) await this.writer.write(rendered.paths[i]!, pages[i]!);
    for (const [id, text] of rendered.texts) await this.hooks.onArticleText?.(id, text);
    for (const [id, links] of rendered.links) this.bodyLinks.set(id, links);
    for (const diagnostic of rendered.diagnostics) {
      const key = JSON.stringify([diagnostic.file, diagnostic.line, diagnostic.message]);
      if (!this.seen.has(key)) this.diagnostics.push(diagnostic);
      this.seen.add(key);
    }
    for (const index of rendered.failed) this.failedRoutes.push(this.site.routes[index]!);
    this.pagesWritten += pages.length;
    this.done_ += pages.length + rendered.failed.length;
    this.hooks.onPage?.(this.done_);
  }

  done(): RenderResult {
    return { pagesWritten: this.pagesWritten, diagnostics: this.diagnostics, failedRoutes: this.failedRoutes, bodyLinks: this.bodyLinks };
  }
}
