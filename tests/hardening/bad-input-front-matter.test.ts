// Malformed front-matter and wrong value types: each file fails the build with one located
// diagnostic and nothing is written; front-matter in a programming language is never run.
import { describe, expect, it } from 'vitest';
import { YAML_HINT, articleText, buildFiles, err, expectBuilt, expectRejected, scratchFolder } from './bad-input-helpers.js';

const tmp = await scratchFolder('front-matter');
const FILE = 'content/bai.md';
const build = (text: string) => buildFiles(tmp, { 'bai.md': text });
const QUOTE_HINT = 'Close the quote at the end of the value, or remove it.';
const TYPE_HINT = 'Write the value as text; put it in quotes if it looks like a number or a date.';

describe('malformed YAML', () => {
  it('an unclosed quote is reported on the line that opened it', async () => {
    expectRejected(await build(articleText({ title: '"Bài viết' })), [
      err(FILE, 2, undefined, 'front-matter is not valid YAML: the quote opened on this line is not closed (unexpected end of the stream within a double quoted scalar)', QUOTE_HINT),
    ]);
  });

  it('an unclosed quote that swallows the next fields is reported as such, not as missing fields', async () => {
    const text = articleText({ title: "'Bài viết", tags: "[a]'" });
    expectRejected(await build(text), [
      err(FILE, 2, 'title', 'the quote opened on this line is not closed on it, so the lines after it became part of "title"', QUOTE_HINT),
    ]);
  });

  it('bad indentation is reported on its line', async () => {
    expectRejected(await build(articleText({ author: 'Thu Hoài\n  nguồn: Báo tỉnh' })), [
      err(FILE, 4, undefined, 'front-matter is not valid YAML: bad indentation of a mapping entry', YAML_HINT),
    ]);
  });

  it('tabs used for indentation are reported on their line', async () => {
    expectRejected(await build(articleText({ tags: '\n\t- thi đua' })), [
      err(FILE, 7, undefined, 'front-matter is not valid YAML: tab characters must not be used in indentation', YAML_HINT),
    ]);
  });

  it('a key written twice in YAML is an error', async () => {
    expectRejected(await build(articleText().replace('category: Thời sự', 'category: Thời sự\ntitle: Lần hai')), [
      err(FILE, 6, undefined, 'front-matter is not valid YAML: duplicated mapping key', 'This key is already written above: keep one of the two lines.'),
    ]);
  });
});

describe('front-matter fences', () => {
  it('an unclosed front-matter is an error on line 1', async () => {
    expectRejected(await build(articleText().replace('\n---\n', '\n')), [
      err(FILE, 1, undefined, 'the front-matter is not closed', 'Add a line "---" after the last field, before the article text.'),
    ]);
  });

  it('an empty file has no front-matter', async () => {
    expectRejected(await build(''), [
      err(FILE, 1, undefined, 'the file has no front-matter', 'Start the file with a line "---", the fields (title, author, date, category), then another "---".'),
    ]);
  });

  it('front-matter alone, without a body, is a valid article with an empty body', async () => {
    const site = await build(articleText({}, '').replace(/\n$/, ''));
    expectBuilt(site, 1);
    expect(site.result.parsed[0]!.body).toBe('');
    expect(site.page('/thoi-su/bai-viet/')).toContain('<h1 class="article-title">Bài viết</h1>');
  });

  it('empty front-matter names every missing field', async () => {
    const site = await build('---\n---\nNội dung.\n');
    expect(site.result.diagnostics.map((d) => `${d.line} ${d.field} ${d.message}`)).toEqual([
      '1 title is missing', '1 author is missing', '1 date is missing', '1 category is missing',
    ]);
    expectRejected(site, [...site.result.diagnostics]);
  });
});

describe('front-matter in a programming language', () => {
  const marker = '__bantinHardeningRan';
  const programs: Record<string, string> = {
    js: `---js\n{ title: (globalThis.${marker} = 'js') }\n---\nx\n`,
    javascript: `---javascript\nglobalThis.${marker} = 'javascript'; module.exports = { title: 'x' }\n---\nx\n`,
    coffee: `---coffee\nglobalThis.${marker} = 'coffee'\n---\nx\n`,
    JS: `--- JS\n{ title: (globalThis.${marker} = 'JS') }\n---\nx\n`,
  };

  for (const [language, text] of Object.entries(programs)) {
    it(`"---${language}" is rejected and never evaluated`, async () => {
      expectRejected(await build(text), [
        err(FILE, 1, undefined, `front-matter in "${language}" is not allowed`, 'Write the front-matter in YAML: start the file with a plain "---" line.'),
      ]);
      expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    });
  }
});

describe('values of the wrong type', () => {
  it('a list as title', async () => {
    expectRejected(await build(articleText({ title: '[Bài, viết]' })), [err(FILE, 2, 'title', 'must be text, not a list', TYPE_HINT)]);
  });

  it('a number as category', async () => {
    expectRejected(await build(articleText({ category: '12' })), [err(FILE, 5, 'category', 'must be text, not the number 12', TYPE_HINT)]);
  });

  it('infinity as title is named as such', async () => {
    expectRejected(await build(articleText({ title: '.inf' })), [err(FILE, 2, 'title', 'must be text, not the number Infinity', TYPE_HINT)]);
  });

  it('a mapping as date', async () => {
    expectRejected(await build(articleText({ date: '{ năm: 2024, tháng: 9 }' })), [
      err(FILE, 4, 'date', 'must be a date written as text, not a group of fields', 'Accepted formats: 2024-09-13T18:13:00+07:00, 2024-09-13T11:13:00Z, 2024-09-13 18:13, 2024-09-13, 13/09/2024 18:13, 13/09/2024, 13-09-2024 18:13, 13.09.2024 | 18:13 PM.'),
    ]);
  });

  it('both spellings of a field disagreeing', async () => {
    expectRejected(await build(articleText({ 'tiêu_đề': 'Bài khác' })), [
      err(FILE, 6, 'tiêu_đề', 'written twice, as "title" and "tiêu_đề", with different values', 'Keep one of the two lines.'),
    ]);
  });

  it('both spellings agreeing, in any key order, are one field, checked once', async () => {
    expectRejected(await build(articleText({ 'từ_khóa': '{ b: 2, a: 1 }', tags: '{ a: 1, b: 2 }' })), [
      err(FILE, 6, 'từ_khóa', 'must be text or a list of texts', 'Write one value, or a list like ["một", "hai"].'),
    ]);
  });

  it('a YAML alias that refers to itself is a conflict, not a crash', async () => {
    expectRejected(await build(articleText({ tags: '&vong [a, *vong]', 'từ_khóa': '[a]' })), [
      err(FILE, 7, 'từ_khóa', 'written twice, as "tags" and "từ_khóa", with different values', 'Keep one of the two lines.'),
      err(FILE, 6, 'tags', 'must be text or a list of texts', 'Write one value, or a list like ["một", "hai"].'),
    ]);
  });

  it('exponentially nested YAML aliases are compared within a budget, in milliseconds', async () => {
    const levels = ['l0: &l0 [a, a, a, a, a, a, a, a, a]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    const withLevels = articleText({ tags: '*l8', 'từ_khóa': '*l7' }).replace('---\n', `---\n${levels.join('\n')}\n`);
    const started = performance.now();
    const site = await build(withLevels);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(site.result.diagnostics.map((d) => `${d.line} ${d.field}: ${d.message}`)).toEqual([
      '16 từ_khóa: written twice, as "tags" and "từ_khóa", with different values',
      '15 tags: must be text or a list of texts',
    ]);
  });
});
