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

/** Who hears of a load's progress, and of each file's bytes as read (the build cache fingerprints them). */
export interface LoadListeners {
  readonly onProgress?: (done: number, total: number) => void;
  readonly onRead?: (file: SourceFile, stamp: string, bytes: Uint8Array) => void;
}

/** A file's size and modification time: equal stamps mean the file was not touched. */
export function fileStamp(stats: { size: number | bigint; mtimeMs: number | bigint }): string {
  return `${stats.size}:${stats.mtimeMs}`;
}

/** Reads and parses source files, a bounded number at a time; order follows `files`. */
export async function loadArticles(files: readonly SourceFile[], timeZone: string, listeners: LoadListeners = {}): Promise<LoadedArticles> {
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const realContentDirs = new Map<string, Promise<string>>();
  for (let start = 0; start < files.length; start += READ_CONCURRENCY) {
    const batch = files.slice(start, start + READ_CONCURRENCY);
    const texts = await Promise.all(batch.map((file) => readSource(file, realContentDirs, listeners.onRead)));
    batch.forEach((file, i) => {
      const text = seen.has(file.contentPath) ? sameNameTwice(file) : texts[i]!;
      seen.add(file.contentPath);
      if (typeof text !== 'string') {
        diagnostics.push(text);
        return;
      }
      const parsed = parseArticle(text, file, timeZone);
      if (parsed.article) articles.push(parsed.article);
      diagnostics.push(...parsed.diagnostics);
    });
    listeners.onProgress?.(start + batch.length, files.length);
  }
  return { articles, diagnostics };
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
export async function readSource(file: SourceFile, realContentDirs = new Map<string, Promise<string>>(), onRead?: LoadListeners['onRead']): Promise<string | Diagnostic> {
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
