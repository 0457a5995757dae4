import Tinypool from 'tinypool';
import type { Diagnostic } from '../diagnostics.js';
import { doInOrder } from '../ordered-work.js';
import { unpackBytes, type PackedBytes } from '../packed.js';
import { withBodyBytes } from './article.js';
import { LoadCollector, readAndParse, type LoadListeners, type LoadedArticles, type ParsedFile } from './index.js';
import type { Article, SourceFile } from './types.js';

/** What a parse thread is asked: a chunk of files. */
export interface ParseTask {
  readonly files: readonly SourceFile[];
  readonly timeZone: string;
  readonly withHashes: boolean;
}

/** What a parse thread sends back: each file's outcome, the articles' bodies packed in order. */
export interface ParsedChunk {
  readonly outcomes: readonly { readonly fields: Omit<Article, 'body'> | null; readonly diagnostics: readonly Diagnostic[]; readonly read: ParsedFile['read'] }[];
  readonly bodies: PackedBytes;
}

/** How many files a chunk has. */
const CHUNK_FILES = 256;

/**
 * Reads and parses source files on worker threads and on this thread together, chunk by chunk;
 * outcomes are taken in the order of `files`, so the articles and problems are those of a load on
 * one thread. `compiledDir` is the folder of the compiled modules (lib/).
 */
export async function loadArticlesOnThreads(files: readonly SourceFile[], timeZone: string, listeners: LoadListeners, threads: number, compiledDir?: string): Promise<LoadedArticles> {
  const pool = new Tinypool({ filename: new URL('source/parse-worker.js', compiledDir ?? new URL('..', import.meta.url)).href, minThreads: threads, maxThreads: threads });
  const collector = new LoadCollector(files.length, listeners);
  const withHashes = listeners.onRead !== undefined;
  const chunkOf = (index: number) => files.slice(index * CHUNK_FILES, (index + 1) * CHUNK_FILES);
  const realContentDirs = new Map<string, Promise<string>>();
  try {
    await doInOrder<readonly ParsedFile[]>({
      count: Math.ceil(files.length / CHUNK_FILES),
      threads,
      onThread: async (index) => articlesOf((await pool.run({ files: chunkOf(index), timeZone, withHashes } satisfies ParseTask)) as ParsedChunk),
      here: (index) => readAndParse(chunkOf(index), timeZone, realContentDirs, withHashes),
      take: (outcomes, index) => collector.take(chunkOf(index), outcomes),
    });
  } finally {
    await pool.destroy();
  }
  return { articles: collector.articles, diagnostics: collector.diagnostics };
}

/** A chunk's outcomes with their articles made whole again, bodies kept in the moved buffer. */
function articlesOf(chunk: ParsedChunk): ParsedFile[] {
  const bodies = unpackBytes(chunk.bodies);
  let next = 0;
  return chunk.outcomes.map((outcome) => ({ article: outcome.fields && withBodyBytes(outcome.fields, bodies[next++]!), diagnostics: outcome.diagnostics, read: outcome.read }));
}
