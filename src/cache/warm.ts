import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { buildSiteModel } from '../model/index.js';
import { classifyChange } from '../watch/changes.js';
import { SiteSession, type SessionState } from '../watch/session.js';
import { BufferedWriter } from '../write/direct-writer.js';
import { detectChanges, type DetectedChanges } from './changes.js';
import { withLazyBody, metaOf } from './lazy-article.js';
import { updateSearchIndex } from './search.js';
import { cacheFiles, dropCacheState, saveCacheState, type CacheState, type CachedSource } from './state.js';
import { TermsFile } from './terms-file.js';

/** What a warm build did. */
export interface WarmResult {
  readonly ok: boolean;
  /** Published articles. */
  readonly articles: number;
  /** Files added, changed or deleted since the last build (articles and static files). */
  readonly changedSources: number;
  readonly pagesRendered: number;
  /** Files whose bytes changed on disk, and files deleted. */
  readonly filesWritten: number;
  readonly filesRemoved: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: Record<string, number>;
}

/**
 * Brings the output up to date from the build cache: finds the files that changed, lets a site
 * session (the same dependency rules as `bantin dev`) re-render the pages they affect, updates the
 * search index article by article, and saves the new cache. The output is changed only when the
 * build has no error; until the new cache is saved, none is on disk, so a crash means a cold build next.
 */
export async function warmBuild(config: ResolvedConfig, configDiagnostics: readonly Diagnostic[], state: CacheState): Promise<WarmResult> {
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = performance.now() - start;
    }
  };
  const changes = await timed('find changes', () => detectChanges(config, state));
  const published = state.search.entries.size;
  if (changes.paths.length === 0) return { ok: true, articles: published, changedSources: 0, pagesRendered: 0, filesWritten: 0, filesRemoved: 0, diagnostics: configDiagnostics, timings };
  const session = new SiteSession(config, configDiagnostics, (hashes) => new BufferedWriter(config.outDir, hashes));
  await timed('restore', () => session.resume(restoredState(config, state)));
  await dropCacheState(config.cacheDir);
  const report = await timed('render', () => session.update(changes.paths));
  const snapshot = session.snapshot();
  if (!report.ok || !snapshot) {
    await saveCacheState(config.cacheDir, state, config);
    return { ok: false, articles: published, changedSources: changes.paths.length, pagesRendered: 0, filesWritten: 0, filesRemoved: 0, diagnostics: report.diagnostics, timings };
  }
  const terms = await TermsFile.open(cacheFiles(config.cacheDir).terms, false);
  const writer = new BufferedWriter(config.outDir, snapshot.hashes);
  try {
    const changed = new Set(changes.paths.map((file) => classifyChange(file, config)).filter((c) => c.kind === 'article').map((c) => c.name));
    // only a changed article can change the index: the config and templates are as they were
    const search = changed.size === 0 ? state.search : await timed('search index', () => updateSearchIndex({ site: snapshot.model, config, cached: state.search, changed, terms, writer }));
    await timed('write', () => writer.commit());
    await timed('save cache', () => saveCacheState(config.cacheDir, nextState(config, state, snapshot, changes, search), config));
  } finally {
    await terms.close();
  }
  const filesWritten = report.filesWritten + writer.written;
  return { ok: true, articles: snapshot.model.articles.length, changedSources: changes.paths.length, pagesRendered: report.pagesRendered, filesWritten, filesRemoved: report.filesRemoved, diagnostics: report.diagnostics, timings };
}

/** The last build's session state from the cache: articles with bodies read on demand, its model rebuilt as it was. */
function restoredState(config: ResolvedConfig, state: CacheState): SessionState {
  const articles = [...state.sources.values()].map((source) => withLazyBody(source.meta, config.timeZone));
  const { site } = buildSiteModel(articles, { ...config, now: state.now });
  const statics = state.statics.map(({ sourcePath, outputPath }) => ({ sourcePath, outputPath }));
  return { articles, model: site, statics, generatedPaths: state.generatedPaths, hashes: state.outputs, photos: state.photos };
}

/** The cache state after a warm build. */
function nextState(config: ResolvedConfig, state: CacheState, snapshot: SessionState, changes: DetectedChanges, search: CacheState['search']): CacheState {
  const sources = new Map<string, CachedSource>();
  // published articles first, newest first: the next build's sort then finds them in order
  for (const article of [...snapshot.model.articles, ...snapshot.articles]) {
    if (sources.has(article.source.contentPath)) continue;
    const fingerprint = changes.sources.get(article.source.contentPath);
    if (fingerprint) sources.set(article.source.contentPath, { meta: metaOf(article), stamp: fingerprint.stamp, hash: fingerprint.hash });
  }
  const statics = snapshot.statics.map((f) => ({ ...f, stamp: changes.statics.get(f.sourcePath) ?? 'missing' }));
  return { ...state, now: config.now, savedAt: Date.now(), sources, outputs: snapshot.hashes, statics, generatedPaths: snapshot.generatedPaths, photos: snapshot.photos, search };
}
