import { describe, expect, it } from 'vitest';
import { sameInEveryMachineZone } from '../helpers/time-zones.js';
import { ACCEPTED_TIMESTAMP_FORMATS, parseTimestamp, timestampAt, type Timestamp } from '../../src/vi/timestamp.js';

const HCM = 'Asia/Ho_Chi_Minh';
function ok(raw: string, timeZone = HCM): Timestamp {
  const result = parseTimestamp(raw, timeZone);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse, got: ${result.message}`);
  return result.value;
}

function failure(raw: string, timeZone = HCM): string {
  const result = parseTimestamp(raw, timeZone);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected, got ${JSON.stringify(result.value)}`);
  return result.message;
}

const local = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({ year, month, day, hour, minute, second });

describe('machine time zone switching (sanity check of the test harness)', () => {
  it('really changes the zone Date uses', () => {
    const original = process.env.TZ;
    const offsets: number[] = [];
    try {
      for (const zone of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) {
        process.env.TZ = zone;
        offsets.push(new Date(Date.UTC(2024, 0, 15)).getTimezoneOffset());
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect(offsets).toEqual([0, -540, 480]);
  });
});

describe('parseTimestamp: accepted formats in Asia/Ho_Chi_Minh', () => {
  const at1813 = Date.UTC(2024, 8, 13, 11, 13);
  const localMidnight13 = Date.UTC(2024, 8, 12, 17, 0);

  it.each([
    ['2024-09-13T18:13:00+07:00', at1813, local(2024, 9, 13, 18, 13)],
    ['2024-09-13T18:13:00+0700', at1813, local(2024, 9, 13, 18, 13)],
    ['2024-09-13T18:13:00+07', at1813, local(2024, 9, 13, 18, 13)],
    ['2024-09-13T11:13:00Z', at1813, local(2024, 9, 13, 18, 13)],
    ['2024-09-13T11:13:00z', at1813, local(2024, 9, 13, 18, 13)],
    ['2024-09-13T18:13+07:00', at1813, local(2024, 9, 13, 18, 13)],
    ['2024-09-13 18:13', at1813, local(2024, 9, 13, 18, 13)],
    ['2024-09-13 18:13:00', at1813, local(2024, 9, 13, 18, 13)],
    ['2024-09-13 18:13:27', at1813 + 27_000, local(2024, 9, 13, 18, 13, 27)],
    ['2024-09-13T18:13', at1813, local(2024, 9, 13, 18, 13)],
    ['2024-09-13', localMidnight13, local(2024, 9, 13)],
    ['13/09/2024 18:13', at1813, local(2024, 9, 13, 18, 13)],
    ['13/09/2024', localMidnight13, local(2024, 9, 13)],
    ['13-09-2024 18:13', at1813, local(2024, 9, 13, 18, 13)],
    ['13.09.2024 | 18:13 PM', at1813, local(2024, 9, 13, 18, 13)],
    ['13.09.2024 | 18:13', at1813, local(2024, 9, 13, 18, 13)],
    ['13.09.2024 | 06:13 PM', at1813, local(2024, 9, 13, 18, 13)],
    ['13.09.2024 | 6:13 PM', at1813, local(2024, 9, 13, 18, 13)],
    ['13.09.2024 | 06:13 AM', Date.UTC(2024, 8, 12, 23, 13), local(2024, 9, 13, 6, 13)],
    ['13.09.2024 | 12:05 PM', Date.UTC(2024, 8, 13, 5, 5), local(2024, 9, 13, 12, 5)],
    ['13.09.2024 | 12:05 AM', Date.UTC(2024, 8, 12, 17, 5), local(2024, 9, 13, 0, 5)],
    ['13.09.2024 | 23:59 PM', Date.UTC(2024, 8, 13, 16, 59), local(2024, 9, 13, 23, 59)],
    ['13.09.2024 | 01:00 PM', Date.UTC(2024, 8, 13, 6, 0), local(2024, 9, 13, 13, 0)],
    ['13.09.2024 | 11:59 PM', Date.UTC(2024, 8, 13, 16, 59), local(2024, 9, 13, 23, 59)],
    ['13.09.2024 | 11:59 AM', Date.UTC(2024, 8, 13, 4, 59), local(2024, 9, 13, 11, 59)],
    ['18.07.2024 | 16:45 PM', Date.UTC(2024, 6, 18, 9, 45), local(2024, 7, 18, 16, 45)],
    ['2024-02-29 08:00', Date.UTC(2024, 1, 29, 1, 0), local(2024, 2, 29, 8)],
    ['2000-02-29', Date.UTC(2000, 1, 28, 17, 0), local(2000, 2, 29)],
  ])('%j', (raw, epochMs, expectedLocal) => {
    const value = sameInEveryMachineZone(() => ok(raw));
    expect(value).toEqual({ epochMs, local: expectedLocal, offsetMinutes: 420 });
  });

  it('reads an instant written in UTC as its local reading in the site zone (next day)', () => {
    const value = sameInEveryMachineZone(() => ok('2024-07-18T20:30:00Z'));
    expect(value).toEqual({ epochMs: Date.UTC(2024, 6, 18, 20, 30), local: local(2024, 7, 19, 3, 30), offsetMinutes: 420 });
  });

  it('keeps the site zone offset when the text has another offset', () => {
    const value = sameInEveryMachineZone(() => ok('2024-09-13T18:13:00-05:00'));
    expect(value).toEqual({ epochMs: Date.UTC(2024, 8, 13, 23, 13), local: local(2024, 9, 14, 6, 13), offsetMinutes: 420 });
    expect(ok('2024-09-13T18:13:00+05:30').epochMs).toBe(Date.UTC(2024, 8, 13, 12, 43));
    expect(ok('2024-09-13T18:13:00-0930').epochMs).toBe(Date.UTC(2024, 8, 14, 3, 43));
  });

  it('ignores surrounding whitespace', () => {
    expect(ok('  2024-09-13 18:13  ').epochMs).toBe(Date.UTC(2024, 8, 13, 11, 13));
  });

  it('lists the accepted formats, each of which parses', () => {
    expect(ACCEPTED_TIMESTAMP_FORMATS).toEqual([
      '2024-09-13T18:13:00+07:00',
      '2024-09-13T11:13:00Z',
      '2024-09-13 18:13',
      '2024-09-13',
      '13/09/2024 18:13',
      '13/09/2024',
      '13-09-2024 18:13',
      '13.09.2024 | 18:13 PM',
    ]);
    for (const example of ACCEPTED_TIMESTAMP_FORMATS) expect(parseTimestamp(example, HCM).ok).toBe(true);
  });
});

describe('parseTimestamp: invalid text', () => {
  it.each([
    '31/02/2024',
    '30/02/2024',
    '2024-02-30',
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '31-04-2024 10:00',
    '32/01/2024',
    '00/01/2024',
    '2024-00-10',
    '2024-13-01',
    '13/13/2024',
    '0000-01-01',
    '2024-09-13 25:00',
    '2024-09-13 24:00',
    '2024-09-13 18:60',
    '2024-09-13 18:13:60',
    '13/09/2024 25:13',
    '13.09.2024 | 25:13',
    '13.09.2024 | 25:13 PM',
    '13.09.2024 | 13:05 AM',
    '13.09.2024 | 23:00 AM',
    '2024-09-13T18:13:00+15:00',
    '2024-09-13T18:13:00+07:60',
    '2024-09-13T18:13:00+7',
    'hôm qua',
    'Thứ Sáu, 13/09/2024',
    '',
    '   ',
    '2024/09/13',
    '13.09.2024',
    '18:13',
    '2024-9-13',
    '13/09/24',
  ])('%j is rejected with a message quoting it', (raw) => {
    const message = sameInEveryMachineZone(() => failure(raw));
    expect(message).toContain(`"${raw}"`);
  });

  it('accepts 29 February only in leap years', () => {
    expect(ok('2024-02-29').local).toEqual(local(2024, 2, 29));
    expect(ok('29/02/2024').local).toEqual(local(2024, 2, 29));
    expect(parseTimestamp('2023-02-29', HCM).ok).toBe(false);
    expect(parseTimestamp('29/02/2023', HCM).ok).toBe(false);
    expect(parseTimestamp('2100-02-29', HCM).ok).toBe(false);
    expect(ok('2400-02-29').local).toEqual(local(2400, 2, 29));
    expect(ok('2023-02-28').local).toEqual(local(2023, 2, 28));
  });
});

describe('parseTimestamp: a site zone with daylight saving time (Europe/Berlin)', () => {
  const BERLIN = 'Europe/Berlin';

  it('reads summer and winter wall clocks with their own offsets', () => {
    const summer = sameInEveryMachineZone(() => ok('2024-07-01 12:00', BERLIN));
    expect(summer).toEqual({ epochMs: Date.UTC(2024, 6, 1, 10, 0), local: local(2024, 7, 1, 12), offsetMinutes: 120 });
    const winter = sameInEveryMachineZone(() => ok('15/01/2024 12:00', BERLIN));
    expect(winter).toEqual({ epochMs: Date.UTC(2024, 0, 15, 11, 0), local: local(2024, 1, 15, 12), offsetMinutes: 60 });
  });

  it('reads an instant with an offset in Berlin time', () => {
    const value = sameInEveryMachineZone(() => ok('2024-09-13T18:13:00+07:00', BERLIN));
    expect(value).toEqual({ epochMs: Date.UTC(2024, 8, 13, 11, 13), local: local(2024, 9, 13, 13, 13), offsetMinutes: 120 });
  });

  it('reads times before and after the spring change night', () => {
    expect(ok('2024-03-30 23:59', BERLIN)).toEqual({ epochMs: Date.UTC(2024, 2, 30, 22, 59), local: local(2024, 3, 30, 23, 59), offsetMinutes: 60 });
    expect(ok('2024-03-31 03:00', BERLIN)).toEqual({ epochMs: Date.UTC(2024, 2, 31, 1, 0), local: local(2024, 3, 31, 3, 0), offsetMinutes: 120 });
  });
});

// --- Round trip: format the local reading of an instant, parse it back, get the instant. ---

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Asia/Ho_Chi_Minh has been UTC+7 without DST since 1975: an oracle independent of the code. */
function hcmParts(epochMs: number): Parts {
  return utcParts(epochMs + 7 * 3_600_000);
}

function utcParts(epochMs: number): Parts {
  const d = new Date(epochMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const ymd = (p: Parts) => `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
const dmy = (p: Parts, sep: string) => `${pad(p.day)}${sep}${pad(p.month)}${sep}${pad(p.year, 4)}`;
const hm = (p: Parts) => `${pad(p.hour)}:${pad(p.minute)}`;
const hms = (p: Parts) => `${hm(p)}:${pad(p.second)}`;
const h12 = (p: Parts) => `${pad(p.hour % 12 === 0 ? 12 : p.hour % 12)}:${pad(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'}`;
/** The portal's style: 24-hour clock, "PM" after noon (redundant), "AM" before, midnight as 12 AM. */
const portal24 = (p: Parts) =>
  p.hour >= 12 ? `${pad(p.hour)}:${pad(p.minute)} PM` : `${pad(p.hour === 0 ? 12 : p.hour)}:${pad(p.minute)} AM`;

type Precision = 'second' | 'minute' | 'day';

const FORMATS: { name: string; precision: Precision; write: (epochMs: number) => string }[] = [
  { name: 'ISO +07:00', precision: 'second', write: (e) => `${ymd(hcmParts(e))}T${hms(hcmParts(e))}+07:00` },
  { name: 'ISO +0700', precision: 'second', write: (e) => `${ymd(hcmParts(e))}T${hms(hcmParts(e))}+0700` },
  { name: 'ISO +07', precision: 'second', write: (e) => `${ymd(hcmParts(e))}T${hms(hcmParts(e))}+07` },
  { name: 'ISO Z', precision: 'second', write: (e) => `${ymd(utcParts(e))}T${hms(utcParts(e))}Z` },
  { name: 'ISO z', precision: 'second', write: (e) => `${ymd(utcParts(e))}T${hms(utcParts(e))}z` },
  { name: 'YYYY-MM-DD HH:mm', precision: 'minute', write: (e) => `${ymd(hcmParts(e))} ${hm(hcmParts(e))}` },
  { name: 'YYYY-MM-DD HH:mm:ss', precision: 'second', write: (e) => `${ymd(hcmParts(e))} ${hms(hcmParts(e))}` },
  { name: 'YYYY-MM-DD', precision: 'day', write: (e) => ymd(hcmParts(e)) },
  { name: 'DD/MM/YYYY HH:mm', precision: 'minute', write: (e) => `${dmy(hcmParts(e), '/')} ${hm(hcmParts(e))}` },
  { name: 'DD/MM/YYYY', precision: 'day', write: (e) => dmy(hcmParts(e), '/') },
  { name: 'DD-MM-YYYY HH:mm', precision: 'minute', write: (e) => `${dmy(hcmParts(e), '-')} ${hm(hcmParts(e))}` },
  { name: 'portal, 24h + AM/PM', precision: 'minute', write: (e) => `${dmy(hcmParts(e), '.')} | ${portal24(hcmParts(e))}` },
  { name: 'portal, 12h + AM/PM', precision: 'minute', write: (e) => `${dmy(hcmParts(e), '.')} | ${h12(hcmParts(e))}` },
  { name: 'portal, 24h', precision: 'minute', write: (e) => `${dmy(hcmParts(e), '.')} | ${hm(hcmParts(e))}` },
];

const HOUR = 3_600_000;

function expectedInstant(epochMs: number, precision: Precision): number {
  if (precision === 'second') return Math.floor(epochMs / 1000) * 1000;
  if (precision === 'minute') return Math.floor(epochMs / 60_000) * 60_000;
  const p = hcmParts(epochMs);
  return Date.UTC(p.year, p.month - 1, p.day) - 7 * HOUR;
}

/** Deterministic instants spread over 1990–2035, plus awkward ones (midnight, noon, month and year ends). */
function sampleInstants(): number[] {
  const start = Date.UTC(1990, 0, 1);
  const end = Date.UTC(2035, 11, 31, 23, 59, 59);
  const instants: number[] = [];
  const count = 240;
  for (let i = 0; i < count; i++) {
    // Irregular steps so hours, minutes and seconds vary; 7919 ms jitter is prime.
    instants.push(start + Math.floor(((end - start) * i) / count) + ((i * 7919 * 1000 + i * 37) % 86_400_000));
  }
  for (const [y, m, d, h, mi] of [
    [2024, 9, 13, 0, 0], [2024, 9, 13, 12, 0], [2024, 9, 13, 12, 30], [2024, 9, 13, 0, 30], [2024, 9, 13, 23, 59],
    [2024, 12, 31, 23, 59], [2025, 1, 1, 0, 0], [2024, 2, 29, 6, 7], [2000, 2, 29, 11, 59], [1999, 12, 31, 23, 59],
    [2035, 12, 31, 23, 59], [1990, 1, 1, 0, 0], [2024, 7, 19, 3, 30], [2024, 9, 13, 1, 0], [2024, 9, 13, 13, 0],
  ] as const) {
    instants.push(Date.UTC(y, m - 1, d, h, mi, 42) - 7 * HOUR);
  }
  return instants;
}

describe('parseTimestamp: round trip over 1990–2035 in every format', () => {
  const instants = sampleInstants();

  it('covers many distinct hours, minutes and days', () => {
    const hours = new Set(instants.map((e) => hcmParts(e).hour));
    const years = new Set(instants.map((e) => hcmParts(e).year));
    expect(hours.size).toBe(24);
    expect(years.size).toBeGreaterThanOrEqual(40);
    expect(Math.min(...instants)).toBeGreaterThanOrEqual(Date.UTC(1989, 11, 31, 17));
    expect(Math.max(...instants)).toBeLessThanOrEqual(Date.UTC(2035, 11, 31, 17));
  });

  for (const format of FORMATS) {
    it(`${format.name}, e.g. ${format.write(Date.UTC(2024, 8, 13, 11, 13, 5))}`, () => {
      const results = sameInEveryMachineZone(() =>
        instants.map((epochMs) => {
          const text = format.write(epochMs);
          const result = parseTimestamp(text, HCM);
          return { text, epochMs: result.ok ? result.value.epochMs : result.message, local: result.ok ? result.value.local : null, offset: result.ok ? result.value.offsetMinutes : null };
        }),
      );
      results.forEach((r, i) => {
        const expected = expectedInstant(instants[i]!, format.precision);
        expect({ text: r.text, epochMs: r.epochMs, local: r.local, offset: r.offset }).toEqual({
          text: r.text,
          epochMs: expected,
          local: hcmParts(expected),
          offset: 420,
        });
      });
    });
  }
});

describe('timestampAt', () => {
  it('reads an instant in the site zone whatever the machine zone', () => {
    const value = sameInEveryMachineZone(() => timestampAt(Date.UTC(2024, 6, 18, 20, 30, 15), HCM));
    expect(value).toEqual({ epochMs: Date.UTC(2024, 6, 18, 20, 30, 15), local: local(2024, 7, 19, 3, 30, 15), offsetMinutes: 420 });
  });
});
