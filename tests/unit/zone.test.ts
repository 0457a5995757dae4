import { describe, expect, it } from 'vitest';
import { sameInEveryMachineZone, at } from '../helpers/time-zones.js';
import { isValidTimeZone, localToEpoch, toLocal, wallClockMs, zoneOffsetMinutes } from '../../src/vi/zone.js';
const HCM = 'Asia/Ho_Chi_Minh';

describe('toLocal', () => {
  it('reads instants in Asia/Ho_Chi_Minh whatever the machine zone', () => {
    const readings = sameInEveryMachineZone(() => [
      toLocal(Date.UTC(2024, 6, 18, 20, 30), HCM),
      toLocal(Date.UTC(2024, 8, 13, 11, 13, 45), HCM),
      toLocal(Date.UTC(2024, 8, 12, 17, 0), HCM),
      toLocal(Date.UTC(2024, 11, 31, 17, 0), HCM),
      toLocal(Date.UTC(1969, 11, 31, 23, 0), HCM),
      toLocal(Date.UTC(2024, 8, 13, 16, 59, 59), HCM),
    ]);
    expect(readings).toEqual([
      at(2024, 7, 19, 3, 30),
      at(2024, 9, 13, 18, 13, 45),
      at(2024, 9, 13, 0, 0),
      at(2025, 1, 1, 0, 0),
      at(1970, 1, 1, 7, 0), // Saigon kept UTC+8 from 1959 to 1975 (tzdata)
      at(2024, 9, 13, 23, 59, 59),
    ]);
  });

  it('reads midnight as hour 0, never 24', () => {
    const readings = sameInEveryMachineZone(() => [
      toLocal(Date.UTC(2024, 0, 1), 'UTC'),
      toLocal(Date.UTC(2024, 0, 1, 0, 0, 30), 'UTC'),
      toLocal(Date.UTC(2023, 11, 31, 15), 'Asia/Tokyo'),
    ]);
    expect(readings).toEqual([at(2024, 1, 1), at(2024, 1, 1, 0, 0, 30), at(2024, 1, 1)]);
  });

  it('follows DST in other zones', () => {
    const readings = sameInEveryMachineZone(() => [
      toLocal(Date.UTC(2024, 2, 31, 0, 59, 59), 'Europe/Berlin'),
      toLocal(Date.UTC(2024, 2, 31, 1, 0, 0), 'Europe/Berlin'),
      toLocal(Date.UTC(2024, 9, 27, 0, 30), 'Europe/Berlin'),
      toLocal(Date.UTC(2024, 9, 27, 1, 30), 'Europe/Berlin'),
      toLocal(Date.UTC(2024, 6, 1, 12), 'America/Los_Angeles'),
      toLocal(Date.UTC(2024, 0, 1, 12), 'America/Los_Angeles'),
    ]);
    expect(readings).toEqual([
      at(2024, 3, 31, 1, 59, 59),
      at(2024, 3, 31, 3, 0, 0),
      at(2024, 10, 27, 2, 30),
      at(2024, 10, 27, 2, 30),
      at(2024, 7, 1, 5, 0),
      at(2024, 1, 1, 4, 0),
    ]);
  });
});

describe('zoneOffsetMinutes', () => {
  it('gives each zone its offset at an instant, whatever the machine zone', () => {
    const offsets = sameInEveryMachineZone(() => [
      zoneOffsetMinutes(Date.UTC(2024, 8, 13, 11, 13), HCM),
      zoneOffsetMinutes(Date.UTC(1995, 0, 1), HCM),
      zoneOffsetMinutes(Date.UTC(2024, 8, 13), 'UTC'),
      zoneOffsetMinutes(Date.UTC(2024, 6, 1), 'Europe/Berlin'),
      zoneOffsetMinutes(Date.UTC(2024, 0, 1), 'Europe/Berlin'),
      zoneOffsetMinutes(Date.UTC(2024, 2, 31, 0, 59, 59), 'Europe/Berlin'),
      zoneOffsetMinutes(Date.UTC(2024, 2, 31, 1, 0, 0), 'Europe/Berlin'),
      zoneOffsetMinutes(Date.UTC(2024, 6, 1), 'America/Los_Angeles'),
      zoneOffsetMinutes(Date.UTC(2024, 0, 1), 'America/Los_Angeles'),
      zoneOffsetMinutes(Date.UTC(2024, 0, 1), 'Asia/Kolkata'),
      zoneOffsetMinutes(Date.UTC(2024, 0, 1), 'Asia/Kathmandu'),
      zoneOffsetMinutes(Date.UTC(2024, 0, 1), 'Pacific/Kiritimati'),
      zoneOffsetMinutes(Date.UTC(2024, 6, 1), 'America/St_Johns'),
      zoneOffsetMinutes(Date.UTC(2024, 8, 13, 11, 13, 7, 999), HCM),
    ]);
    expect(offsets).toEqual([420, 420, 0, 120, 60, 60, 120, -420, -480, 330, 345, 840, -150, 420]);
  });
});

