import path from 'node:path';
import type { BuildProgress, BuildResult, BuildRules, BuildThreads, StageTimings } from './build.js';
import type { ResolvedConfig } from './config/types.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { processSiteImages, type ArticleImages } from './images/article.js';
import { ImageProcessor } from './images/processor.js';
import { buildSiteModel, type SiteModel } from './model/index.js';
import { findBrokenLinks } from './model/links.js';
import { renderSite, type RenderResult } from './render/index.js';
import { renderSiteOnThreads } from './render/parallel.js';
import { discoverArticles, loadArticles, type Article } from './source/index.js';
import { loadArticlesOnThreads } from './source/threads.js';
import type { GeneratedFile } from './write/generated.js';
import { generatedCollisions, planGeneratedFiles } from './write/outputs.js';
import { SearchIndexWriter, searchIndexCollisions, type SearchRecord } from './write/search-index.js';
import { planStatic, type StaticFile } from './write/static-files.js';
import type { Writer } from './write/writer.js';

/** What the planning stages found: the model and every file besides the pages. */
export interface BuildPlan {
  readonly site: SiteModel;
  readonly staticFiles: readonly StaticFile[];
  readonly generated: readonly GeneratedFile[];
}

/** Processed images: each article's, and the variant files to copy. */
type SiteImages = Awaited<ReturnType<typeof processSiteImages>>;

/** One build in progress: its stages, their timings, and the problems collected so far. */
export class BuildRun {
  readonly timings: StageTimings = {};
  readonly diagnostics: Diagnostic[];
  private parsed: readonly Article[] = [];
  private site: SiteModel | null = null;
  private staticFiles: readonly StaticFile[] = [];
  private imageFiles: readonly StaticFile[] = [];
  private imagesByArticle: readonly ArticleImages[] = [];
  private generatedPaths: string[] = [];
  private searchFiles = 0;
  private search: SearchIndexWriter | null = null;

  constructor(
    private readonly config: ResolvedConfig,
    private readonly writer: Writer,
    configDiagnostics: readonly Diagnostic[],
    private readonly rules: BuildRules = {},
  ) {
    this.diagnostics = [...configDiagnostics];
  }

  /** Whether any error was collected. */
  get failed(): boolean {
    return hasErrors(this.diagnostics);
  }

  /** Discover, parse, model, and plan static and generated files, checking every output path. */
  async plan(): Promise<BuildPlan> {
    const { config } = this;
    const sources = await this.timed('discover', () => discoverArticles(config.contentDir, config.root));
    const listeners = { onProgress: (done: number, total: number) => this.progress({ stage: 'parse', done, total }), ...(this.rules.onSourceRead ? { onRead: this.rules.onSourceRead } : {}) };
    const threads = this.threadsFor(sources.length);
    const loaded = await this.timed('parse', () => (threads ? loadArticlesOnThreads(sources, config.timeZone, listeners, threads.threads, threads.compiledDir) : loadArticles(sources, config.timeZone, listeners)));
    this.parsed = loaded.articles;
    const model = await this.timed('model', () => buildSiteModel(loaded.articles, config));
    this.site = model.site;
    const pagePaths = new Set(model.site.routes.map((r) => r.outputPath));
    const statics = await this.timed('plan static', () => planStatic(config, (p) => pagePaths.has(p)));
    this.staticFiles = statics.files;
    const generated = await this.timed('plan feeds and sitemaps', () => planGeneratedFiles(model.site, config, new Set(statics.files.map((f) => f.outputPath))));
    this.generatedPaths = generated.files.map((f) => f.outputPath);
    const staticOutputs = statics.files.map((f) => ({ outputPath: f.outputPath, source: f.sourcePath }));
    this.diagnostics.push(...loaded.diagnostics, ...model.diagnostics, ...statics.diagnostics, ...generated.diagnostics);
    this.diagnostics.push(...generatedCollisions(model.site.routes, statics.files, generated.files), ...searchIndexCollisions([...model.site.routes, ...staticOutputs]));
    return { site: model.site, staticFiles: statics.files, generated: generated.files };
  }

