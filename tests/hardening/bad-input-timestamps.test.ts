// Timestamps that do not exist or are not timestamps fail on their line; odd but valid ones
// (far past, far future, compact offsets, lowercase z) land on the right local day.
import { describe, expect, it } from 'vitest';
import { DATE_HINT, articleText, buildFiles, err, expectBuilt, expectRejected, scratchFolder } from './bad-input-helpers.js';

const tmp = await scratchFolder('timestamps');
const FILE = 'content/bai.md';
const withDate = (date: string, options = {}) => buildFiles(tmp, { 'bai.md': articleText({ date }) }, options);

describe('timestamps that are rejected', () => {
  const cases: [string, string][] = [
    ['31/02/2024', '"31/02/2024": 2/2024 has no day 31'],
    ['29/02/2023 10:00', '"29/02/2023 10:00": 2/2023 has no day 29'],
    ['2024-09-13 25:00', '"2024-09-13 25:00": hour 25 does not exist'],
    ['13.09.2024 | 25:10 PM', '"13.09.2024 | 25:10 PM": hour 25 does not exist'],
    ['13.09.2024 | 18:13 AM', '"13.09.2024 | 18:13 AM": hour 18 cannot be AM'],
    ['2024-09-13 18:60', '"2024-09-13 18:60": minute 60 does not exist'],
    ['hôm qua', '"hôm qua" is not a timestamp in an accepted format'],
    ['0000-01-01', '"0000-01-01": year 0 does not exist'],
    ['2024-09-13T18:13:00+15:00', '"2024-09-13T18:13:00+15:00": offset +15:00 is out of range'],
    ['2024-09-13T18:13:00+7', '"2024-09-13T18:13:00+7" is not a timestamp in an accepted format'],
    ['"2024-09-13\\u202E 18:13"', '"2024-09-13\\u202E 18:13" is not a timestamp in an accepted format'],
  ];
  for (const [written, message] of cases) {
    it(`${written} → ${message}`, async () => {
      expectRejected(await withDate(written), [err(FILE, 4, 'date', message, DATE_HINT)]);
    });
  }
});

describe('timestamps that are accepted', () => {
  const sameInstant = ['2024-09-13T18:13:00+0700', '2024-09-13T18:13:00+07', '2024-09-13T11:13:00z', '2024-09-13t11:13:00Z', '2024-09-13T18:13:00+07:00'];
  for (const written of sameInstant) {
    it(`${written} is 18:13 on 13/09/2024 in the site zone`, async () => {
      const site = await withDate(written);
      expectBuilt(site, 1);
      expect(site.result.parsed[0]!.publishedAt).toEqual({
        epochMs: Date.UTC(2024, 8, 13, 11, 13),
        local: { year: 2024, month: 9, day: 13, hour: 18, minute: 13, second: 0 },
        offsetMinutes: 420,
      });
      expect(site.page('/2024/09/13/')).toContain('/thoi-su/bai-viet/');
    });
  }

  it('1900-01-01 is published on its own day page, read in the zone of the time (local mean time, +07:06:30)', async () => {
    const site = await withDate('1900-01-01');
    expectBuilt(site, 1);
    const { publishedAt } = site.result.parsed[0]!;
    expect(publishedAt.local).toEqual({ year: 1900, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
    expect(publishedAt.epochMs).toBe(Date.UTC(1899, 11, 31, 16, 53, 30));
    expect(site.page('/1900/01/01/')).toContain('/thoi-su/bai-viet/');
    expect(site.page('/thoi-su/bai-viet/')).toContain('Thứ Hai, 01/01/1900 00:00');
    expect(site.page('/thoi-su/bai-viet/')).toContain('datetime="1899-12-31T16:53:30Z"');
  });

  it('2999-01-01 is valid but waits: not published, no diagnostic, until --future', async () => {
    const waiting = await withDate('2999-01-01');
    expectBuilt(waiting, 0);
    expect(waiting.result.parsed.map((a) => a.slug)).toEqual(['bai-viet']);
    expect(waiting.writer.paths().filter((p) => p.startsWith('2999/') || p.startsWith('thoi-su/'))).toEqual([]);
    const future = await withDate('2999-01-01', { future: true });
    expectBuilt(future, 1);
    expect(future.page('/2999/01/01/')).toContain('/thoi-su/bai-viet/');
    expect(future.page('/thoi-su/bai-viet/')).toContain('Thứ Ba, 01/01/2999 00:00');
  });
});
