import { describe, expect, it } from 'vitest';
import { sameInEveryMachineZone, at } from '../helpers/time-zones.js';
import {
  dayKey,
  formatArticleDate,
  formatDayTitle,
  formatListDate,
  formatMonthTitle,
  isoWithOffset,
  monthKey,
  weekdayVi,
  yearKey,
} from '../../src/vi/dates.js';
import { parseTimestamp, timestampAt, type Timestamp } from '../../src/vi/timestamp.js';
import type { LocalDateTime } from '../../src/vi/zone.js';

const WEEKDAY_NAMES = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

describe('calendar keys', () => {
  it('formats day, month and year keys with zero padding', () => {
    expect(dayKey(at(2024, 9, 13, 18, 13))).toBe('2024-09-13');
    expect(monthKey(at(2024, 9, 13, 18, 13))).toBe('2024-09');
    expect(yearKey(at(2024, 9, 13, 18, 13))).toBe('2024');
    expect(dayKey(at(2024, 1, 5))).toBe('2024-01-05');
    expect(dayKey(at(2024, 12, 31, 23, 59, 59))).toBe('2024-12-31');
    expect(monthKey(at(2024, 12, 1))).toBe('2024-12');
    expect(monthKey(at(1999, 1, 1))).toBe('1999-01');
    expect(yearKey(at(1999, 1, 1))).toBe('1999');
  });
});

describe('weekdayVi', () => {
  it('names the days of the week of 9–15 September 2024', () => {
    expect(weekdayVi(2024, 9, 13)).toBe('Thứ Sáu');
    expect(weekdayVi(2024, 9, 15)).toBe('Chủ Nhật');
    expect([9, 10, 11, 12, 13, 14, 15].map((d) => weekdayVi(2024, 9, d))).toEqual([
      'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật',
    ]);
  });

  it('knows well-known dates', () => {
    expect(weekdayVi(1970, 1, 1)).toBe('Thứ Năm');
    expect(weekdayVi(2000, 2, 29)).toBe('Thứ Ba');
    expect(weekdayVi(1975, 4, 30)).toBe('Thứ Tư');
    expect(weekdayVi(1945, 9, 2)).toBe('Chủ Nhật');
    expect(weekdayVi(2024, 12, 31)).toBe('Thứ Ba');
    expect(weekdayVi(2025, 1, 1)).toBe('Thứ Tư');
  });

  it('matches the UTC calendar for every day of 1999–2001 and 2024, in every machine zone', () => {
    const computed = sameInEveryMachineZone(() => {
      const names: string[] = [];
      for (const year of [1999, 2000, 2001, 2024]) {
        for (let month = 1; month <= 12; month++) {
          const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
          for (let day = 1; day <= days; day++) names.push(weekdayVi(year, month, day));
        }
      }
      return names;
    });
    const expected: string[] = [];
    for (const year of [1999, 2000, 2001, 2024]) {
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) expected.push(WEEKDAY_NAMES[new Date(t).getUTCDay()]!);
    }
    expect(computed).toHaveLength(365 * 3 + 366 * 2 - 365);
    expect(computed).toEqual(expected);
  });
});

describe('display formats', () => {
  it('formats the article date line', () => {
    expect(sameInEveryMachineZone(() => formatArticleDate(at(2024, 9, 13, 18, 13)))).toBe('Thứ Sáu, 13/09/2024 18:13');
    expect(formatArticleDate(at(2024, 7, 19, 3, 5, 59))).toBe('Thứ Sáu, 19/07/2024 03:05');
    expect(formatArticleDate(at(2024, 9, 15, 0, 0))).toBe('Chủ Nhật, 15/09/2024 00:00');
  });

  it('formats the list date', () => {
    expect(sameInEveryMachineZone(() => formatListDate(at(2024, 9, 13, 18, 13)))).toBe('13.09.2024 | 18:13');
    expect(formatListDate(at(2024, 1, 2, 3, 4, 5))).toBe('02.01.2024 | 03:04');
    expect(formatListDate(at(2024, 12, 31, 23, 59, 59))).toBe('31.12.2024 | 23:59');
  });

  it('formats day titles', () => {
    expect(sameInEveryMachineZone(() => formatDayTitle(2024, 9, 13))).toBe('Thứ Sáu, 13/09/2024');
    expect(formatDayTitle(2024, 9, 15)).toBe('Chủ Nhật, 15/09/2024');
    expect(formatDayTitle(2024, 1, 1)).toBe('Thứ Hai, 01/01/2024');
  });

  it('formats month titles without padding the month', () => {
    expect(formatMonthTitle(2024, 9)).toBe('Tháng 9/2024');
    expect(formatMonthTitle(2024, 12)).toBe('Tháng 12/2024');
    expect(formatMonthTitle(1999, 1)).toBe('Tháng 1/1999');
  });
});

describe('isoWithOffset', () => {
  it('writes the site zone offset', () => {
    const parsed = parseTimestamp('2024-09-13 18:13', 'Asia/Ho_Chi_Minh');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(sameInEveryMachineZone(() => isoWithOffset(parsed.value))).toBe('2024-09-13T18:13:00+07:00');
  });

  it('writes seconds, negative, half-hour and zero offsets', () => {
    const ts = (local: LocalDateTime, offsetMinutes: number): Timestamp => ({ epochMs: 0, local, offsetMinutes });
    expect(isoWithOffset(ts(at(2024, 9, 13, 18, 13, 7), 420))).toBe('2024-09-13T18:13:07+07:00');
    expect(isoWithOffset(ts(at(2024, 7, 1, 9, 30), -150))).toBe('2024-07-01T09:30:00-02:30');
    expect(isoWithOffset(ts(at(2024, 1, 15, 12, 0), -480))).toBe('2024-01-15T12:00:00-08:00');
    expect(isoWithOffset(ts(at(2024, 1, 15, 12, 0), 330))).toBe('2024-01-15T12:00:00+05:30');
    expect(isoWithOffset(ts(at(2024, 1, 15, 12, 0), 345))).toBe('2024-01-15T12:00:00+05:45');
    expect(isoWithOffset(ts(at(2024, 1, 15, 12, 0), 0))).toBe('2024-01-15T12:00:00+00:00');
    expect(isoWithOffset(ts(at(2024, 1, 15, 12, 0), 840))).toBe('2024-01-15T12:00:00+14:00');
  });

  it('round-trips through parseTimestamp to the same instant', () => {
    for (const [zone, epochMs] of [
      ['Asia/Ho_Chi_Minh', Date.UTC(2024, 6, 18, 20, 30, 15)],
      ['America/St_Johns', Date.UTC(2024, 6, 1, 12, 0, 0)],
      ['Asia/Kathmandu', Date.UTC(2024, 0, 15, 6, 0, 0)],
      ['Europe/Berlin', Date.UTC(2024, 9, 27, 0, 30, 0)],
    ] as const) {
      const iso = isoWithOffset(timestampAt(epochMs, zone));
      const back = parseTimestamp(iso, 'UTC');
      expect(back.ok && back.value.epochMs).toBe(epochMs);
    }
    expect(isoWithOffset(timestampAt(Date.UTC(2024, 6, 1, 12), 'America/St_Johns'))).toBe('2024-07-01T09:30:00-02:30');
    expect(isoWithOffset(timestampAt(Date.UTC(2024, 9, 27, 0, 30), 'Europe/Berlin'))).toBe('2024-10-27T02:30:00+02:00');
    expect(isoWithOffset(timestampAt(Date.UTC(2024, 9, 27, 1, 30), 'Europe/Berlin'))).toBe('2024-10-27T02:30:00+01:00');
  });
});
