// Slugs and URL paths that would escape the output folder, could not be stored (too long), or
// could not exist on Windows are errors on their line; long titles are fine with a short slug.
import { describe, expect, it } from 'vitest';
import { WINDOWS_WHY, articleText, buildFiles, err, expectBuilt, expectRejected, scratchFolder } from './bad-input-helpers.js';

const tmp = await scratchFolder('paths');
const FILE = 'content/bai.md';
const build = (changes: Record<string, string | null>) => buildFiles(tmp, { 'bai.md': articleText(changes) });
const SLUG_HINT = (example: string) => `Use only lowercase a–z, digits and single hyphens, e.g. "${example}".`;
const PATH_HINT = 'Write a path from the site root with letters, digits, "-", "_" and ".", such as "/tin-tuc/12345/".';
const LENGTH_WHY = 'file names over 255 bytes cannot be stored on most file systems';
const LONG_TITLE = 'Tin '.repeat(500).trim();

describe('titles and their slugs', () => {
  it('a title of 2,000 characters is allowed, but its 1,999-character slug is not: set a shorter slug', async () => {
    expect(LONG_TITLE).toHaveLength(1999);
    expectRejected(await build({ title: LONG_TITLE }), [
      err(FILE, 2, 'title', `"${LONG_TITLE.slice(0, 80)}…" gives a URL slug 1999 characters long, more than the 200 allowed`,
        `Add a field "slug: …" with a shorter slug (at most 200 characters): ${LENGTH_WHY}.`),
    ]);
    const site = await build({ title: `${LONG_TITLE}!`, slug: 'tin-dai' });
    expectBuilt(site, 1);
    expect(site.page('/thoi-su/tin-dai/')).toContain(`<h1 class="article-title">${LONG_TITLE}!</h1>`);
  });

  it('a slug of 200 characters is accepted, 201 is not', async () => {
    expectBuilt(await build({ slug: 'a'.repeat(200) }), 1);
    expectRejected(await build({ slug: 'a'.repeat(201) }), [
      err(FILE, 6, 'slug', 'is 201 characters long, more than the 200 allowed', `Write a shorter slug: ${LENGTH_WHY}.`),
    ]);
  });

  it('a category whose slug is too long', async () => {
    expectRejected(await build({ category: 'Mục '.repeat(60).trim() }), [
      err(FILE, 5, 'category', `"${'Mục '.repeat(20)}…" gives a URL slug 239 characters long, more than the 200 allowed`, `Use a shorter category name: ${LENGTH_WHY}.`),
    ]);
  });

  for (const title of ['"!!!"', '"🎉🎊"', '"\\u200B\\u202E—"']) {
    it(`a title that slugifies to nothing (${title}) asks for a slug`, async () => {
      const shown = JSON.parse(title) === '\u200B\u202E—' ? '"—"' : title;
      expectRejected(await build({ title }), [
        err(FILE, 2, 'title', `${shown} gives an empty URL slug`, 'Add a field "slug: ten-bai-viet" with lowercase letters, digits and hyphens.'),
      ]);
    });
  }
});

