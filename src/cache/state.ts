import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import type { Article } from '../source/types.js';
import { decodeSources, encodeSources, isSourceTable } from './codec.js';

/** Where the site's sources are, to store their paths relative to it. */
interface SitePaths {
  readonly contentDir: string;
  readonly root: string;
}

/** Format of the cache files; a cache of another format is discarded. */
export const CACHE_FORMAT = 2;

/** An article as the cache keeps it: everything but the body, which is read again when needed. */
export type ArticleMeta = Omit<Article, 'body'>;

/** One source file of the last build: its parsed form (null when unpublishable) and fingerprint. */
export interface CachedSource {
  readonly meta: ArticleMeta;
  /** fileStamp() of the file when it was read. */
  readonly stamp: string;
  /** sha1 of its bytes (base64). */
  readonly hash: string;
}

/** A published article's place in the search index. */
export interface CachedSearchEntry {
  readonly key: number;
  readonly digest: string;
  /** Where its distinct terms are in the terms file: byte offset and length. */
  readonly at: number;
  readonly length: number;
  /** What its fragment shows besides the source: link and category name. */
  readonly head: string;
}

/** The search index as the last build wrote it. */
export interface CachedSearch {
  readonly shards: number;
  readonly postings: number;
  /** Published articles by content path. */
  readonly entries: ReadonlyMap<string, CachedSearchEntry>;
}

/** A static file copied by the last build, with the stamp of its source. */
export interface CachedStatic {
  readonly sourcePath: string;
  readonly outputPath: string;
  readonly stamp: string;
}

/** Everything a warm build needs to know about the last build and its output. */
export interface CacheState {
  readonly format: number;
  /** bantin's version, the site's config and its templates: any change means a cold build. */
  readonly key: string;
  /** The last build's "now" (which articles were due). */
  readonly now: number;
  /** When the cache was saved (epoch ms): files touched after it are read again even when their stamps match. */
  readonly savedAt: number;
  readonly sources: ReadonlyMap<string, CachedSource>;
  /** Output path → content hash of every file in the output folder. */
  readonly outputs: Map<string, string>;
  readonly statics: readonly CachedStatic[];
  readonly generatedPaths: readonly string[];
  /** Content path → site paths of the local photos an article shows. */
  readonly photos: ReadonlyMap<string, readonly string[]>;
  readonly search: CachedSearch;
}

/** The files of a build cache folder. */
export function cacheFiles(cacheDir: string): { folder: string; state: string; terms: string } {
  const folder = path.join(cacheDir, 'build');
  return { folder, state: path.join(folder, 'state.bin'), terms: path.join(folder, 'terms.txt') };
}

/** The reason given when there is simply no cache yet (not worth a note). */
export const NO_CACHE_YET = 'no build cache yet';

/** Why a cache could not be used, or its state. */
export type LoadedCache = { state: CacheState } | { reason: string };

/** Reads the cache state; anything unreadable, of another format or for another key is refused with a reason. */
export async function loadCacheState(cacheDir: string, key: string, site: SitePaths): Promise<LoadedCache> {
  let bytes: Buffer;
  try {
    bytes = await readFile(cacheFiles(cacheDir).state);
  } catch {
    return { reason: NO_CACHE_YET };
  }
  let stored: unknown;
  try {
    stored = v8.deserialize(bytes);
  } catch {
    return { reason: 'the build cache is damaged' };
  }
  if ((stored as { format?: unknown } | null)?.format !== CACHE_FORMAT) return { reason: 'the build cache is from another version of bantin' };
  const table = (stored as { sources?: unknown }).sources;
  if (!isSourceTable(table)) return { reason: 'the build cache is damaged' };
  const state = { ...(stored as object), sources: decodeSources(table, site.contentDir, site.root) };
  if (!isCacheState(state)) return { reason: 'the build cache is damaged' };
  if (state.key !== key) return { reason: 'bantin, the config or the templates changed since the last build' };
  return { state };
}

/** Whether a deserialized value has the shape of a CacheState (checked field by field, never trusted). */
function isCacheState(value: unknown): value is CacheState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  const search = state.search as Record<string, unknown> | undefined;
  return (
    typeof state.format === 'number' && typeof state.key === 'string' && typeof state.now === 'number' && typeof state.savedAt === 'number' &&
    state.sources instanceof Map && state.outputs instanceof Map && Array.isArray(state.statics) && Array.isArray(state.generatedPaths) &&
    state.photos instanceof Map && typeof search === 'object' && search !== null && search.entries instanceof Map &&
    typeof search.shards === 'number' && typeof search.postings === 'number'
  );
}

/** Writes the cache state atomically (a crash leaves the old state or none, never half of one). */
export async function saveCacheState(cacheDir: string, state: CacheState, site: SitePaths): Promise<void> {
  const files = cacheFiles(cacheDir);
  await mkdir(files.folder, { recursive: true });
  const temporary = `${files.state}.${process.pid}.tmp`;
  await writeFile(temporary, v8.serialize({ ...state, sources: encodeSources(state.sources, site.contentDir, site.root) }));
  await rename(temporary, files.state);
}

/** Forgets the cache state, before the output is changed in place: until a new state is saved, the next build is cold. */
export async function dropCacheState(cacheDir: string): Promise<void> {
  await rm(cacheFiles(cacheDir).state, { force: true });
}
