import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from '../build.js';
import type { ResolvedConfig } from '../config/types.js';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { buildSiteModel, type ArticleId, type SiteModel } from '../model/index.js';
import { findBrokenLinks } from '../model/links.js';
import { TEMPLATE_BY_KIND, createSiteRenderer, type SiteRenderer } from '../render/index.js';
import { loadArticles } from '../source/index.js';
import type { Article, SourceFile } from '../source/types.js';
import { DirectWriter, HashingWriter } from '../write/direct-writer.js';
import { processArticleImages, type ArticleImages } from '../images/article.js';
import { ImageProcessor } from '../images/processor.js';
import type { Route } from '../model/types.js';
import { textBearingFiles } from '../write/outputs.js';
import { SearchIndexWriter } from '../write/search-index.js';
import { plainTextOf } from '../markdown/index.js';
import { SEARCH_INDEX_DIR } from '../search/layout.js';
import { StagedWriter } from '../write/staged-writer.js';
import { mergeStaticFiles, planStatic, type StaticFile } from '../write/static-files.js';
import { classifyChange } from './changes.js';
import { dirtyRoutes } from './dirty.js';
import { pagesShowing, replaceInPlace } from './in-place.js';
import { indexRoutes, type RouteIndex } from './route-inputs.js';
import { pageTemplatesUsing, templateDependencies } from './template-deps.js';
import { settle, syncGenerated, syncStatics, type OutputWriter, type SessionState } from './sync.js';

export type { OutputWriter, SessionState } from './sync.js';

/** What one rebuild did. */
export interface RebuildReport {
  readonly ok: boolean;
  /** Whether the whole site was rebuilt (first build, or recovery from a failed first build). */
  readonly full: boolean;
  readonly pagesRendered: number;
  /** Files whose bytes changed on disk (pages and static files). */
  readonly filesWritten: number;
  readonly filesRemoved: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly milliseconds: number;
}

/** Changes not yet applied to the output: kept across failed rebuilds so nothing is lost. */
interface Pending {
  articles: Set<string>;
  pageTemplates: Set<string>;
  staticPaths: Set<string>;
  failedRoutes: Set<string>;
}

const PAGE_TEMPLATES = [...new Set(Object.values(TEMPLATE_BY_KIND))];

/**
 * A site kept in memory between rebuilds for `bantin dev`: parsed articles, the model, what every
 * page shows and the hash of every output file, so a change re-renders only the pages it affects.
 */
export class SiteSession {
  private articles = new Map<string, Article>();
  private broken = new Map<string, Diagnostic[]>();
  private index: RouteIndex | null = null;
  private model: SiteModel | null = null;
  /** Lookups for in-place edits, made when first needed after each model change. */
  private lookups: { idOf: Map<string, ArticleId>; shownBy: Map<string, string[]> } | null = null;
  private statics: readonly StaticFile[] = [];
  private generatedPaths: readonly string[] = [];
  private searchPaths = new Set<string>();
  /** Whether articles changed since the search index was last written. */
  private searchStale = false;
  private hashes = new Map<string, string>();
  private renderer: SiteRenderer;
  private templateUses: Map<string, Set<string>>;
  private pending: Pending = { articles: new Set(), pageTemplates: new Set(), staticPaths: new Set(), failedRoutes: new Set() };
  private built = false;
  /** Each article's processed images by content path: what its page shows, and which photos it uses. */
  private images = new Map<string, ArticleImages>();
  /** Site paths of the local photos each article shows, by content path: a change to one re-renders it. */
  private photos = new Map<string, readonly string[]>();
  private readonly imageProcessor: ImageProcessor;

  constructor(
    readonly config: ResolvedConfig,
    private readonly configDiagnostics: readonly Diagnostic[] = [],
    private readonly openWriter: (hashes: Map<string, string>) => OutputWriter = (hashes) => new DirectWriter(config.outDir, hashes),
  ) {
    this.renderer = createSiteRenderer(config);
    this.imageProcessor = new ImageProcessor({ contentDir: config.contentDir, staticDir: config.staticDir, root: config.root, cacheDir: path.join(config.cacheDir, 'images') });
    this.templateUses = templateDependencies(PAGE_TEMPLATES, config.templateDirs);
  }

