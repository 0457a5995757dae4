import path from 'node:path';
import type { ResolvedConfig } from './config/types.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { buildSiteModel } from './model/index.js';
import { findBrokenLinks } from './model/links.js';
import { renderSite } from './render/index.js';
import { discoverArticles, discoverContentAssets, loadArticles } from './source/index.js';
import { listStaticFiles, mergeStaticFiles } from './write/static-files.js';
import type { Writer } from './write/writer.js';

/** How long each stage took, in milliseconds, in the order they ran. */
export type StageTimings = Record<string, number>;

/** What a build did. On errors nothing was committed and `ok` is false. */
export interface BuildResult {
  readonly ok: boolean;
  readonly articles: number;
  readonly pagesWritten: number;
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
  const result = (ok: boolean, articles = 0, pagesWritten = 0, filesCopied = 0): BuildResult => ({ ok, articles, pagesWritten, filesCopied, diagnostics, timings });

  const sources = await timed('discover', () => discoverArticles(config.contentDir, config.root));
  const loaded = await timed('parse', () => loadArticles(sources, config.timeZone));
  diagnostics.push(...loaded.diagnostics);
  const { site, diagnostics: modelDiagnostics } = await timed('model', () => buildSiteModel(loaded.articles, config));
  diagnostics.push(...modelDiagnostics);
  const statics = await timed('plan static', () => planStatic(config, new Set(site.routes.map((r) => r.outputPath))));
  diagnostics.push(...statics.diagnostics);
  if (hasErrors(diagnostics)) return abort(writer, result(false, site.articles.length));

  const rendered = await timed('render', () => renderSite(site, config, writer));
  diagnostics.push(...rendered.diagnostics);
  const staticPaths = statics.files.map((f) => f.outputPath);
  diagnostics.push(...findBrokenLinks(site, rendered.bodyLinks, staticPaths, options.brokenLinks ?? 'warning'));
  if (hasErrors(diagnostics)) return abort(writer, result(false, site.articles.length));
  await timed('copy', () => Promise.all(statics.files.map((f) => writer.copy(f.sourcePath, f.outputPath))));
  await timed('commit', () => writer.commit());
  return result(true, site.articles.length, rendered.pagesWritten, statics.files.length);
}

async function abort(writer: Writer, result: BuildResult): Promise<BuildResult> {
  await writer.abort();
  return result;
}

/** Static files in override order: theme assets, then the site's template assets, content files, static/. */
async function planStatic(config: ResolvedConfig, pagePaths: ReadonlySet<string>) {
  const themeAssets = await Promise.all([...config.templateDirs].reverse().map((dir) => listStaticFiles(path.join(dir, 'assets'), 'assets/')));
  const contentAssets = (await discoverContentAssets(config.contentDir, config.root)).map((f) => ({ sourcePath: f.absolutePath, outputPath: f.contentPath }));
  const siteStatic = config.staticDir ? await listStaticFiles(config.staticDir, '') : [];
  return mergeStaticFiles([...themeAssets, contentAssets, siteStatic], pagePaths, config.root);
}
