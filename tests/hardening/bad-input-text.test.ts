// Unicode forms, invisible characters, encodings and line endings: text is read exactly once, as
// UTF-8 (or UTF-16 with a byte order mark), shown to readers in NFC without invisible characters.
import { describe, expect, it } from 'vitest';
import { DATE_HINT, ENCODING_HINT, allText, articleText, buildFiles, err, expectBuilt, expectRejected, scratchFolder } from './bad-input-helpers.js';

const tmp = await scratchFolder('text');
const FILE = 'content/bai.md';
const build = (content: string | Uint8Array) => buildFiles(tmp, { 'bai.md': content });
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('Unicode forms', () => {
  it('an NFD title is shown and slugged as its NFC form', async () => {
    const site = await build(articleText({ title: 'Thời sự nóng hổi'.normalize('NFD') }));
    expectBuilt(site, 1);
    expect(site.result.parsed[0]!.title).toBe('Thời sự nóng hổi'.normalize('NFC'));
    const page = site.page('/thoi-su/thoi-su-nong-hoi/');
    expect(page).toContain('<h1 class="article-title">Thời sự nóng hổi</h1>');
    expect(page.includes('Thời sự nóng hổi'.normalize('NFD'))).toBe(false);
  });

  it('a title mixing NFC and NFD words is one NFC string', async () => {
    const site = await build(articleText({ title: `${'Sơ'.normalize('NFD')} kết ${'thi đua'.normalize('NFD')}` }));
    expectBuilt(site, 1);
    expect(site.result.parsed[0]!.title).toBe('Sơ kết thi đua');
    expect(site.result.parsed[0]!.slug).toBe('so-ket-thi-dua');
  });
});

describe('invisible characters', () => {
  it('zero-width characters are removed from titles, never split a slug, and never reach the page', async () => {
    const site = await build(articleText({ title: '"B\u200Bài vi\u200Cết\u200D m\uFEFFới"' }));
    expectBuilt(site, 1);
    expect(site.result.parsed[0]!.title).toBe('Bài viết mới');
    expect(site.page('/thoi-su/bai-viet-moi/')).toContain('<h1 class="article-title">Bài viết mới</h1>');
    expect(INVISIBLE.test(allText(site))).toBe(false);
  });

  it('bidi controls are removed from titles: "\\u202Egpj.exe" shows as "gpj.exe", not "exe.jpg"', async () => {
    const site = await build(articleText({ title: '"Ảnh \u202Egpj.exe\u202C và \u2067chữ\u2069 \u200Fngược\u200E"' }));
    expectBuilt(site, 1);
    expect(site.result.parsed[0]!.title).toBe('Ảnh gpj.exe và chữ ngược');
    expect(site.result.parsed[0]!.slug).toBe('anh-gpj-exe-va-chu-nguoc');
    expect(INVISIBLE.test(allText(site))).toBe(false);
  });

  it('author, category and tags are cleaned too: a zero-width space does not make a second category', async () => {
    const site = await buildFiles(tmp, {
      'a.md': articleText({ title: 'Bài A', category: '"Thời\u200B sự"', author: '"Thu\u202E Hoài"', tags: '["thi\u200D đua"]' }),
      'b.md': articleText({ title: 'Bài B' }),
    });
    expectBuilt(site, 2);
    expect(site.result.parsed.map((a) => [a.category, a.authors, a.tags])).toEqual([
      ['Thời sự', ['Thu Hoài'], ['thi đua']],
      ['Thời sự', ['Thu Hoài'], []],
    ]);
  });

  it('control characters are removed from titles and shown escaped in messages', async () => {
    const site = await build(articleText({ title: '"Tin\\e[31m đỏ\\a"' }));
    expect(site.result.parsed[0]!.title).toBe('Tin[31m đỏ');
    expectRejected(await build(articleText({ date: '"\\e[2J13/09/2024"' })), [
      err(FILE, 4, 'date', '"\\u001B[2J13/09/2024" is not a timestamp in an accepted format', DATE_HINT),
    ]);
  });

  it('the body is kept as written: a zero-width joiner inside an emoji sequence stays', async () => {
    const site = await build(articleText({}, 'Gia đình 👨\u200D👩\u200D👧.\n'));
    expectBuilt(site, 1);
    expect(site.page('/thoi-su/bai-viet/')).toContain('Gia đình 👨\u200D👩\u200D👧.');
  });
});