  /** Builds the whole site into the output folder (staged, swapped in on success). */
  async buildAll(): Promise<RebuildReport> {
    const started = performance.now();
    const hashes = new Map<string, string>();
    const result = await build(this.config, new HashingWriter(await StagedWriter.open(this.config.outDir), hashes), this.configDiagnostics);
    if (result.ok && result.site) {
      // what each article's page shows of its photos, for later changes
      const images = new Map(result.site.articles.map((a, id) => [a.source.contentPath, result.imagesByArticle[id]!]));
      const photos = new Map([...images].map(([contentPath, shown]) => [contentPath, shown.sitePaths]));
      await this.resume({ articles: result.parsed, model: result.site, statics: result.staticFiles, generatedPaths: result.generatedPaths, hashes, photos });
      this.images = images;
    }
    const written = result.pagesWritten + result.generatedFiles + result.filesCopied;
    return { ok: result.ok, full: true, pagesRendered: result.pagesWritten, filesWritten: written, filesRemoved: 0, diagnostics: result.diagnostics, milliseconds: performance.now() - started };
  }

  /** Picks up from a build made in another process (the build cache) instead of building everything. */
  async resume(state: SessionState): Promise<void> {
    this.articles = new Map(state.articles.map((a) => [a.source.contentPath, a]));
    this.broken.clear();
    this.index = indexRoutes(state.model, this.config);
    this.model = state.model;
    this.lookups = null;
    this.statics = state.statics;
    this.generatedPaths = state.generatedPaths;
    this.searchPaths = new Set([...state.hashes.keys()].filter((p) => p.startsWith(`${SEARCH_INDEX_DIR}/`)));
    this.searchStale = false;
    this.hashes = state.hashes;
    this.photos = new Map(state.photos);
    this.pending = { articles: new Set(), pageTemplates: new Set(), staticPaths: new Set(), failedRoutes: new Set() };
    this.built = true;
  }

  /** What the session knows now, for the build cache. */
  snapshot(): SessionState | null {
    if (!this.model) return null;
    return { articles: [...this.articles.values()], model: this.model, statics: this.statics, generatedPaths: this.generatedPaths, hashes: this.hashes, photos: this.photos };
  }

  /** Whether the search index lags behind the articles (see refreshSearchIndex). */
  get searchIndexStale(): boolean {
    return this.searchStale;
  }

