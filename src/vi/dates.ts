import { wallClockMs, type LocalDateTime } from './zone.js';
import type { Timestamp } from './timestamp.js';

const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Key of a local calendar day, "2024-09-13". */
export function dayKey(local: LocalDateTime): string {
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
}

/** Key of a local calendar month, "2024-09". */
export function monthKey(local: LocalDateTime): string {
  return `${pad(local.year, 4)}-${pad(local.month)}`;
}

/** Key of a local calendar year, "2024". */
export function yearKey(local: LocalDateTime): string {
  return pad(local.year, 4);
}

/** Vietnamese weekday name of a calendar date ("Thứ Sáu"), built from the date itself, not ICU. */
export function weekdayVi(year: number, month: number, day: number): string {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return WEEKDAYS[date.getUTCDay()]!;
}

/** "Thứ Sáu, 13/09/2024 18:13": the article page's date line. */
export function formatArticleDate(local: LocalDateTime): string {
  return `${formatDayTitle(local.year, local.month, local.day)} ${pad(local.hour)}:${pad(local.minute)}`;
}

/** "13.09.2024 | 18:13": the portal's short date in lists. */
export function formatListDate(local: LocalDateTime): string {
  return `${pad(local.day)}.${pad(local.month)}.${pad(local.year, 4)} | ${pad(local.hour)}:${pad(local.minute)}`;
}

/** "Thứ Sáu, 13/09/2024": a day page's title. */
export function formatDayTitle(year: number, month: number, day: number): string {
  return `${weekdayVi(year, month, day)}, ${pad(day)}/${pad(month)}/${pad(year, 4)}`;
}

/** "Tháng 9/2024": a month page's title. */
export function formatMonthTitle(year: number, month: number): string {
  return `Tháng ${month}/${pad(year, 4)}`;
}

/**
 * ISO 8601 with the site zone's offset, "2024-09-13T18:13:00+07:00", for <time datetime>. Before
 * 1906 Vietnam kept local mean time (+07:06:30), an offset ISO cannot write: such instants are
 * written in UTC ("1899-12-31T16:53:30Z"), so reading the text back gives the same instant and day.
 */
export function isoWithOffset(timestamp: Timestamp): string {
  const { local, offsetMinutes, epochMs } = timestamp;
  const secondsOff = wallClockMs(local) - epochMs - offsetMinutes * 60_000; // the rounding of an offset with seconds
  if (secondsOff !== 0 && Math.abs(secondsOff) < 60_000) return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const date = `${dayKey(local)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
  return `${date}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
