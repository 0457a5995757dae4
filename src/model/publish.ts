import type { Article } from '../source/types.js';

/** Which articles a build publishes. */
export interface PublishRules {
  readonly drafts: boolean;
  readonly future: boolean;
  /** Epoch milliseconds: articles after it wait unless `future`. */
  readonly now: number;
}

/** Articles to publish, newest first, ties broken by content path so order never depends on the disk. */
export function publishedArticles(articles: readonly Article[], rules: PublishRules): Article[] {
  return articles
    .filter((a) => (rules.drafts || !a.draft) && (rules.future || a.publishedAt.epochMs <= rules.now))
    .sort(newestFirst);
}

/** Newest first, then by the NFC content path. */
export function newestFirst(a: Article, b: Article): number {
  const byTime = b.publishedAt.epochMs - a.publishedAt.epochMs;
  if (byTime !== 0) return byTime;
  const pa = a.source.contentPath;
  const pb = b.source.contentPath;
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
