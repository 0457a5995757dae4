import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { newArticleText, newCommand, slugCandidate } from '../../src/commands/new.js';
import type { Terminal } from '../../src/commands/report.js';
import { UsageError } from '../../src/errors.js';
import { articleUrl } from '../../src/model/urls.js';
import { parseArticle } from '../../src/source/article.js';
import { discoverArticles, loadArticles } from '../../src/source/index.js';
import { timestampAt } from '../../src/vi/timestamp.js';

const scratch = await mkdtemp(path.join(os.tmpdir(), 'bantin-new-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const TITLE = 'Khối thi đua các hội: Sơ kết';
const FILE = 'content/thoi-su/2026/khoi-thi-dua-cac-hoi-so-ket.md';
const ARGS = [TITLE, '--category', 'Thời sự', '--author', 'Thu Hoài', '--date', '29/11/2026 15:20'];

/** The text `bantin new` writes, given the values that vary (a slug line only when given). */
function expectedText(title: string, author: string, time: string, category: string, slug?: string): string {
  const slugLine = slug === undefined ? '' : `slug: "${slug}"\n`;
  return `---\ntiêu_đề: "${title}"\n${slugLine}tác_giả: "${author}"\nthời_gian: ${time}\nchuyên_mục: "${category}"\nsapo: ""\ntừ_khóa: []\nnháp: false\n---\n\n`;
}

/** A fresh site root with an empty content/ folder and, optionally, a bantin.config.json. */
async function siteRoot(config?: object): Promise<string> {
  const root = await mkdtemp(path.join(scratch, 'site-'));
  await mkdir(path.join(root, 'content'));
  if (config) await writeFile(path.join(root, 'bantin.config.json'), JSON.stringify(config));
  return root;
}

/** Writes a file under the site root, creating its folders. */
async function put(root: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
}

/** Every file under the content folder, relative to the site root, sorted. */
async function contentFiles(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, 'content'), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

interface NewRun { code: number; out: string[]; err: string[] }

/** The URL of every valid article under the site's content folder, by content path. */
async function urlsByFile(root: string): Promise<Record<string, string>> {
  const { articles } = await loadArticles(await discoverArticles(path.join(root, 'content'), root), 'Asia/Ho_Chi_Minh');
  return Object.fromEntries(articles.map((article) => [article.source.contentPath, articleUrl(article)]));
}

/** Parses argv as the CLI does for `bantin new`, runs the command in `root`, and collects its output. */
async function runNew(root: string, args: string[]): Promise<NewRun> {
  const { values, positionals } = parseArgs({ args, options: newCommand.options, strict: true, allowPositionals: true });
  const run: NewRun = { code: -1, out: [], err: [] };
  const terminal: Terminal = { out: (line) => run.out.push(line), err: (line) => run.err.push(line), colour: false };
  run.code = await newCommand.run(values, positionals, { terminal, root, env: {} });
  return run;
}

/** The message of the UsageError (exit 2 in the CLI) a run throws; fails when it throws nothing else. */
async function usageError(root: string, args: string[]): Promise<string> {
  const thrown = await runNew(root, args).then(() => undefined, (cause: unknown) => cause);
  expect(thrown).toBeInstanceOf(UsageError);
  return (thrown as UsageError).message;
}

describe('bantin new', () => {
  it('creates <category>/<yyyy>/<slug>.md with the front-matter filled in and prints its path', async () => {
    const root = await siteRoot();
    expect(await runNew(root, ARGS)).toEqual({ code: 0, out: [FILE], err: [] });
    expect(await readFile(path.join(root, FILE), 'utf8')).toBe(expectedText(TITLE, 'Thu Hoài', '2026-11-29T15:20:00+07:00', 'Thời sự'));
  });

  it('reads --date in the site zone, cuts it to the minute, and files it under the local year', async () => {
    const root = await siteRoot();
    const run = await runNew(root, ['Chúc mừng năm mới', '--category', 'Xã hội', '--author', 'A', '--date', '2025-12-31T17:30:59Z']);
    expect(run.out).toEqual(['content/xa-hoi/2026/chuc-mung-nam-moi.md']);
    const text = await readFile(path.join(root, run.out[0]!), 'utf8');
    expect(text).toBe(expectedText('Chúc mừng năm mới', 'A', '2026-01-01T00:30:00+07:00', 'Xã hội'));
  });

  it('takes the time from --now when there is no --date', async () => {
    const root = await siteRoot();
    const run = await runNew(root, ['Tin nhanh', '--category', 'Thời sự', '--author', 'A', '--now', '2024-09-13T18:13:27+07:00']);
    expect(run.out).toEqual(['content/thoi-su/2024/tin-nhanh.md']);
    expect(await readFile(path.join(root, run.out[0]!), 'utf8')).toBe(expectedText('Tin nhanh', 'A', '2024-09-13T18:13:00+07:00', 'Thời sự'));
  });

  it('takes the author, the time zone and the category spelling from bantin.config.json', async () => {
    const root = await siteRoot({ author: 'Ban Biên tập', timeZone: 'Asia/Tokyo', categories: ['Thời sự'] });
    const run = await runNew(root, ['Tin sáng', '--category', 'thời SỰ', '--date', '2026-11-29 15:20']);
    expect(run).toEqual({ code: 0, out: ['content/thoi-su/2026/tin-sang.md'], err: [] });
    expect(await readFile(path.join(root, run.out[0]!), 'utf8')).toBe(expectedText('Tin sáng', 'Ban Biên tập', '2026-11-29T15:20:00+09:00', 'Thời sự'));
  });

  it('cuts the slug of a very long title at a hyphen to fit a file name, and steps over Windows reserved names', async () => {
    const root = await siteRoot();
    const longTitle = Array.from({ length: 60 }, (_, i) => `từ${i}`).join(' ');
    const [created] = (await runNew(root, [longTitle, '--category', 'Thời sự', '--author', 'Thu Hoài', '--date', '29/11/2026 15:20'])).out;
    const slug = path.basename(created!, '.md');
    expect(slug.length).toBeLessThanOrEqual(196);
    expect(slug).toMatch(/^tu0-tu1-.*-tu\d+$/);
    expect(await readFile(path.join(root, created!), 'utf8')).toContain(`slug: "${slug}"`);
    expect((await runNew(root, ['Con', '--category', 'Thời sự', '--author', 'Thu Hoài', '--date', '29/11/2026 15:20'])).out).toEqual(['content/thoi-su/2026/con-2.md']);
  });

  it('never overwrites a file: takes -2, then -3, written as the slug so each gets its own URL', async () => {
    const root = await siteRoot();
    await put(root, FILE, 'giữ nguyên\n');
    expect((await runNew(root, ARGS)).out).toEqual(['content/thoi-su/2026/khoi-thi-dua-cac-hoi-so-ket-2.md']);
    expect((await runNew(root, ARGS)).out).toEqual(['content/thoi-su/2026/khoi-thi-dua-cac-hoi-so-ket-3.md']);
    expect(await readFile(path.join(root, FILE), 'utf8')).toBe('giữ nguyên\n');
    expect(await readFile(path.join(root, 'content/thoi-su/2026/khoi-thi-dua-cac-hoi-so-ket-3.md'), 'utf8')).toBe(
      expectedText(TITLE, 'Thu Hoài', '2026-11-29T15:20:00+07:00', 'Thời sự', 'khoi-thi-dua-cac-hoi-so-ket-3'),
    );
    expect(await urlsByFile(root)).toEqual({
      'thoi-su/2026/khoi-thi-dua-cac-hoi-so-ket-2.md': '/thoi-su/khoi-thi-dua-cac-hoi-so-ket-2/',
      'thoi-su/2026/khoi-thi-dua-cac-hoi-so-ket-3.md': '/thoi-su/khoi-thi-dua-cac-hoi-so-ket-3/',
    });
  });

  it('never takes the URL of an existing article elsewhere, nor an alias', async () => {
    const root = await siteRoot();
    const old = expectedText(TITLE, 'B', '2019-05-01T08:00:00+07:00', 'Thời Sự');
    await put(root, 'content/cu/bai-cu.md', old);
    await put(root, 'content/cu/bai-khac.md', old.replace('tiêu_đề: "', 'aliases: ["/thoi-su/khoi-thi-dua-cac-hoi-so-ket-2"]\ntiêu_đề: "Khác '));
    await put(root, 'content/cu/hong.md', '---\ntiêu_đề: "Hỏng\n---\n');
    expect(await runNew(root, ARGS)).toEqual({ code: 0, out: ['content/thoi-su/2026/khoi-thi-dua-cac-hoi-so-ket-3.md'], err: [] });
    expect(await urlsByFile(root)).toEqual({
      'cu/bai-cu.md': '/thoi-su/khoi-thi-dua-cac-hoi-so-ket/',
      'cu/bai-khac.md': '/thoi-su/khac-khoi-thi-dua-cac-hoi-so-ket/',
      'thoi-su/2026/khoi-thi-dua-cac-hoi-so-ket-3.md': '/thoi-su/khoi-thi-dua-cac-hoi-so-ket-3/',
    });
  });

  it('gives the same title twice two URLs', async () => {
    const root = await siteRoot();
    expect((await runNew(root, ARGS)).out).toEqual([FILE]);
    expect((await runNew(root, ARGS)).out).toEqual(['content/thoi-su/2026/khoi-thi-dua-cac-hoi-so-ket-2.md']);
    expect(await urlsByFile(root)).toEqual({
      'thoi-su/2026/khoi-thi-dua-cac-hoi-so-ket.md': '/thoi-su/khoi-thi-dua-cac-hoi-so-ket/',
      'thoi-su/2026/khoi-thi-dua-cac-hoi-so-ket-2.md': '/thoi-su/khoi-thi-dua-cac-hoi-so-ket-2/',
    });
  });

  it('writes text that parses back to the same title, author, category and time', async () => {
    const root = await siteRoot();
    const title = 'Ông "Ba" nói: #1 - C:\\đường\t[mới] {x} & \'y\' ,z?';
    const run = await runNew(root, [title, '--category=- Thời sự: #2', '--author', 'Lê "Út"', '--date', '13.09.2024 | 18:13 PM']);
    expect(run.out).toEqual(['content/thoi-su-2/2024/ong-ba-noi-1-c-duong-moi-x-y-z.md']);
    const file = path.join(root, run.out[0]!);
    const source = { absolutePath: file, contentPath: 'thoi-su-2/2024/ong-ba-noi-1-c-duong-moi-x-y-z.md', displayPath: run.out[0]! };
    const parsed = parseArticle(await readFile(file, 'utf8'), source, 'Asia/Ho_Chi_Minh');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.article).toMatchObject({
      title: 'Ông "Ba" nói: #1 - C:\\đường [mới] {x} & \'y\' ,z?',
      authors: ['Lê "Út"'],
      category: '- Thời sự: #2',
      categorySlug: 'thoi-su-2',
      slug: 'ong-ba-noi-1-c-duong-moi-x-y-z',
      summary: '',
      tags: [],
      draft: false,
      body: '\n',
      bodyLine: 10,
      publishedAt: timestampAt(Date.UTC(2024, 8, 13, 11, 13), 'Asia/Ho_Chi_Minh'),
    });
  });

  it('writes NFC even when the title is typed decomposed', async () => {
    const root = await siteRoot();
    const run = await runNew(root, ['Tiếng Việt'.normalize('NFD'), '--category', 'Văn hóa'.normalize('NFD'), '--author', 'Hà'.normalize('NFD'), '--date', '2024-09-13']);
    expect(run.out).toEqual(['content/van-hoa/2024/tieng-viet.md']);
    expect(await readFile(path.join(root, run.out[0]!), 'utf8')).toBe(expectedText('Tiếng Việt', 'Hà', '2024-09-13T00:00:00+07:00', 'Văn hóa'));
  });

  it('refuses a missing or extra title, a missing category or author, a bad date: UsageError, no file', async () => {
    const root = await siteRoot();
    expect(await usageError(root, ['--category', 'Thời sự'])).toBe('missing the title: bantin new "<tiêu đề>" --category "<chuyên mục>"');
    expect(await usageError(root, ['Khối', 'thi', '--category', 'Thời sự'])).toBe('expected one title, got 2 arguments ("Khối" "thi"); put the title in quotes');
    expect(await usageError(root, ['?!…', '--category', 'Thời sự'])).toBe('the title "?!…" gives an empty URL slug; use a title with letters or digits');
    expect(await usageError(root, [TITLE])).toBe('missing --category, e.g. --category "Thời sự"');
    expect(await usageError(root, [TITLE, '--category', ' '])).toBe('missing --category, e.g. --category "Thời sự"');
    expect(await usageError(root, [TITLE, '--category', '—'])).toBe('the category "—" gives an empty URL slug; use a name with letters or digits');
    expect(await usageError(root, [TITLE, '--category', 'Thời sự'])).toBe('no author: pass --author "Tên tác giả" or set "author" in the config (bantin.config.json)');
    expect(await usageError(root, [...ARGS.slice(0, 5), '--date', '31/02/2026'])).toBe(
      '--date "31/02/2026": 2/2026 has no day 31; accepted formats: 2024-09-13T18:13:00+07:00, 2024-09-13T11:13:00Z, 2024-09-13 18:13, 2024-09-13, 13/09/2024 18:13, 13/09/2024, 13-09-2024 18:13, 13.09.2024 | 18:13 PM',
    );
    expect(await usageError(root, [...ARGS.slice(0, 5), '--date', 'hôm qua'])).toMatch(/^--date "hôm qua" is not a timestamp in an accepted format; accepted formats: /);
    expect(await contentFiles(root)).toEqual([]);
  });

  it('creates nothing when the config has errors: exit 1 with the diagnostics', async () => {
    const root = await siteRoot({ timeZone: 'Sao Hỏa' });
    expect(await runNew(root, ARGS)).toEqual({
      code: 1,
      out: [],
      err: ['bantin.config.json: error: timeZone: must be an IANA time zone such as "Asia/Ho_Chi_Minh"', '1 error', 'No article was created: fix the config errors above first.'],
    });
    expect(await contentFiles(root)).toEqual([]);
  });
});

describe('new article helpers', () => {
  it('numbers slug candidates from 2', () => {
    expect([1, 2, 3].map((n) => slugCandidate('tin-sang', n))).toEqual(['tin-sang', 'tin-sang-2', 'tin-sang-3']);
  });

  it('quotes every text value as JSON, valid YAML whatever it holds', () => {
    const timestamp = timestampAt(Date.UTC(2024, 8, 13, 11, 13), 'Asia/Ho_Chi_Minh');
    expect(newArticleText({ title: 'a: "b"\\', author: 'x', timestamp, category: 'y' })).toBe(expectedText('a: \\"b\\"\\\\', 'x', '2024-09-13T18:13:00+07:00', 'y'));
  });

  it('writes a slug line only for a slug that is not the title\'s own', () => {
    const timestamp = timestampAt(Date.UTC(2024, 8, 13, 11, 13), 'Asia/Ho_Chi_Minh');
    const fields = { title: 'Tin sáng', author: 'x', timestamp, category: 'y' };
    expect(newArticleText(fields, 'tin-sang')).toBe(expectedText('Tin sáng', 'x', '2024-09-13T18:13:00+07:00', 'y'));
    expect(newArticleText(fields, 'tin-sang-2')).toBe(expectedText('Tin sáng', 'x', '2024-09-13T18:13:00+07:00', 'y', 'tin-sang-2'));
  });
});
