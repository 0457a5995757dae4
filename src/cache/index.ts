import { lstat } from 'node:fs/promises';
import { build, type BuildResult, type BuildRules } from '../build.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { fileStamp } from '../source/index.js';
import { BuildLock, type LockOptions } from '../write/build-lock.js';
import { HashingWriter } from '../write/direct-writer.js';
import { StagedWriter } from '../write/staged-writer.js';
import { cacheKey } from './fingerprint.js';
import { cacheFiles, dropCacheState, loadCacheState, saveCacheState, CACHE_FORMAT, type CacheState, type CachedSearchEntry, type CachedSource } from './state.js';
import { metaOf } from './lazy-article.js';
import { TermsFile } from './terms-file.js';
import { warmBuild, type WarmResult } from './warm.js';

export { NO_CACHE_YET } from './state.js';

/** What a build with the build cache did: a cold build (everything) or a warm one (only what changed). */
export type CachedBuildResult = { readonly mode: 'cold'; readonly result: BuildResult; readonly reason: string } | { readonly mode: 'warm'; readonly result: WarmResult };

/**
 * `bantin build` with the build cache: when the cache matches bantin, the config and the templates
 * and the output is the one it describes, only what changed is re-rendered and only files whose
 * bytes changed are written; otherwise a cold build, which then saves a new cache. Holds the output
 * folder's lock throughout; null when another build held it for too long.
 */
export async function cachedBuild(config: ResolvedConfig, configDiagnostics: readonly Diagnostic[], rules: BuildRules, lockOptions: LockOptions): Promise<CachedBuildResult> {
  const lock = await BuildLock.acquire(config.outDir, lockOptions);
  let handedOver = false;
  try {
    const key = await cacheKey(config);
    const loaded = await loadCacheState(config.cacheDir, key, config);
    const reason = 'state' in loaded ? await unusableBecause(config, loaded.state) : loaded.reason;
    if (reason === null && 'state' in loaded) return { mode: 'warm', result: await warmBuild(config, configDiagnostics, loaded.state) };
    await dropCacheState(config.cacheDir);
    handedOver = true;
    return { mode: 'cold', result: await coldBuild(config, configDiagnostics, rules, key, lock), reason: reason ?? '' };
  } finally {
    if (!handedOver) await lock.release();
  }
}

/** Why a loaded cache cannot be used for this build, or null when it can. */
async function unusableBecause(config: ResolvedConfig, state: CacheState): Promise<string | null> {
  if (config.now < state.now && !config.future) return 'this build\'s "now" is earlier than the last build\'s';
  const home = state.outputs.get('index.html');
  const onDisk = await lstat(`${config.outDir}/index.html`).catch(() => null);
  if (home === undefined || onDisk === null) return 'the output folder is not the one the build cache describes';
  return null;
}

/** A full build into a staging folder that records, as it goes, everything the next warm build needs. */
async function coldBuild(config: ResolvedConfig, configDiagnostics: readonly Diagnostic[], rules: BuildRules, key: string, lock: BuildLock): Promise<BuildResult> {
  const terms = await TermsFile.open(cacheFiles(config.cacheDir).terms, true);
  const fingerprints = new Map<string, { stamp: string; hash: string }>();
  const entries = new Map<string, CachedSearchEntry>();
  const hashes = new Map<string, string>();
  const staged = await StagedWriter.open(config.outDir, {}, lock);
  let ready: BuildResult | null = null;
  staged.afterSwap = async () => {
    await terms.close();
    if (ready?.search) await saveCacheState(config.cacheDir, await coldState(config, key, ready, { fingerprints, entries, hashes }), config).catch(() => undefined);
  };
  let result: BuildResult | null = null;
  try {
    return (result = await build(config, new HashingWriter(staged, hashes), configDiagnostics, {
      ...rules,
      onSourceRead: (file, stamp, hash) => fingerprints.set(file.contentPath, { stamp, hash }),
      onSearchEntry: (contentPath, entryKey, record) => entries.set(contentPath, { key: entryKey, digest: record.digest, ...terms.append(record.terms), head: record.head }),
      onReady: (complete) => {
        ready = complete;
      },
    }));
  } finally {
    // a failed build leaves no cache behind: the next build is cold again
    if (!result?.ok) await terms.discard();
  }
}

/** The cache state describing a cold build's output. */
async function coldState(
  config: ResolvedConfig,
  key: string,
  result: BuildResult,
  recorded: { fingerprints: Map<string, { stamp: string; hash: string }>; entries: Map<string, CachedSearchEntry>; hashes: Map<string, string> },
): Promise<CacheState> {
  const sources = new Map<string, CachedSource>();
  // published articles first, newest first: a warm build's sort then finds them in order
  for (const article of [...(result.site?.articles ?? []), ...result.parsed]) {
    if (sources.has(article.source.contentPath)) continue;
    const fingerprint = recorded.fingerprints.get(article.source.contentPath);
    if (fingerprint) sources.set(article.source.contentPath, { meta: metaOf(article), ...fingerprint });
  }
  const statics = await Promise.all(result.staticFiles.map(async (f) => ({ ...f, stamp: await lstat(f.sourcePath).then(fileStamp, () => 'missing') })));
  const photos = new Map((result.site?.articles ?? []).map((a, id) => [a.source.contentPath, result.imagesByArticle[id]?.sitePaths ?? []] as const));
  return {
    format: CACHE_FORMAT,
    key,
    now: config.now,
    savedAt: Date.now(),
    sources,
    outputs: recorded.hashes,
    statics,
    generatedPaths: result.generatedPaths,
    photos,
    search: { ...result.search!, entries: recorded.entries },
  };
}