  /**
   * Rewrites the search index from the current articles. It reads every article, so dev runs it when
   * saves have settled, not on each save; `interrupted` is asked now and then, and a true answer
   * stops the refresh (the index stays stale and is refreshed later). Resolves to whether it finished.
   */
  async refreshSearchIndex(interrupted: () => boolean = () => false): Promise<boolean> {
    const { model } = this;
    if (!model || !this.searchStale) return true;
    const writer = this.openWriter(this.hashes);
    const search = new SearchIndexWriter(model, this.config, writer);
    for (let id = 0; id < model.articles.length; id++) {
      if (id % 200 === 0 && interrupted()) return false;
      await search.add(id, plainTextOf(model.articles[id]!.body));
      if (id % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    }
    await search.finish();
    for (const outputPath of this.searchPaths) if (!search.written.has(outputPath)) await writer.remove(outputPath);
    await writer.commit();
    this.searchPaths = search.written;
    this.searchStale = false;
    return true;
  }

  /** Applies changed files (absolute paths); a config change is the caller's: it needs a new session. */
  async update(changedPaths: Iterable<string>): Promise<RebuildReport> {
    for (const file of changedPaths) await this.note(file);
    if (!this.built) return this.buildAll();
    return this.rebuildIncrementally();
  }

  /** Records one changed file: articles are re-read now, templates and static files at render time. */
  private async note(file: string): Promise<void> {
    const change = classifyChange(file, this.config);
    if (change.kind === 'article') await this.reread(file, change.name);
    if (change.kind === 'template') {
      this.renderer = createSiteRenderer(this.config);
      this.templateUses = templateDependencies(PAGE_TEMPLATES, this.config.templateDirs);
      for (const page of pageTemplatesUsing(new Set([change.name]), this.templateUses)) this.pending.pageTemplates.add(page);
    }
    if (change.kind === 'static' || change.kind === 'asset') {
      this.pending.staticPaths.add(file);
      this.articlesShowingPhoto(`/${change.name}`).forEach((contentPath) => this.pending.articles.add(contentPath));
    }
    if (change.kind === 'asset' && !existsSync(file)) {
      // a deleted folder: chokidar may report only the folder, so forget the articles inside it
      const folder = `${change.name}/`;
      for (const contentPath of [...this.articles.keys(), ...this.broken.keys()]) {
        if (contentPath.startsWith(folder)) await this.reread(`${file}${path.sep}${contentPath.slice(folder.length)}`, contentPath);
      }
    }
  }

  private async reread(file: string, contentPath: string): Promise<void> {
    this.pending.articles.add(contentPath);
    this.searchStale = true;
    this.articles.delete(contentPath);
    this.broken.delete(contentPath);
    if (!existsSync(file)) return;
    const source: SourceFile = { absolutePath: file, contentPath, displayPath: path.relative(this.config.root, file).split(path.sep).join('/').normalize('NFC') };
    // the same reading as a build: encoding, symbolic links and paths outside content/ are checked
    const { articles: [article], diagnostics } = await loadArticles([source], this.config.timeZone);
    if (article && !hasErrors(diagnostics)) this.articles.set(contentPath, article);
    else this.broken.set(contentPath, [...diagnostics]);
  }

  private async rebuildIncrementally(): Promise<RebuildReport> {
    const started = performance.now();
    const fail = (diagnostics: Diagnostic[]) => ({ ok: false, full: false, pagesRendered: 0, filesWritten: 0, filesRemoved: 0, diagnostics, milliseconds: performance.now() - started });
    const diagnostics = [...this.broken.values()].flat();
    if (hasErrors(diagnostics)) return fail(diagnostics);
    const inPlace = await this.rebuildInPlace(started);
    if (inPlace) return inPlace;
    const { site, diagnostics: modelDiagnostics } = buildSiteModel([...this.articles.values()], this.config);
    diagnostics.push(...modelDiagnostics);
    const index = indexRoutes(site, this.config);
    const isPage = (outputPath: string) => index.routes.has(outputPath);
    // static files are listed again only when one changed; either way none may take a page's path
    const statics = this.pending.staticPaths.size > 0 ? await planStatic(this.config, isPage) : mergeStaticFiles([this.statics], isPage, this.config.root);
    diagnostics.push(...statics.diagnostics);
    if (hasErrors(diagnostics)) return fail(diagnostics);

    const dirty = dirtyRoutes(this.index, index, { articles: this.pending.articles, pageTemplates: this.pending.pageTemplates }, (route) => TEMPLATE_BY_KIND[route.kind]);
    const failedBefore = [...this.pending.failedRoutes].map((p) => index.routes.get(p)?.route).filter((r) => r !== undefined);
    const toRender = [...new Set([...dirty.render, ...failedBefore])];
    const writer = this.openWriter(this.hashes);
    const images = await this.imagesFor(site, toRender, writer);
    diagnostics.push(...images.diagnostics);
    const rendered = await this.renderer.render(site, toRender, writer, { imagesOf: images.of });
    const staticOutputs = new Set(statics.files.map((f) => f.outputPath));
    diagnostics.push(...rendered.diagnostics, ...findBrokenLinks(site, rendered.bodyLinks, (p) => index.routes.has(p) || staticOutputs.has(p), 'warning'));
    const removed = dirty.remove.filter((p) => !staticOutputs.has(p));
    for (const outputPath of removed) await writer.remove(outputPath);
    const removedStatics = await syncStatics(this.statics, statics.files, this.pending.staticPaths, writer, index);
    const generated = await syncGenerated(site, this.config, this.generatedPaths, index, staticOutputs, writer);
    this.generatedPaths = generated.paths;
    diagnostics.push(...generated.diagnostics);

    this.index = index;
    this.model = site;
    this.lookups = null;
    this.statics = statics.files;
    this.pending = { articles: new Set(), pageTemplates: new Set(), staticPaths: new Set(), failedRoutes: new Set(rendered.failedRoutes.map((r) => r.outputPath)) };
    const ok = await settle(writer, diagnostics);
    return { ok, full: false, pagesRendered: rendered.pagesWritten, filesWritten: writer.written, filesRemoved: removed.length + removedStatics + generated.removed, diagnostics, milliseconds: performance.now() - started };
  }

  /**
   * The common edit, a fix to an article's text that leaves it where it stands: swap it into the
   * model and render the pages that show it, without rebuilding lists. Null when that does not apply.
   */
  private async rebuildInPlace(started: number): Promise<RebuildReport | null> {
    const { model, index, pending } = this;
    if (!model || !index || pending.pageTemplates.size > 0 || pending.staticPaths.size > 0 || pending.failedRoutes.size > 0) return null;
    this.lookups ??= { idOf: new Map(model.articles.map((a, id) => [a.source.contentPath, id])), shownBy: pagesShowing(index) };
    const edited = new Map([...pending.articles].map((contentPath) => [contentPath, this.articles.get(contentPath)]));
    const site = replaceInPlace(model, edited, this.lookups.idOf);
    if (!site) return null;
    const outputs = new Set([...pending.articles].flatMap((contentPath) => this.lookups!.shownBy.get(contentPath) ?? []));
    const writer = this.openWriter(this.hashes);
    const routes = [...outputs].map((p) => index.routes.get(p)!.route);
    const images = await this.imagesFor(site, routes, writer);
    const rendered = await this.renderer.render(site, routes, writer, { imagesOf: images.of });
    const staticOutputs = new Set(this.statics.map((f) => f.outputPath));
    for (const file of await textBearingFiles(site, this.config)) await writer.write(file.outputPath, file.content());
    const diagnostics = [...images.diagnostics, ...rendered.diagnostics, ...findBrokenLinks(site, rendered.bodyLinks, (p) => index.routes.has(p) || staticOutputs.has(p), 'warning')];
    this.model = site;
    this.pending = { articles: new Set(), pageTemplates: new Set(), staticPaths: new Set(), failedRoutes: new Set(rendered.failedRoutes.map((r) => r.outputPath)) };
    const ok = await settle(writer, diagnostics);
    return { ok, full: false, pagesRendered: rendered.pagesWritten, filesWritten: writer.written, filesRemoved: 0, diagnostics, milliseconds: performance.now() - started };
  }

  /**
   * Processes the images of the articles about to be rendered (again for changed ones; the
   * processor's cache makes the rest cheap), copies their files, and gives the renderer a lookup.
   */
  private async imagesFor(site: SiteModel, routes: readonly Route[], writer: OutputWriter) {
    const diagnostics: Diagnostic[] = [];
    for (const route of routes) {
      if (route.kind !== 'article') continue;
      const article = site.articles[route.articleId]!;
      const contentPath = article.source.contentPath;
      if (this.images.has(contentPath) && !this.pending.articles.has(contentPath)) continue;
      const images = await processArticleImages(this.imageProcessor, article, { basePath: this.config.basePath, severity: 'error' });
      for (const file of images.files) await writer.copy(file.sourcePath, file.outputPath);
      diagnostics.push(...images.diagnostics);
      this.images.set(contentPath, images);
      this.photos.set(contentPath, images.sitePaths);
    }
    return { diagnostics, of: (id: ArticleId) => this.images.get(site.articles[id]!.source.contentPath) };
  }

  /** Content paths of the articles that show a photo (a site path such as "/thoi-su/anh/x.jpg"). */
  private articlesShowingPhoto(sitePath: string): string[] {
    return [...this.photos].filter(([, sitePaths]) => sitePaths.includes(sitePath)).map(([contentPath]) => contentPath);
  }

}
