import { lstatSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ResolvedConfig } from '../config/types.js';
import { discoverArticles, fileStamp, sourceHash } from '../source/index.js';
import type { SourceFile } from '../source/types.js';
import { planStatic } from '../write/static-files.js';
import type { CacheState, CachedSource } from './state.js';

/** A file's fingerprint: stamp, and the hash of its bytes when it had to be read. */
export interface Fingerprint {
  readonly stamp: string;
  readonly hash: string;
}

/** What changed on disk since the cached build. */
export interface DetectedChanges {
  /** Absolute paths of articles and static files added, changed or deleted (as `bantin dev` would hear of them). */
  readonly paths: string[];
  /** Every article source's fingerprint now, by content path. */
  readonly sources: Map<string, Fingerprint>;
  /** Every static file's stamp now, by source path. */
  readonly statics: Map<string, string>;
}

/** Files touched this close to the cache's saving are read even when their stamps match (a stamp has limited resolution). */
const RACY_MS = 2000;
const STAT_CONCURRENCY = 64;

/** Compares the site's files with the cache: stamps first, bytes when a stamp differs (a fresh git clone changes every stamp). */
export async function detectChanges(config: ResolvedConfig, state: CacheState): Promise<DetectedChanges> {
  const paths: string[] = [];
  const sources = new Map<string, Fingerprint>();
  const found = await discoverArticles(config.contentDir, config.root);
  await inBatches(found, async (file) => {
    const cached = state.sources.get(file.contentPath);
    const now = await fingerprintOf(file, cached, state.savedAt);
    if (now) sources.set(file.contentPath, now);
    if (!now || !cached || now.hash !== cached.hash) paths.push(file.absolutePath);
  });
  const present = new Set(found.map((f) => f.contentPath));
  for (const [contentPath, cached] of state.sources) {
    if (!present.has(contentPath)) paths.push(cached.meta.source.absolutePath);
    else if (dueBetween(cached, state.now, config)) paths.push(cached.meta.source.absolutePath);
  }
  const statics = await staticStamps(config);
  const before = new Map(state.statics.map((f) => [f.sourcePath, f.stamp]));
  for (const [sourcePath, stamp] of statics) if (before.get(sourcePath) !== stamp) paths.push(sourcePath);
  for (const sourcePath of before.keys()) if (!statics.has(sourcePath)) paths.push(sourcePath);
  return { paths: [...new Set(paths)], sources, statics };
}

/**
 * A source's fingerprint, its bytes read only when its stamp is not the cached one (null: unreadable).
 * The stamp is read synchronously: a hundred thousand small lstat calls are several times faster so.
 */
async function fingerprintOf(file: SourceFile, cached: CachedSource | undefined, savedAt: number): Promise<Fingerprint | null> {
  try {
    const stats = lstatSync(file.absolutePath);
    const stamp = fileStamp(stats);
    if (cached && cached.stamp === stamp && stats.mtimeMs < savedAt - RACY_MS) return cached;
    return { stamp, hash: sourceHash(await readFile(file.absolutePath)) };
  } catch {
    return null;
  }
}

/** Whether an article was published under one "now" and not the other (it must be read again). */
function dueBetween(cached: CachedSource, cachedNow: number, config: ResolvedConfig): boolean {
  if (config.future) return false;
  const at = cached.meta.publishedAt.epochMs;
  return (at > cachedNow) !== (at > config.now);
}

/** Stamps of the static files the build would copy now, by source path. */
async function staticStamps(config: ResolvedConfig): Promise<Map<string, string>> {
  const { files } = await planStatic(config, () => false);
  const stamps = new Map<string, string>();
  for (const file of files) {
    try {
      stamps.set(file.sourcePath, fileStamp(lstatSync(file.sourcePath)));
    } catch {
      stamps.set(file.sourcePath, 'missing');
    }
  }
  return stamps;
}

/** Runs `task` over items, a bounded number at a time. */
async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += STAT_CONCURRENCY) {
    await Promise.all(items.slice(start, start + STAT_CONCURRENCY).map(task));
  }
}
