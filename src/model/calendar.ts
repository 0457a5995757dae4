import type { Article } from '../source/types.js';
import { dayKey, monthKey, yearKey } from '../vi/dates.js';
import type { ArticleId, DayBucket, MonthBucket, YearBucket } from './types.js';

/** Day, month and year indexes of articles (newest first), by their local calendar day in the site zone. */
export interface CalendarIndex {
  readonly days: Map<string, DayBucket>;
  readonly months: Map<string, MonthBucket>;
  readonly years: Map<string, YearBucket>;
}

/** Buckets articles by local day, month and year; keys come out newest first, as the articles do. */
export function indexCalendar(articles: readonly Article[]): CalendarIndex {
  const dayIds = new Map<string, ArticleId[]>();
  const monthDays = new Map<string, string[]>();
  const yearMonths = new Map<string, string[]>();
  articles.forEach((article, id) => {
    const local = article.publishedAt.local;
    const day = dayKey(local);
    const ids = dayIds.get(day);
    if (ids) {
      ids.push(id);
      return;
    }
    dayIds.set(day, [id]);
    appendOnce(monthDays, monthKey(local), day);
    appendOnce(yearMonths, yearKey(local), monthKey(local));
  });
  const days = new Map([...dayIds].map(([key, ids]) => [key, dayBucket(key, ids)]));
  const months = new Map([...monthDays].map(([key, keys]) => [key, monthBucket(key, keys, days)]));
  const years = new Map([...yearMonths].map(([key, keys]) => [key, yearBucket(key, keys, months)]));
  return { days, months, years };
}

function appendOnce(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

function dayBucket(key: string, articleIds: ArticleId[]): DayBucket {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  return { key, year, month, day, articleIds };
}

function monthBucket(key: string, dayKeys: string[], days: Map<string, DayBucket>): MonthBucket {
  const [year, month] = key.split('-').map(Number) as [number, number];
  const count = dayKeys.reduce((sum, k) => sum + days.get(k)!.articleIds.length, 0);
  return { key, year, month, dayKeys, count };
}

function yearBucket(key: string, monthKeys: string[], months: Map<string, MonthBucket>): YearBucket {
  const count = monthKeys.reduce((sum, k) => sum + months.get(k)!.count, 0);
  return { key, year: Number(key), monthKeys, count };
}
