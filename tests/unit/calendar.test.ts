import { describe, expect, it } from 'vitest';
import { indexCalendar } from '../../src/model/calendar.js';
import { newestFirst } from '../../src/model/publish.js';
import type { Article } from '../../src/source/types.js';
import { makeArticle as makeArticleFrom } from '../helpers/article.js';

function makeArticle(contentPath: string, at: string, timeZone = 'Asia/Ho_Chi_Minh'): Article {
  return makeArticleFrom({ contentPath, at, timeZone });
}

describe('indexCalendar', () => {
  const articles = [
    makeArticle('a.md', '2024-09-13 23:59'),
    makeArticle('b.md', '2024-09-13 00:00'),
    makeArticle('c.md', '2024-09-01 07:00'),
    makeArticle('d.md', '2024-07-18T20:30:00Z'), // 2024-07-19 03:30 in the site zone
    makeArticle('e.md', '2024-07-18 23:00'),
    makeArticle('f.md', '2023-12-31T17:30:00Z'), // 2024-01-01 00:30 in the site zone
    makeArticle('g.md', '2023-12-31 23:30'),
  ].sort(newestFirst);

  it('buckets articles by their local day in the site zone, newest first', () => {
    expect(articles.map((a) => a.source.contentPath)).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md', 'g.md']);
    const { days } = indexCalendar(articles);
    expect([...days.keys()]).toEqual(['2024-09-13', '2024-09-01', '2024-07-19', '2024-07-18', '2024-01-01', '2023-12-31']);
    expect(days.get('2024-09-13')).toEqual({ key: '2024-09-13', year: 2024, month: 9, day: 13, articleIds: [0, 1] });
    expect(days.get('2024-07-19')).toEqual({ key: '2024-07-19', year: 2024, month: 7, day: 19, articleIds: [3] });
    expect(days.get('2024-07-18')).toEqual({ key: '2024-07-18', year: 2024, month: 7, day: 18, articleIds: [4] });
    expect(days.get('2024-01-01')!.articleIds).toEqual([5]);
    expect(days.get('2023-12-31')!.articleIds).toEqual([6]);
  });

  it('counts months and years', () => {
    const { months, years } = indexCalendar(articles);
    expect([...months.values()]).toEqual([
      { key: '2024-09', year: 2024, month: 9, dayKeys: ['2024-09-13', '2024-09-01'], count: 3 },
      { key: '2024-07', year: 2024, month: 7, dayKeys: ['2024-07-19', '2024-07-18'], count: 2 },
      { key: '2024-01', year: 2024, month: 1, dayKeys: ['2024-01-01'], count: 1 },
      { key: '2023-12', year: 2023, month: 12, dayKeys: ['2023-12-31'], count: 1 },
    ]);
    expect([...years.values()]).toEqual([
      { key: '2024', year: 2024, monthKeys: ['2024-09', '2024-07', '2024-01'], count: 6 },
      { key: '2023', year: 2023, monthKeys: ['2023-12'], count: 1 },
    ]);
  });

  it('uses the local day of the site zone the articles were read in', () => {
    const berlin = [makeArticle('x.md', '2024-07-18T22:30:00Z', 'Europe/Berlin')];
    expect([...indexCalendar(berlin).days.keys()]).toEqual(['2024-07-19']);
    const utc = [makeArticle('x.md', '2024-07-18T22:30:00Z', 'UTC')];
    expect([...indexCalendar(utc).days.keys()]).toEqual(['2024-07-18']);
  });

  it('is empty without articles', () => {
    const { days, months, years } = indexCalendar([]);
    expect([days.size, months.size, years.size]).toEqual([0, 0, 0]);
  });
});
