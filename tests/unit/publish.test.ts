import { describe, expect, it } from 'vitest';
import { newestFirst, publishedArticles } from '../../src/model/publish.js';
import type { Article } from '../../src/source/types.js';
import { makeArticle as makeArticleFrom } from '../helpers/article.js';

function makeArticle(contentPath: string, at: string, draft = false): Article {
  return makeArticleFrom({ contentPath, at, draft });
}

const NOW = Date.UTC(2024, 8, 20, 0, 0); // 2024-09-20 07:00 in Asia/Ho_Chi_Minh

const old = makeArticle('thoi-su/cu.md', '2024-01-01 08:00');
const mid = makeArticle('thoi-su/giua.md', '2024-09-13 18:13');
const tieB = makeArticle('thoi-su/b.md', '2024-09-13 18:13');
const draft = makeArticle('thoi-su/nhap.md', '2024-09-15 10:00', true);
const future = makeArticle('thoi-su/sap-toi.md', '2024-12-01 09:00');
const futureDraft = makeArticle('thoi-su/sap-toi-nhap.md', '2025-01-01 09:00', true);
const exactlyNow = makeArticle('thoi-su/bay-gio.md', '2024-09-20T00:00:00Z');
const justAfterNow = makeArticle('thoi-su/ngay-sau.md', '2024-09-20T00:00:01Z');
const ALL = [old, future, mid, draft, futureDraft, tieB, exactlyNow, justAfterNow];
const paths = (articles: readonly Article[]) => articles.map((a) => a.source.contentPath);

describe('publishedArticles', () => {
  it('leaves out drafts and future articles by default, newest first', () => {
    expect(paths(publishedArticles(ALL, { drafts: false, future: false, now: NOW }))).toEqual([
      'thoi-su/bay-gio.md',
      'thoi-su/b.md',
      'thoi-su/giua.md',
      'thoi-su/cu.md',
    ]);
  });

  it('includes drafts when asked', () => {
    expect(paths(publishedArticles(ALL, { drafts: true, future: false, now: NOW }))).toEqual([
      'thoi-su/bay-gio.md',
      'thoi-su/nhap.md',
      'thoi-su/b.md',
      'thoi-su/giua.md',
      'thoi-su/cu.md',
    ]);
  });

  it('includes future articles when asked', () => {
    expect(paths(publishedArticles(ALL, { drafts: false, future: true, now: NOW }))).toEqual([
      'thoi-su/sap-toi.md',
      'thoi-su/ngay-sau.md',
      'thoi-su/bay-gio.md',
      'thoi-su/b.md',
      'thoi-su/giua.md',
      'thoi-su/cu.md',
    ]);
  });

  it('includes everything with both flags', () => {
    expect(paths(publishedArticles(ALL, { drafts: true, future: true, now: NOW }))).toEqual([
      'thoi-su/sap-toi-nhap.md',
      'thoi-su/sap-toi.md',
      'thoi-su/ngay-sau.md',
      'thoi-su/bay-gio.md',
      'thoi-su/nhap.md',
      'thoi-su/b.md',
      'thoi-su/giua.md',
      'thoi-su/cu.md',
    ]);
  });

  it('gives the same order whatever the input order', () => {
    const rules = { drafts: true, future: true, now: NOW };
    const expected = paths(publishedArticles(ALL, rules));
    expect(paths(publishedArticles([...ALL].reverse(), rules))).toEqual(expected);
    for (let shift = 1; shift < ALL.length; shift++) {
      const rotated = [...ALL.slice(shift), ...ALL.slice(0, shift)];
      expect(paths(publishedArticles(rotated, rules))).toEqual(expected);
    }
  });

  it('does not change its input', () => {
    const input = [...ALL];
    publishedArticles(input, { drafts: false, future: false, now: NOW });
    expect(input).toEqual(ALL);
  });
});

describe('newestFirst', () => {
  it('orders by time, newest first, then by content path', () => {
    expect(newestFirst(mid, old)).toBeLessThan(0);
    expect(newestFirst(old, mid)).toBeGreaterThan(0);
    expect(newestFirst(tieB, mid)).toBeLessThan(0);
    expect(newestFirst(mid, tieB)).toBeGreaterThan(0);
    expect(newestFirst(mid, mid)).toBe(0);
  });
});
