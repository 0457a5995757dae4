import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/vi/timestamp.js';
import { localToEpoch, toLocal } from '../../src/vi/zone.js';

const epochOf = (text: string, zone: string) => {
  const parsed = parseTimestamp(text, zone);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value.epochMs;
};

describe('wall-clock times in zones that change their clocks', () => {
  it('reads ordinary times near a change with the offset in force at that time', () => {
    expect(epochOf('2024-03-31 01:30', 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 31, 0, 30));
    expect(epochOf('2024-03-31 03:30', 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 31, 1, 30));
    expect(epochOf('2024-11-03 05:00', 'America/Los_Angeles')).toBe(Date.UTC(2024, 10, 3, 13, 0));
    expect(epochOf('2024-10-05 18:00', 'Australia/Sydney')).toBe(Date.UTC(2024, 9, 5, 8, 0));
    expect(epochOf('2024-10-06 18:00', 'Australia/Sydney')).toBe(Date.UTC(2024, 9, 6, 7, 0));
  });

  it('takes the earlier instant of a reading that happens twice', () => {
    expect(epochOf('2024-10-27 02:30', 'Europe/Berlin')).toBe(Date.UTC(2024, 9, 27, 0, 30));
  });

  it('reads a time skipped by clocks going forward with the offset before the change', () => {
    expect(epochOf('2024-03-31 02:30', 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 31, 1, 30));
  });

  it('keeps historical offsets with seconds exact (Asia/Ho_Chi_Minh was +07:06:30 before 1906)', () => {
    const local = { year: 1900, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
    const epochMs = localToEpoch(local, 'Asia/Ho_Chi_Minh');
    expect(epochMs).toBe(Date.UTC(1899, 11, 31, 16, 53, 30));
    expect(toLocal(epochMs, 'Asia/Ho_Chi_Minh')).toEqual(local);
  });
});