describe('written slugs', () => {
  const unclean: [string, string, string][] = [
    ['..', '".."', 'ten-bai-viet'],
    ['a/b', '"a/b"', 'a-b'],
    ['../../etc', '"../../etc"', 'etc'],
    ['a\\b', '"a\\b"', 'a-b'],
    ['"%2e%2e"', '"%2e%2e"', '2e-2e'],
    ['"a\\0b"', '"a\\u0000b"', 'a-b'],
    ['"bai\\u200Bviet"', '"bai\\u200Bviet"', 'baiviet'],
    ['Bài-Viết', '"Bài-Viết"', 'bai-viet'],
    ['NUL', '"NUL"', 'ten-bai-viet'],
  ];
  for (const [written, shown, example] of unclean) {
    it(`slug: ${written} is not a clean slug`, async () => {
      expectRejected(await build({ slug: written }), [err(FILE, 6, 'slug', `${shown} is not a clean slug`, SLUG_HINT(example))]);
    });
  }

  for (const name of ['con', 'prn', 'aux', 'nul', 'com1', 'com0', 'lpt1', 'lpt9']) {
    it(`slug: ${name} is a reserved file name on Windows`, async () => {
      expectRejected(await build({ slug: name }), [err(FILE, 6, 'slug', `"${name}" is a reserved file name on Windows`, `Write another slug: ${WINDOWS_WHY}.`)]);
    });
  }

  it('names that only start like reserved ones are fine', async () => {
    for (const slug of ['con-1', 'console', 'com10', 'lpt', 'nul-2']) expectBuilt(await build({ slug }), 1);
  });

  it('a title or category giving a reserved slug asks for another', async () => {
    expectRejected(await build({ title: 'CON' }), [
      err(FILE, 2, 'title', '"CON" gives a URL slug "con", a reserved file name on Windows', `Add a field "slug: …" with another slug, such as "con-1": ${WINDOWS_WHY}.`),
    ]);
    expectRejected(await build({ category: 'Aux' }), [
      err(FILE, 5, 'category', '"Aux" gives a URL slug "aux", a reserved file name on Windows', `Use another category name: ${WINDOWS_WHY}.`),
    ]);
  });
});

describe('permalinks and aliases', () => {
  const outside = ['/../x/', '//host/x', 'https://example.com/x', '/a/%2e%2e/b/', '/a/../b/', 'tin-tuc/1/', '/', '/a/./b/', '/a\\b/', '/a//b/', '/tin tuc/'];
  for (const permalink of outside) {
    it(`permalink ${permalink} is not a path inside the site`, async () => {
      expectRejected(await build({ permalink: JSON.stringify(permalink) }), [
        err(FILE, 6, 'permalink', `"${permalink}" is not a path inside the site`, PATH_HINT),
      ]);
    });
  }

  it('an alias outside the site is rejected the same way', async () => {
    expectRejected(await build({ aliases: '["/cu/1/", "/../../etc/passwd"]' }), [
      err(FILE, 6, 'aliases', '"/../../etc/passwd" is not a path inside the site', PATH_HINT),
    ]);
  });

  it('a reserved Windows name anywhere in a path, with or without an extension', async () => {
    for (const [permalink, name] of [['/con/', 'con'], ['/tin/NUL.html', 'NUL.html'], ['/a/com1.tar.gz/', 'com1.tar.gz']] as const) {
      expectRejected(await build({ permalink }), [
        err(FILE, 6, 'permalink', `"${permalink}": "${name}" is a reserved file name on Windows`, `Choose another name: ${WINDOWS_WHY}.`),
      ]);
    }
  });

  it('a name ending in "." (dropped by Windows) and a name over 200 characters', async () => {
    expectRejected(await build({ permalink: '/tin./' }), [
      err(FILE, 6, 'permalink', '"/tin./": the name "tin." ends with "."', 'Remove the "." at the end: Windows drops it, and two paths would become one.'),
    ]);
    const long = `/${'a'.repeat(201)}/`;
    expectRejected(await build({ aliases: `["${long}"]` }), [
      err(FILE, 6, 'aliases', `"${long.slice(0, 80)}…": a name in it is 201 characters long, more than the 200 allowed`, `Shorten it: ${LENGTH_WHY}.`),
    ]);
  });

  it('a clean permalink builds where it says, and nowhere else', async () => {
    const site = await build({ permalink: '/tin-tuc/12345/', aliases: '["/cu/bai.html"]' });
    expectBuilt(site, 1);
    expect(site.page('/tin-tuc/12345/')).toContain('<h1 class="article-title">Bài viết</h1>');
    expect(site.page('/cu/bai.html')).toContain('/tin-tuc/12345/');
    expect(site.writer.paths().filter((p) => p.includes('bai-viet'))).toEqual([]);
  });
});
