import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics.js';
import { parseArticle } from './article.js';
import type { Article, SourceFile } from './types.js';

export { discoverArticles, discoverContentAssets } from './discover.js';
export type { Article, SourceFile } from './types.js';

/** Every valid article of a set of files, and every problem found in any of them. */
export interface LoadedArticles {
  readonly articles: Article[];
  readonly diagnostics: Diagnostic[];
}

const READ_CONCURRENCY = 64;

/** Reads and parses source files, a bounded number at a time; order follows `files`. */
export async function loadArticles(files: readonly SourceFile[], timeZone: string): Promise<LoadedArticles> {
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let start = 0; start < files.length; start += READ_CONCURRENCY) {
    const batch = files.slice(start, start + READ_CONCURRENCY);
    const texts = await Promise.all(batch.map((file) => readFile(file.absolutePath, 'utf8')));
    batch.forEach((file, i) => {
      const parsed = parseArticle(texts[i]!, file, timeZone);
      if (parsed.article) articles.push(parsed.article);
      diagnostics.push(...parsed.diagnostics);
    });
  }
  return { articles, diagnostics };
}