describe('localToEpoch', () => {
  it('finds the instant a wall clock shows, whatever the machine zone', () => {
    const epochs = sameInEveryMachineZone(() => [
      localToEpoch(at(2024, 9, 13, 18, 13), HCM),
      localToEpoch(at(2024, 9, 13), HCM),
      localToEpoch(at(2024, 7, 19, 3, 30), HCM),
      localToEpoch(at(2024, 9, 13, 18, 13, 59), 'UTC'),
      localToEpoch(at(2024, 7, 1, 12), 'Europe/Berlin'),
      localToEpoch(at(2024, 1, 15, 12), 'Europe/Berlin'),
      localToEpoch(at(2024, 7, 1, 5), 'America/Los_Angeles'),
      localToEpoch(at(2024, 1, 15, 12), 'Asia/Kathmandu'),
    ]);
    expect(epochs).toEqual([
      Date.UTC(2024, 8, 13, 11, 13),
      Date.UTC(2024, 8, 12, 17, 0),
      Date.UTC(2024, 6, 18, 20, 30),
      Date.UTC(2024, 8, 13, 18, 13, 59),
      Date.UTC(2024, 6, 1, 10),
      Date.UTC(2024, 0, 15, 11),
      Date.UTC(2024, 6, 1, 12),
      Date.UTC(2024, 0, 15, 6, 15),
    ]);
  });

  it('inverts toLocal in Asia/Ho_Chi_Minh for instants over 1990–2035', () => {
    const start = Date.UTC(1990, 0, 1);
    const end = Date.UTC(2035, 11, 31);
    const mismatches = sameInEveryMachineZone(() => {
      const bad: number[] = [];
      for (let i = 0; i < 400; i++) {
        const epochMs = Math.floor((start + ((end - start) * i) / 400) / 1000) * 1000 + ((i * 7_919_000) % 86_400_000);
        if (localToEpoch(toLocal(epochMs, HCM), HCM) !== epochMs) bad.push(epochMs);
      }
      return bad;
    });
    expect(mismatches).toEqual([]);
  });
});

describe('wallClockMs', () => {
  it('reads a wall clock as if it were UTC, including years below 100', () => {
    expect(wallClockMs(at(2024, 9, 13, 18, 13, 5))).toBe(Date.UTC(2024, 8, 13, 18, 13, 5));
    const d = new Date(wallClockMs(at(50, 3, 1, 1, 2, 3)));
    expect([d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]).toEqual([50, 2, 1, 1, 2, 3]);
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA names', () => {
    expect(isValidTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Hanoi_Nowhere')).toBe(false);
    expect(isValidTimeZone('not a zone')).toBe(false);
  });
});

describe('toLocal offset cache', () => {
  it('reads the same clock as Intl across transitions, every 37 minutes of two years', () => {
    for (const timeZone of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Ho_Chi_Minh']) {
      const intl = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2025, 0, 1); t += 37 * 60_000 + 1_001) {
        const parts = Object.fromEntries(intl.formatToParts(new Date(t)).map((p) => [p.type, Number(p.value)]));
        const local = toLocal(t, timeZone);
        expect([local.year, local.month, local.day, local.hour, local.minute, local.second]).toEqual([parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second]);
      }
    }
  });
});
