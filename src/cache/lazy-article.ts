import { readFileSync } from 'node:fs';
import { parseArticle, withoutBody } from '../source/article.js';
import { decodeSource } from '../source/encoding.js';
import type { Article, SourceFile } from '../source/types.js';
import type { ArticleMeta } from './state.js';

/**
 * An article restored from the cache: its fields as cached, its body read from the source file the
 * first time something asks for it (only the pages a warm build renders do), then kept.
 */
export function withLazyBody(meta: ArticleMeta, timeZone: string): Article {
  const article = { ...meta };
  Object.defineProperty(article, LAZY_BODY, { value: { source: meta.source, timeZone, body: undefined }, enumerable: false });
  Object.defineProperty(article, 'body', { get: lazyBody, enumerable: true });
  restoredFrom.set(article as Article, meta);
  return article as Article;
}

const LAZY_BODY = Symbol('lazy body');

/** The body of a restored article: read once, then kept (one getter for all, so they share a layout). */
function lazyBody(this: { [LAZY_BODY]: { source: SourceFile; timeZone: string; body: string | undefined } }): string {
  const state = this[LAZY_BODY];
  return (state.body ??= readBody(state.source, state.timeZone));
}

/** The cached fields each restored article was made from, so saving the cache again does not copy them. */
const restoredFrom = new WeakMap<Article, ArticleMeta>();

/** The body of an article whose file is known to be as it was when cached. */
function readBody(source: SourceFile, timeZone: string): string {
  const text = decodeSource(readFileSync(source.absolutePath), source.displayPath);
  const article = typeof text === 'string' ? parseArticle(text, source, timeZone).article : null;
  if (!article) throw new Error(`${source.displayPath} changed while the site was being built: build again`);
  return article.body;
}

/** An article's fields without its body, as the cache keeps them. */
export function metaOf(article: Article): ArticleMeta {
  const restored = restoredFrom.get(article);
  return restored ?? withoutBody(article);
}
