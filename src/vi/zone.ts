/** A wall-clock date and time, as read on a clock in some time zone. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows an IANA time zone name such as "Asia/Ho_Chi_Minh". */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in a time zone, independent of the machine's TZ. */
export function toLocal(epochMs: number, timeZone: string): LocalDateTime {
  const offset = steadyOffsetMs(epochMs, timeZone);
  if (offset === null) return intlLocal(epochMs, timeZone);
  const date = new Date(Math.floor(epochMs / 1000) * 1000 + offset);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds() };
}

function intlLocal(epochMs: number, timeZone: string): LocalDateTime {
  const values: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) values[part.type] = part.value;
  const yearOfEra = Number(values.year);
  return {
    year: values.era === 'BC' ? 1 - yearOfEra : yearOfEra,
    month: Number(values.month),
    day: Number(values.day),
    hour: Number(values.hour),
    minute: Number(values.minute),
    second: Number(values.second),
  };
}

/** Per zone, per UTC day: the offset in force for the whole day, or null when it changes within it. */
const steadyOffsets = new Map<string, Map<number, number | null>>();

/** The zone's offset during the UTC day of an instant when it holds for the whole day (Intl asked twice per day, not per instant). */
function steadyOffsetMs(epochMs: number, timeZone: string): number | null {
  let byDay = steadyOffsets.get(timeZone);
  if (!byDay) steadyOffsets.set(timeZone, (byDay = new Map()));
  const day = Math.floor(epochMs / DAY_MS);
  let offset = byDay.get(day);
  if (offset === undefined) {
    const first = intlOffsetMs(day * DAY_MS, timeZone);
    offset = first !== null && intlOffsetMs((day + 1) * DAY_MS - 1000, timeZone) === first ? first : null;
    byDay.set(day, offset);
  }
  return offset;
}

function intlOffsetMs(wholeSecondMs: number, timeZone: string): number | null {
  try {
    return wallClockMs(intlLocal(wholeSecondMs, timeZone)) - wholeSecondMs;
  } catch {
    return null; // outside the dates Intl can format: the caller asks Intl for the instant itself
  }
}

/** Milliseconds of a wall-clock reading taken as if it were UTC. */
export function wallClockMs(local: LocalDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, local.second, 0);
  return date.getTime();
}

/** Offset of a time zone from UTC at an instant, in milliseconds (historical offsets have seconds). */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
  return wallClockMs(toLocal(wholeSecondMs, timeZone)) - wholeSecondMs;
}

/** Offset of a time zone from UTC at an instant, in minutes (+420 for Asia/Ho_Chi_Minh today). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  return Math.round(zoneOffsetMs(epochMs, timeZone) / 60_000);
}

/**
 * The instant at which a time zone's clocks show `local`. When clocks go back and the reading
 * happens twice, the earlier instant; when they go forward and it never happens, the reading
 * taken with the offset in force before the change.
 */
export function localToEpoch(local: LocalDateTime, timeZone: string): number {
  const asUtc = wallClockMs(local);
  const offsetBefore = zoneOffsetMs(asUtc - DAY_MS, timeZone);
  const offsets = new Set([offsetBefore, zoneOffsetMs(asUtc, timeZone), zoneOffsetMs(asUtc + DAY_MS, timeZone)]);
  const matches = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((epochMs) => wallClockMs(toLocal(epochMs, timeZone)) === asUtc)
    .sort((a, b) => a - b);
  return matches[0] ?? asUtc - offsetBefore;
}
