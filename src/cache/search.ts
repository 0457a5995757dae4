import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { plainTextOf } from '../markdown/index.js';
import type { SiteModel } from '../model/types.js';
import { metaFile, searchFragment } from '../search/builder.js';
import { tokenize } from '../search/fold.js';
import { SEARCH_INDEX_DIR, docFilePath, shardFilePath } from '../search/layout.js';
import { updateTermFiles, type KeyedTerms } from '../search/update.js';
import { BufferedWriter, contentHash } from '../write/direct-writer.js';
import { SearchIndexWriter, searchEntryOf, searchHead } from '../write/search-index.js';
import type { CachedSearch, CachedSearchEntry } from './state.js';
import type { TermsFile } from './terms-file.js';

/** The search index of a site, kept current article by article from the cache. */
export interface SearchUpdateInput {
  readonly site: SiteModel;
  readonly config: ResolvedConfig;
  readonly cached: CachedSearch;
  /** Content paths of the articles whose source changed. */
  readonly changed: ReadonlySet<string>;
  readonly terms: TermsFile;
  readonly writer: BufferedWriter;
}

/**
 * Re-indexes only the articles that changed, moved or appeared, and takes out those gone: their
 * fragments and the term files their old and new terms fall in are written, nothing else. When
 * the number of term files would change, or the cache and the output disagree, the whole index is
 * written again (the writer still skips the files whose bytes stay the same).
 */
export async function updateSearchIndex(input: SearchUpdateInput): Promise<CachedSearch> {
  const { site, config, cached, terms, writer } = input;
  const count = site.articles.length;
  const entries = new Map<string, CachedSearchEntry>();
  const added: KeyedTerms[] = [];
  for (let id = 0; id < count; id++) {
    const contentPath = site.articles[id]!.source.contentPath;
    const key = count - 1 - id;
    const old = cached.entries.get(contentPath);
    if (old && old.key === key && !input.changed.has(contentPath) && old.head === searchHead(site, id)) {
      entries.set(contentPath, old);
      continue;
    }
    const fragment = searchFragment(key, searchEntryOf(site, id, plainTextOf(site.articles[id]!.body)), config.basePath);
    const articleTerms = distinctTerms(fragment.indexText);
    entries.set(contentPath, { key, digest: fragment.digest, ...terms.append(articleTerms), head: searchHead(site, id) });
    added.push({ key, terms: articleTerms });
    await writer.write(fragment.file.outputPath, fragment.file.content());
  }
  const removed = await removedEntries(cached, entries, terms);
  if (removed === null) return rebuildSearchIndex(input);
  const readShard = async (shard: number) => trustedOutput(writer, config.outDir, shardFilePath(shard));
  const update = await updateTermFiles({ shards: cached.shards, postings: cached.postings, removed, added, readShard });
  if (update === null) return rebuildSearchIndex(input);
  for (const [shard, text] of update.files) await writer.write(shardFilePath(shard), text);
  for (const { key } of removed) if (key >= count) await writer.remove(docFilePath(key));
  const digests = [...entries.values()].sort((a, b) => a.key - b.key).map((e) => e.digest);
  const meta = metaFile(count, cached.shards, digests);
  await writer.write(meta.outputPath, meta.content());
  return { shards: cached.shards, postings: update.postings, entries };
}

/** Old entries no longer in the index under the same key, with their terms (null when the terms file is damaged). */
async function removedEntries(cached: CachedSearch, entries: ReadonlyMap<string, CachedSearchEntry>, terms: TermsFile): Promise<KeyedTerms[] | null> {
  const removed: KeyedTerms[] = [];
  for (const [contentPath, old] of cached.entries) {
    if (entries.get(contentPath) === old) continue;
    const oldTerms = await terms.read(old.at, old.length);
    if (oldTerms === null) return null;
    removed.push({ key: old.key, terms: oldTerms });
  }
  return removed;
}

/** Writes the whole index again from every article (their bodies are read), recording each in the terms file. */
async function rebuildSearchIndex({ site, config, terms, writer }: SearchUpdateInput): Promise<CachedSearch> {
  const entries = new Map<string, CachedSearchEntry>();
  const search = new SearchIndexWriter(site, config, writer, (id, record) => {
    entries.set(site.articles[id]!.source.contentPath, { key: site.articles.length - 1 - id, digest: record.digest, ...terms.append(record.terms), head: record.head });
  });
  for (let id = 0; id < site.articles.length; id++) await search.add(id, plainTextOf(site.articles[id]!.body));
  await search.finish();
  const stale = [...writer.hashes.keys()].filter((p) => p.startsWith(`${SEARCH_INDEX_DIR}/`) && !search.written.has(p));
  for (const outputPath of stale) await writer.remove(outputPath);
  return { ...search.shape, entries };
}

/** An article's distinct terms, as the index builder counts them. */
function distinctTerms(text: string): string[] {
  return [...new Set(tokenize(text))];
}

/** A file of the output as the last build wrote it, or null when its bytes are not the recorded ones. */
async function trustedOutput(writer: BufferedWriter, outDir: string, outputPath: string): Promise<string | null> {
  const recorded = writer.hashes.get(outputPath);
  if (recorded === undefined) return null;
  const bytes = await readFile(path.join(outDir, ...outputPath.split('/'))).catch(() => null);
  if (bytes === null || contentHash(bytes) !== recorded) return null;
  return bytes.toString('utf8');
}