  /** Responsive variants of every local photo, from the cache when their bytes are known. */
  async images(plan: BuildPlan): Promise<SiteImages> {
    const { config } = this;
    const processor = new ImageProcessor({ contentDir: config.contentDir, staticDir: config.staticDir, root: config.root, cacheDir: path.join(config.cacheDir, 'images') });
    const images = await this.timed('images', () => processSiteImages(processor, plan.site.articles, { basePath: config.basePath, severity: 'error' }));
    this.diagnostics.push(...images.diagnostics);
    this.imageFiles = images.files;
    this.imagesByArticle = images.byArticle;
    return images;
  }

  /** Every page, with the search index fed article by article as pages render; then body links checked. */
  async render(plan: BuildPlan, images: SiteImages): Promise<RenderResult> {
    const { onSearchEntry } = this.rules;
    const count = plan.site.articles.length;
    const onEntry = onSearchEntry && ((id: number, record: SearchRecord) => onSearchEntry(plan.site.articles[id]!.source.contentPath, count - 1 - id, record));
    const search = new SearchIndexWriter(plan.site, this.config, this.writer, onEntry);
    this.search = search;
    const total = plan.site.routes.length;
    const onPage = (done: number) => this.progress({ stage: 'render', done, total });
    const hooks = { onArticleText: (id: number, text: string) => search.add(id, text), imagesOf: (id: number) => images.byArticle[id], onPage };
    const threads = this.threadsFor(total);
    const rendered = await this.timed('render and index', () =>
      threads
        ? renderSiteOnThreads(plan.site, this.parsed, this.config, this.writer, { ...threads, images: images.byArticle, searchIndex: search, onPage })
        : renderSite(plan.site, this.config, this.writer, hooks),
    );
    this.searchFiles = await this.timed('search index', () => search.finish());
    const outputs = new Set([...plan.site.routes.map((r) => r.outputPath), ...plan.staticFiles.map((f) => f.outputPath)]);
    this.diagnostics.push(...rendered.diagnostics, ...findBrokenLinks(plan.site, rendered.bodyLinks, (p) => outputs.has(p), this.rules.brokenLinks ?? 'warning'));
    return rendered;
  }

  /** Feeds and sitemaps, static files and image variants, then the output swapped in. */
  async finish(plan: BuildPlan, pagesWritten: number): Promise<BuildResult> {
    await this.timed('feeds and sitemaps', async () => {
      for (const file of plan.generated) await this.writer.write(file.outputPath, file.content());
    });
    await this.timed('copy', () => Promise.all([...this.staticFiles, ...this.imageFiles].map((f) => this.writer.copy(f.sourcePath, f.outputPath))));
    this.rules.onReady?.(this.result(true, pagesWritten));
    await this.timed('commit', () => this.writer.commit());
    return this.result(true, pagesWritten);
  }

  /** Throws the staged output away: the previous output stays as it was. */
  async abort(): Promise<BuildResult> {
    await this.writer.abort();
    return this.result(false, 0);
  }

  private result(ok: boolean, pagesWritten: number): BuildResult {
    const generatedFiles = ok ? this.generatedPaths.length + this.searchFiles : 0;
    const filesCopied = ok ? this.staticFiles.length + this.imageFiles.length : 0;
    return { ok, articles: this.site?.articles.length ?? 0, parsed: this.parsed, site: this.site, staticFiles: this.staticFiles, pagesWritten, generatedFiles, generatedPaths: ok ? this.generatedPaths : [], filesCopied, imagesByArticle: this.imagesByArticle, diagnostics: this.diagnostics, timings: this.timings, search: ok && this.search ? this.search.shape : null };
  }

  /** The threads to use for this much work (routes or files), or null: do it on this thread. */
  private threadsFor(amount: number): BuildThreads | null {
    const { threads } = this.rules;
    return threads && threads.threads > 0 && amount >= threads.minAmount ? threads : null;
  }

  private progress(progress: BuildProgress): void {
    this.rules.onProgress?.(progress);
  }

  private async timed<T>(stage: string, run: () => T | Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await run();
    } finally {
      this.timings[stage] = performance.now() - start;
    }
  }
}
