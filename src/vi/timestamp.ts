import { quoted } from './text.js';
import { localToEpoch, toLocal, zoneOffsetMinutes, type LocalDateTime } from './zone.js';

/** A publication instant with its reading in the site time zone. */
export interface Timestamp {
  /** Milliseconds since the Unix epoch. */
  readonly epochMs: number;
  /** Wall clock in the site time zone: what decides the day, month and year pages. */
  readonly local: LocalDateTime;
  /** Offset of the site time zone at that instant, in minutes. */
  readonly offsetMinutes: number;
}

/** The formats editors may write, listed in error hints. */
export const ACCEPTED_TIMESTAMP_FORMATS: readonly string[] = [
  '2024-09-13T18:13:00+07:00',
  '2024-09-13T11:13:00Z',
  '2024-09-13 18:13',
  '2024-09-13',
  '13/09/2024 18:13',
  '13/09/2024',
  '13-09-2024 18:13',
  '13.09.2024 | 18:13 PM',
];

/** Either a parsed timestamp or the reason the text is not one. */
export type TimestampResult = { ok: true; value: Timestamp } | { ok: false; message: string };

interface Reading {
  local: LocalDateTime;
  /** Offset written in the text, in minutes; null when the text is in the site time zone. */
  writtenOffset: number | null;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const DAY_FIRST = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const PORTAL = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\s*\|\s*(\d{1,2}):(\d{2})(?:\s*(AM|PM))?$/i;

const fail = (message: string): TimestampResult => ({ ok: false, message });

/** Parses an editor's timestamp; text without an offset is read in `timeZone`. */
export function parseTimestamp(raw: string, timeZone: string): TimestampResult {
  const text = raw.trim();
  const reading = readIso(text) ?? readDayFirst(text) ?? readPortal(text);
  if (reading === undefined) return fail(`${quoted(raw)} is not a timestamp in an accepted format`);
  if (typeof reading === 'string') return fail(`${quoted(raw)}: ${reading}`);
  const problem = checkLocal(reading.local);
  if (problem) return fail(`${quoted(raw)}: ${problem}`);
  const epochMs =
    reading.writtenOffset === null
      ? localToEpoch(reading.local, timeZone)
      : localToEpoch(reading.local, 'UTC') - reading.writtenOffset * 60_000;
  return { ok: true, value: timestampAt(epochMs, timeZone) };
}

/** The timestamp of an instant, read in `timeZone`. */
export function timestampAt(epochMs: number, timeZone: string): Timestamp {
  return { epochMs, local: toLocal(epochMs, timeZone), offsetMinutes: zoneOffsetMinutes(epochMs, timeZone) };
}

function local(year: string, month: string, day: string, hour = '0', minute = '0', second = '0'): LocalDateTime {
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
}

function readIso(text: string): Reading | string | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, offset] = m as unknown as string[];
  const writtenOffset = offset === undefined ? null : parseOffset(offset);
  if (Number.isNaN(writtenOffset)) return `offset ${offset} is out of range`;
  return { local: local(y!, mo!, d!, h, mi, s), writtenOffset };
}

function parseOffset(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59 || (digits.length !== 2 && digits.length !== 4)) return NaN;
  return sign * (hours * 60 + minutes);
}

function readDayFirst(text: string): Reading | undefined {
  const m = DAY_FIRST.exec(text);
  if (!m) return undefined;
  const [, d, , mo, y, h, mi, s] = m as unknown as string[];
  return { local: local(y!, mo!, d!, h, mi, s), writtenOffset: null };
}

function readPortal(text: string): Reading | string | undefined {
  const m = PORTAL.exec(text);
  if (!m) return undefined;
  const [, d, mo, y, h, mi, meridiem] = m as unknown as string[];
  const hour = portalHour(Number(h), meridiem?.toUpperCase());
  if (typeof hour === 'string') return hour;
  return { local: local(y!, mo!, d!, String(hour), mi), writtenOffset: null };
}

/**
 * The portal writes 24-hour times with a redundant PM ("18:13 PM"); 1–11 PM are 12-hour times,
 * 12 PM is noon and 12 AM midnight. An afternoon hour marked AM contradicts itself.
 */
function portalHour(hour: number, meridiem: string | undefined): number | string {
  if (meridiem === undefined || hour > 23) return hour;
  if (meridiem === 'AM') {
    if (hour >= 13) return `hour ${hour} cannot be AM`;
    return hour === 12 ? 0 : hour;
  }
  if (hour === 0) return 'hour 0 cannot be PM';
  if (hour === 12 || hour >= 13) return hour;
  return hour + 12;
}

function checkLocal({ year, month, day, hour, minute, second }: LocalDateTime): string | undefined {
  if (year < 1) return `year ${year} does not exist`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
  if (day < 1 || day > daysInMonth) return `${month}/${year} has no day ${day}`;
  if (hour > 23) return `hour ${hour} does not exist`;
  if (minute > 59) return `minute ${minute} does not exist`;
  if (second > 59) return `second ${second} does not exist`;
  return undefined;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
