import type { MonthBucket } from '../model/types.js';
import { dayUrl } from '../model/urls.js';
import type { ViewContext } from './site-view.js';

/** One cell of a month calendar: a day of the month (linked when it has articles) or padding. */
export interface CalendarCell {
  readonly day: number | null;
  readonly count: number;
  readonly href: string | null;
}

/** A month as weeks Monday to Sunday, the way Vietnamese calendars are laid out. */
export function calendarWeeks(ctx: ViewContext, month: MonthBucket): CalendarCell[][] {
  const first = new Date(0);
  first.setUTCFullYear(month.year, month.month - 1, 1);
  const leading = (first.getUTCDay() + 6) % 7;
  const last = new Date(0);
  last.setUTCFullYear(month.year, month.month, 0);
  const cells: CalendarCell[] = Array.from({ length: leading }, () => ({ day: null, count: 0, href: null }));
  for (let day = 1; day <= last.getUTCDate(); day++) {
    const bucket = ctx.model.days.get(`${month.key}-${String(day).padStart(2, '0')}`);
    cells.push({ day, count: bucket?.articleIds.length ?? 0, href: bucket ? ctx.href(dayUrl(month.year, month.month, day)) : null });
  }
  while (cells.length % 7 !== 0) cells.push({ day: null, count: 0, href: null });
  const weeks: CalendarCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
