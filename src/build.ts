import path from 'node:path';
import type { ResolvedConfig } from './config/types.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { buildSiteModel, type SiteModel } from './model/index.js';
import { generatedCollisions, planGeneratedFiles } from './write/outputs.js';
import { SearchIndexWriter, searchIndexCollisions } from './write/search-index.js';
import { processSiteImages } from './images/article.js';
import { ImageProcessor } from './images/processor.js';
import { findBrokenLinks } from './model/links.js';
import { renderSite } from './render/index.js';
import { discoverArticles, discoverContentAssets, loadArticles, type Article } from './source/index.js';
import { listStaticFiles, mergeStaticFiles, type StaticFile } from './write/static-files.js';
import type { Writer } from './write/writer.js';

/** How long each stage took, in milliseconds, in the order they ran. */
export type StageTimings = Record<string, number>;

/** What a build did. On errors nothing was committed and `ok` is false. */
export interface BuildResult {
  readonly ok: boolean;
  /** Published articles. */
  readonly articles: number;
  /** Every valid article read, published or not. */
  readonly parsed: readonly Article[];
  /** The site model, when the build got that far. */
  readonly site: SiteModel | null;
  readonly staticFiles: readonly StaticFile[];
  readonly pagesWritten: number;
  /** Feeds, sitemaps, robots.txt and search index files written. */
  readonly generatedFiles: number;
  /** Their output paths. */
  readonly generatedPaths: readonly string[];
  readonly filesCopied: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: StageTimings;
}

/** How strict a build is. */
export interface BuildRules {
  /** Whether a link to no page of the site is an error (check) or a warning (build). */
  readonly brokenLinks?: Diagnostic['severity'];
}

/** The build recipe: discover → parse → model → render → copy → commit, each stage timed. */
export async function build(
  config: ResolvedConfig,
  writer: Writer,
  configDiagnostics: readonly Diagnostic[] = [],
  options: BuildRules = {},
): Promise<BuildResult> {
  const timings: StageTimings = {};
  const timed = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = performance.now() - start;
    }
  };
  const diagnostics: Diagnostic[] = [...configDiagnostics];
  let parsed: readonly Article[] = [];
  let site: SiteModel | null = null;
  let staticFiles: readonly StaticFile[] = [];
  let generatedPaths: string[] = [];
  let searchFileCount = 0;
  let imageFiles: readonly StaticFile[] = [];
  const result = (ok: boolean, pagesWritten = 0): BuildResult =>
    ({ ok, articles: site?.articles.length ?? 0, parsed, site, staticFiles, pagesWritten, generatedFiles: ok ? generatedPaths.length + searchFileCount : 0, generatedPaths: ok ? generatedPaths : [], filesCopied: ok ? staticFiles.length + imageFiles.length : 0, diagnostics, timings });

  const sources = await timed('discover', () => discoverArticles(config.contentDir, config.root));
  const loaded = await timed('parse', () => loadArticles(sources, config.timeZone));
  diagnostics.push(...loaded.diagnostics);
  parsed = loaded.articles;
  const model = await timed('model', () => buildSiteModel(loaded.articles, config));
  site = model.site;
  diagnostics.push(...model.diagnostics);
  const statics = await timed('plan static', () => planStatic(config, new Set(model.site.routes.map((r) => r.outputPath))));
  staticFiles = statics.files;
  diagnostics.push(...statics.diagnostics);
  const generated = await timed('plan feeds and sitemaps', () => planGeneratedFiles(model.site, config, new Set(staticFiles.map((f) => f.outputPath))));
  diagnostics.push(...generated.diagnostics, ...generatedCollisions(model.site.routes, staticFiles, generated.files));
  diagnostics.push(...searchIndexCollisions([...model.site.routes, ...staticFiles.map((f) => ({ outputPath: f.outputPath, source: f.sourcePath }))]));
  generatedPaths = generated.files.map((f) => f.outputPath);
  if (hasErrors(diagnostics)) return abort(writer, result(false));

  try {
    return await renderAndCommit();
  } catch (cause) {
    // a disk or programming error: leave the previous output as it was, then let it surface
    await writer.abort();
    throw cause;
  }

  async function renderAndCommit(): Promise<BuildResult> {
    const processor = new ImageProcessor({ contentDir: config.contentDir, staticDir: config.staticDir, root: config.root, cacheDir: path.join(config.root, '.bantin-cache', 'images') });
    const images = await timed('images', () => processSiteImages(processor, model.site.articles, { basePath: config.basePath, severity: 'error' }));
    diagnostics.push(...images.diagnostics);
    if (hasErrors(diagnostics)) return abort(writer, result(false));
    imageFiles = images.files;
    const search = new SearchIndexWriter(model.site, config, writer);
    const hooks = { onArticleText: (id: number, text: string) => search.add(id, text), imagesOf: (id: number) => images.byArticle[id] };
    const rendered = await timed('render and index', () => renderSite(model.site, config, writer, hooks));
    searchFileCount = await timed('search index', () => search.finish());
    diagnostics.push(...rendered.diagnostics);
    const outputs = new Set([...model.site.routes.map((r) => r.outputPath), ...staticFiles.map((f) => f.outputPath)]);
    diagnostics.push(...findBrokenLinks(model.site, rendered.bodyLinks, (p) => outputs.has(p), options.brokenLinks ?? 'warning'));
    if (hasErrors(diagnostics)) return abort(writer, result(false));
    await timed('feeds and sitemaps', async () => {
      for (const file of generated.files) await writer.write(file.outputPath, file.content());
    });
    await timed('copy', () => Promise.all([...staticFiles, ...imageFiles].map((f) => writer.copy(f.sourcePath, f.outputPath))));
    await timed('commit', () => writer.commit());
    return result(true, rendered.pagesWritten);
  }
}

async function abort(writer: Writer, result: BuildResult): Promise<BuildResult> {
  await writer.abort();
  return result;
}

/** Static files in override order: theme assets, then the site's template assets, content files, static/. */
export async function planStatic(config: ResolvedConfig, pagePaths: ReadonlySet<string>) {
  const themeAssets = await Promise.all([...config.templateDirs].reverse().map((dir) => listStaticFiles(path.join(dir, 'assets'), 'assets/')));
  const contentAssets = (await discoverContentAssets(config.contentDir, config.root)).map((f) => ({ sourcePath: f.absolutePath, outputPath: f.contentPath }));
  const siteStatic = config.staticDir ? await listStaticFiles(config.staticDir, '') : [];
  return mergeStaticFiles([...themeAssets, contentAssets, siteStatic], pagePaths, config.root);
}
