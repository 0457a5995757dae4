import { createHash } from 'node:crypto';
import { lstat, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { parseArticle } from './article.js';
import { decodeSource } from './encoding.js';
import type { Article, SourceFile } from './types.js';

export { discoverArticles, discoverContentAssets } from './discover.js';
export type { Article, SourceFile } from './types.js';

/** Every valid article of a set of files, and every problem found in any of them. */
export interface LoadedArticles {
  readonly articles: Article[];
  readonly diagnostics: Diagnostic[];
}

const READ_CONCURRENCY = 64;

/** Who hears of a load's progress, and of each file's stamp and content hash as read (the build cache fingerprints them). */
export interface LoadListeners {
  readonly onProgress?: (done: number, total: number) => void;
  readonly onRead?: (file: SourceFile, stamp: string, hash: string) => void;
}

/** A file's size and modification time: equal stamps mean the file was not touched. */
export function fileStamp(stats: { size: number | bigint; mtimeMs: number | bigint }): string {
  return `${stats.size}:${stats.mtimeMs}`;
}

/** sha1 of a source file's bytes, base64: how the build cache tells its content. */
export function sourceHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** One file read and parsed: its article when valid, its problems, and its stamp and hash when it was read (and asked for). */
export interface ParsedFile {
  readonly article: Article | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly read: { readonly stamp: string; readonly hash: string } | null;
}

/** Reads and parses files, a bounded number at a time; outcomes follow `files`. */
export async function readAndParse(files: readonly SourceFile[], timeZone: string, realContentDirs: Map<string, Promise<string>>, withHashes: boolean): Promise<ParsedFile[]> {
  const outcomes: ParsedFile[] = [];
  for (let start = 0; start < files.length; start += READ_CONCURRENCY) {
    const batch = files.slice(start, start + READ_CONCURRENCY);
    const reads = batch.map(() => ({ value: null as ParsedFile['read'] }));
    const texts = await Promise.all(batch.map((file, i) => readSource(file, realContentDirs, withHashes ? (_file, stamp, bytes) => (reads[i]!.value = { stamp, hash: sourceHash(bytes) }) : undefined)));
    batch.forEach((file, i) => {
      const text = texts[i]!;
      const parsed = typeof text === 'string' ? parseArticle(text, file, timeZone) : { article: null, diagnostics: [text] };
      outcomes.push({ article: parsed.article, diagnostics: parsed.diagnostics, read: reads[i]!.value });
    });
  }
  return outcomes;
}

/** Gathers parsed files in order into a load's articles and problems, telling the listeners. */
export class LoadCollector {
  readonly articles: Article[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  private done = 0;

  constructor(private readonly total: number, private readonly listeners: LoadListeners) {}

  /** Takes the outcomes of the next files of the load. */
  take(files: readonly SourceFile[], outcomes: readonly ParsedFile[]): void {
    files.forEach((file, i) => {
      const outcome = outcomes[i]!;
      if (outcome.read) this.listeners.onRead?.(file, outcome.read.stamp, outcome.read.hash);
      if (this.seen.has(file.contentPath)) {
        this.diagnostics.push(sameNameTwice(file));
        return;
      }
      this.seen.add(file.contentPath);
      if (outcome.article) this.articles.push(outcome.article);
      this.diagnostics.push(...outcome.diagnostics);
    });
    this.done += files.length;
    this.listeners.onProgress?.(this.done, this.total);
  }
}

/** Reads and parses source files on this thread; order follows `files`. */
export async function loadArticles(files: readonly SourceFile[], timeZone: string, listeners: LoadListeners = {}): Promise<LoadedArticles> {
  const collector = new LoadCollector(files.length, listeners);
  const realContentDirs = new Map<string, Promise<string>>();
  for (let start = 0; start < files.length; start += READ_CONCURRENCY) {
    const batch = files.slice(start, start + READ_CONCURRENCY);
    collector.take(batch, await readAndParse(batch, timeZone, realContentDirs, listeners.onRead !== undefined));
  }
  return { articles: collector.articles, diagnostics: collector.diagnostics };
}

/** Two files whose names differ only in Unicode form ("ế" composed or decomposed): one identity, so one must go. */
function sameNameTwice(file: SourceFile): Diagnostic {
  return error('two files have this name, written in different Unicode forms (composed and decomposed letters)', {
    file: file.displayPath,
    hint: 'Rename or remove one of them: macOS and Windows see the two names as one file.',
  });
}

const NOT_FOLLOWED_HINT = 'Copy the file into the content folder instead of linking to it.';

/**
 * A source file's text, or why it was not read: a symbolic link (never followed, wherever it
 * points), a file whose real path is outside the content folder, unreadable or non-text bytes.
 */
export async function readSource(file: SourceFile, realContentDirs = new Map<string, Promise<string>>(), onRead?: (file: SourceFile, stamp: string, bytes: Uint8Array) => void): Promise<string | Diagnostic> {
  const where = { file: file.displayPath };
  try {
    const stats = await lstat(file.absolutePath);
    if (stats.isSymbolicLink()) {
      return warning('the file is a symbolic link, which bantin does not follow: it was left out', { ...where, hint: NOT_FOLLOWED_HINT });
    }
    if (!(await isInsideContent(file, realContentDirs))) {
      return warning('the file is outside the content folder (reached through a symbolic link): it was left out', { ...where, hint: NOT_FOLLOWED_HINT });
    }
    const bytes = await readFile(file.absolutePath);
    onRead?.(file, fileStamp(stats), bytes);
    return decodeSource(bytes, file.displayPath);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
    return error(`the file cannot be read (${code})`, { ...where, hint: 'Check that it is a file and that you may read it.' });
  }
}

/** Whether a file's real path, links resolved, lies inside the real content folder (real paths of content folders cached). */
async function isInsideContent(file: SourceFile, realContentDirs: Map<string, Promise<string>>): Promise<boolean> {
  let contentDir = file.absolutePath;
  const depth = file.contentPath.split('/').length;
  for (let i = 0; i < depth; i++) contentDir = path.dirname(contentDir);
  if (!realContentDirs.has(contentDir)) realContentDirs.set(contentDir, realpath(contentDir));
  const [real, realContent] = await Promise.all([realpath(file.absolutePath), realContentDirs.get(contentDir)!]);
  return real.startsWith(realContent.endsWith(path.sep) ? realContent : realContent + path.sep);
}