describe('encodings', () => {
  it('bytes that are not UTF-8 are an error on their line (here a Windows-1258 title)', async () => {
    const site = await build(bytes('---\ntitle: B', [0xe0], 'i viết\nauthor: A\n'));
    expectRejected(site, [err(FILE, 2, undefined, 'the file is not valid UTF-8', ENCODING_HINT)]);
  });

  it('the line of a bad byte is counted across LF, CRLF and lone CR line endings', async () => {
    const text = articleText({}, 'một\ntwo\n');
    expectRejected(await build(bytes(text, [0xc3, 0x28], '\n')), [err(FILE, 9, undefined, 'the file is not valid UTF-8', ENCODING_HINT)]);
    expectRejected(await build(bytes(text.replace(/\n/g, '\r\n'), [0xff])), [err(FILE, 9, undefined, 'the file is not valid UTF-8', ENCODING_HINT)]);
    expectRejected(await build(bytes(text.replace(/\n/g, '\r'), [0xed, 0xa0, 0x80])), [err(FILE, 9, undefined, 'the file is not valid UTF-8', ENCODING_HINT)]);
  });

  it('a NUL character is an error on its line', async () => {
    expectRejected(await build(articleText({}, 'một\nhai\0ba\n')), [
      err(FILE, 8, undefined, 'the file contains a NUL character: it is not plain text, or was saved as UTF-16 without a byte order mark', ENCODING_HINT),
    ]);
  });

  it('UTF-16 with a byte order mark, little- or big-endian, is read like UTF-8', async () => {
    const text = articleText({ title: 'Bài UTF-16' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const encoded of [le, be]) {
      const site = await build(encoded);
      expectBuilt(site, 1);
      expect(site.page('/thoi-su/bai-utf-16/')).toContain('<h1 class="article-title">Bài UTF-16</h1>');
      expect(site.result.parsed[0]!.bodyLine).toBe(7);
    }
    const badDate = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(articleText({ date: 'hôm qua' }), 'utf16le')]);
    expectRejected(await build(badDate), [err(FILE, 4, 'date', '"hôm qua" is not a timestamp in an accepted format', DATE_HINT)]);
  });

  it('UTF-16 without a byte order mark, or broken UTF-16, is an error', async () => {
    expectRejected(await build(Buffer.from(articleText(), 'utf16le')), [
      err(FILE, 1, undefined, 'the file contains a NUL character: it is not plain text, or was saved as UTF-16 without a byte order mark', ENCODING_HINT),
    ]);
    expectRejected(await build(Buffer.from([0xff, 0xfe, 0x2d, 0x00, 0x00, 0xd8])), [err(FILE, 1, undefined, 'the file is not valid UTF-16', ENCODING_HINT)]);
  });

  it('a UTF-8 byte order mark is dropped and lines are counted as without it', async () => {
    const site = await build(bytes([0xef, 0xbb, 0xbf], articleText()));
    expectBuilt(site, 1);
    expect(site.result.parsed[0]!.title).toBe('Bài viết');
    expectRejected(await build(bytes([0xef, 0xbb, 0xbf], articleText({ date: '31/02/2024' }))), [
      err(FILE, 4, 'date', '"31/02/2024": 2/2024 has no day 31', DATE_HINT),
    ]);
  });
});

describe('line endings', () => {
  for (const [name, eol] of [['CRLF', '\r\n'], ['lone CR', '\r']] as const) {
    it(`${name} files build, with the same lines and body as LF`, async () => {
      const site = await build(articleText({}, 'Đoạn một.\n\nĐoạn hai.\n').replace(/\n/g, eol));
      expectBuilt(site, 1);
      expect(site.result.parsed[0]!.body).toBe('Đoạn một.\n\nĐoạn hai.\n');
      expect(site.result.parsed[0]!.bodyLine).toBe(7);
      expect(site.page('/thoi-su/bai-viet/')).toContain('<p>Đoạn hai.</p>');
      expectRejected(await build(articleText({ category: '12' }).replace(/\n/g, eol)), [
        err(FILE, 5, 'category', 'must be text, not the number 12', 'Write the value as text; put it in quotes if it looks like a number or a date.'),
      ]);
    });
  }
});
