import { expect } from 'vitest';
import type { LocalDateTime } from '../../src/vi/zone.js';

/** Machine time zones the code must not depend on: far west, far east, and the site's own. */
export const MACHINE_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh'];

/** Runs `run` under each machine time zone, checks every zone gives the same result, and returns it. */
export function sameInEveryMachineZone<T>(run: () => T): T {
  const original = process.env.TZ;
  const results: T[] = [];
  try {
    for (const zone of MACHINE_ZONES) {
      process.env.TZ = zone;
      results.push(run());
    }
  } finally {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  }
  for (const result of results) expect(result).toEqual(results[0]);
  return results[0]!;
}

/** A wall-clock reading, for brevity in tests. */
export const at = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): LocalDateTime => ({ year, month, day, hour, minute, second });
