// Properties over generated inputs: slugs are always clean, timestamps round-trip in any machine
// time zone, front-matter never throws, and pagination and day pages show each article once.
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/model/index.js';
import { pageCount, pageSlice } from '../../src/model/pagination.js';
import { parseArticle } from '../../src/source/article.js';
import type { SourceFile } from '../../src/source/types.js';
import { dayKey } from '../../src/vi/dates.js';
import { slugify } from '../../src/vi/slugify.js';
import { parseTimestamp } from '../../src/vi/timestamp.js';
import { toLocal, type LocalDateTime } from '../../src/vi/zone.js';
import { makeArticle } from '../helpers/article.js';
import { MACHINE_ZONES } from '../helpers/time-zones.js';

const SLUG_SHAPE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VIETNAMESE = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ0123456789'];
const ODD = [...' -_./\\%:!?…—“”\u0000\u00AD\u200B\u200C\u200D\u202E\u2066\uFEFF🎉👨‍👩‍👧', '\u0301', '\u0323', '\u0309'];
/** Text that looks Vietnamese, with punctuation, marks, invisible characters, emoji; or any code points. */
const anyText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...VIETNAMESE, ...ODD), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('slugify', () => {
  it('gives a clean slug or "", is idempotent, ignores the Unicode form, and never gives ".."', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const slug = slugify(text);
        expect(slug === '' || SLUG_SHAPE.test(slug)).toBe(true);
        expect(slugify(slug)).toBe(slug);
        expect(slugify(text.normalize('NFD'))).toBe(slug);
        expect(slugify(text.normalize('NFC'))).toBe(slug);
        expect(slug.includes('..')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** Each accepted format, written from a wall-clock reading; `dateOnly` formats drop the time of day. */
const LOCAL_FORMATS: { name: string; dateOnly: boolean; write: (l: LocalDateTime) => string }[] = [
  { name: 'ISO, minutes', dateOnly: false, write: (l) => `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)}` },
  { name: 'ISO T, seconds', dateOnly: false, write: (l) => `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:00` },
  { name: 'ISO date', dateOnly: true, write: (l) => `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}` },
  { name: 'day first /', dateOnly: false, write: (l) => `${pad(l.day)}/${pad(l.month)}/${l.year} ${pad(l.hour)}:${pad(l.minute)}` },
  { name: 'day first / date', dateOnly: true, write: (l) => `${l.day}/${l.month}/${l.year}` },
  { name: 'day first -', dateOnly: false, write: (l) => `${pad(l.day)}-${pad(l.month)}-${l.year} ${l.hour}:${pad(l.minute)}` },
  { name: 'portal 24h', dateOnly: false, write: (l) => `${pad(l.day)}.${pad(l.month)}.${l.year} | ${pad(l.hour)}:${pad(l.minute)}` },
  { name: 'portal AM/PM', dateOnly: false, write: (l) => `${pad(l.day)}.${pad(l.month)}.${l.year} | ${pad(l.hour % 12 === 0 ? 12 : l.hour % 12)}:${pad(l.minute)} ${l.hour < 12 ? 'AM' : 'PM'}` },
  { name: 'portal, redundant PM', dateOnly: false, write: (l) => `${pad(l.day)}.${pad(l.month)}.${l.year} | ${pad(l.hour)}:${pad(l.minute)}${l.hour >= 13 ? ' PM' : ''}` },
];
/** Site zones with one offset since 1976 (no daylight saving), so every wall-clock reading names one instant. */
const SITE_ZONES = ['Asia/Ho_Chi_Minh', 'Asia/Tokyo', 'Asia/Kolkata', 'UTC'];
const MINUTE = 60_000;
const wholeMinutes = (from: number, to: number) => fc.integer({ min: from / MINUTE, max: to / MINUTE }).map((m) => m * MINUTE);

/** The calendar day of an instant in a zone, by Intl alone (not by the code under test). */
function intlDay(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(epochMs);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Runs `run` with the machine's TZ set to `zone`, restoring it after. */
function underMachineZone<T>(zone: string, run: () => T): T {
  const original = process.env.TZ;
  try {
    process.env.TZ = zone;
    return run();
  } finally {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  }
}

describe('timestamps', () => {
  it('every format, written in the site zone, reads back as the same instant on the same local day, whatever the machine zone', () => {
    fc.assert(
      fc.property(wholeMinutes(Date.UTC(1976, 0, 1), Date.UTC(2200, 0, 1)), fc.constantFrom(...SITE_ZONES), fc.constantFrom(...LOCAL_FORMATS), fc.constantFrom(...MACHINE_ZONES), (epochMs, zone, format, machineZone) => {
        const local = toLocal(epochMs, zone);
        const parsed = underMachineZone(machineZone, () => parseTimestamp(format.write(local), zone));
        if (!parsed.ok) throw new Error(`${format.name}: ${parsed.message}`);
        const midnight = { ...local, hour: 0, minute: 0, second: 0 };
        expect(parsed.value.local).toEqual(format.dateOnly ? midnight : local);
        if (!format.dateOnly) expect(parsed.value.epochMs).toBe(epochMs);
        expect(dayKey(parsed.value.local)).toBe(intlDay(epochMs, zone));
      }),
      { numRuns: 400 },
    );
  });

  it('written with an offset (+09:00, +0900, Z or z), any instant from year 1 to 9999 reads back exactly', () => {
    fc.assert(
      fc.property(wholeMinutes(new Date(0).setUTCFullYear(1, 0, 2), Date.UTC(9999, 11, 30)), fc.constantFrom(...SITE_ZONES), fc.constantFrom('Z', 'z', 'offset', 'compact'), fc.constantFrom(...MACHINE_ZONES), (epochMs, zone, style, machineZone) => {
        const utc = new Date(epochMs).toISOString().slice(0, 16);
        const text = style === 'Z' || style === 'z' ? `${utc}:00${style}` : atPlusNine(epochMs, style === 'compact');
        const parsed = underMachineZone(machineZone, () => parseTimestamp(text, zone));
        if (!parsed.ok) throw new Error(parsed.message);
        expect(parsed.value.epochMs).toBe(epochMs);
        expect(dayKey(parsed.value.local)).toBe(intlDay(epochMs, zone));
      }),
      { numRuns: 300 },
    );
  });
});

/** An instant written at +09:00 ("…T09:13:00+09:00", or "+0900" when compact): a fixed offset, valid for any year. */
function atPlusNine(epochMs: number, compact: boolean): string {
  const shifted = new Date(epochMs + 9 * 60 * MINUTE).toISOString().slice(0, 16);
  return `${shifted}:00${compact ? '+0900' : '+09:00'}`;
}

const SOURCE: SourceFile = { absolutePath: '/site/content/bai.md', contentPath: 'bai.md', displayPath: 'content/bai.md' };

/** parseArticle gives an article or errors, every diagnostic located in the file, and never throws. */
function checkParse(text: string): void {
  const { article, diagnostics } = parseArticle(text, SOURCE, 'Asia/Ho_Chi_Minh');
  if (article === null) expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
  for (const d of diagnostics) {
    expect(d.file).toBe('content/bai.md');
    expect(d.line === undefined || (Number.isInteger(d.line) && d.line >= 1)).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

const KEYS = ['title', 'tiêu_đề', 'Tiêu đề', 'author', 'tác_giả', 'date', 'thời_gian', 'category', 'chuyên_mục', 'slug', 'permalink', 'tags', 'từ_khóa', 'draft', 'aliases', 'image', 'sapo'];
const VALUES = fc.oneof(anyText, fc.constantFrom('2024-09-13 18:13', '13.09.2024 | 18:13 PM', 'Thời sự', '/tin/1/', 'con', '..'), fc.anything({ maxDepth: 2 }));

describe('front-matter', () => {
  it('never throws on arbitrary text, with or without fences', () => {
    const fenced = fc.tuple(fc.constantFrom('---\n', '---yaml\n', '---js\n', '--- \n', '\uFEFF---\r\n', ''), anyText, fc.constantFrom('\n---\n', '\n---', '\r\n---\r\n', ''), anyText)
      .map((parts) => parts.join(''));
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fenced), checkParse), { numRuns: 500 });
  });

  it('never throws on arbitrary YAML documents, with known keys in any spelling and values of any type', () => {
    const documents = fc.oneof(
      fc.object({ maxDepth: 2 }),
      fc.dictionary(fc.constantFrom(...KEYS), VALUES, { maxKeys: 8 }),
    ).map((data) => `---\n${yaml.dump(data, { skipInvalid: true })}---\nNội dung.\n`);
    fc.assert(fc.property(documents, checkParse), { numRuns: 400 });
  });
});

describe('pagination and day pages', () => {
  const CATEGORIES = ['Thời sự', 'Kinh tế', 'Văn hóa', 'thời sự'];
  const NOW = Date.UTC(2026, 0, 1);
  const articleSets = fc.array(fc.record({
    category: fc.constantFrom(...CATEGORIES),
    epochMs: wholeMinutes(Date.UTC(2023, 11, 25), Date.UTC(2026, 0, 10)),
    draft: fc.boolean(),
  }), { maxLength: 60 });

  it('shows every published article exactly once across its category\'s pages and once on its local day', () => {
    fc.assert(
      fc.property(articleSets, fc.integer({ min: 1, max: 7 }), (specs, perPage) => {
        const parsed = specs.map((spec, i) => makeArticle({
          contentPath: `bai-${i}.md`, title: `Bài ${i}`, category: spec.category, draft: spec.draft, at: new Date(spec.epochMs).toISOString(),
        }));
        const { site } = buildSiteModel(parsed, { perPage, categories: [], drafts: false, future: false, now: NOW });
        const expected = specs.filter((s) => !s.draft && s.epochMs <= NOW).length;
        expect(site.articles).toHaveLength(expected);
        const inCategories = new Map<number, number>();
        for (const category of site.categories) {
          const pages = pageCount(category.articleIds.length, perPage);
          expect(site.routes.filter((r) => r.kind === 'category' && r.categorySlug === category.slug)).toHaveLength(pages);
          for (let page = 1; page <= pages; page++) {
            for (const id of pageSlice(category.articleIds, page, perPage)) {
              expect(site.articles[id]!.categorySlug).toBe(category.slug);
              inCategories.set(id, (inCategories.get(id) ?? 0) + 1);
            }
          }
        }
        const inDays = new Map<number, string[]>();
        for (const day of site.days.values()) for (const id of day.articleIds) inDays.set(id, [...(inDays.get(id) ?? []), day.key]);
        site.articles.forEach((article, id) => {
          expect(inCategories.get(id)).toBe(1);
          expect(inDays.get(id)).toEqual([intlDay(article.publishedAt.epochMs, 'Asia/Ho_Chi_Minh')]);
        });
      }),
      { numRuns: 150 },
    );
  });
});
