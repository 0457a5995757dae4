/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { loadSiteConfig, buildOptionsOf } from '../../src/commands/command.js';
import { StagedWriter } from '../../src/write/staged-writer.js';
import { repoRoot } from '../helpers/site.js';
import { serveStatic } from '../helpers/static-server.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(repoRoot, 'test-output', 'screenshots');
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let out = '';
const foreignRequests: string[] = [];
const consoleErrors: string[] = [];
/** Pages opened on purpose at a missing URL: the browser logs their 404 status as an error. */
const expectedMissing = new Set<string>();

async function open(url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
  });
  page.on('console', (message) => {
    const missingOnPurpose = expectedMissing.has(page.url()) && message.text().includes('status of 404');
    if (message.type() === 'error' && !missingOnPurpose) consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  await page.goto(server.url + url);
  return page;
}

/** Serious or critical accessibility violations axe-core finds on the page. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run()).violations);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Debian's chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-core`);
  out = await mkdtemp(path.join(os.tmpdir(), 'bantin-browser-'));
  const { config, diagnostics } = await loadSiteConfig(buildOptionsOf({ out: path.join(out, 'site'), now: '2026-01-01T00:00:00+07:00' }, repoRoot));
  const result = await build(config, await StagedWriter.open(config.outDir), diagnostics);
  expect(result.ok).toBe(true);
  server = await serveStatic(path.join(out, 'site'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await mkdir(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(out, { recursive: true, force: true });
});

describe('a reader on the example archive in Chromium', () => {
  it('goes home → category → page 2 → article → its day page through the date field', async () => {
    const page = await open('/');
    await page.click('.site-nav a:text-is("Thời sự")');
    await expect.poll(() => page.url()).toBe(`${server.url}/thoi-su/`);
    await page.click('.pagination a:text-is("2")');
    await expect.poll(() => page.url()).toBe(`${server.url}/thoi-su/trang/2/`);
    expect(await page.textContent('h1')).toContain('Trang 2');
    await page.click('.article-list .card-title a >> nth=0');
    await page.waitForSelector('h1.article-title');
    const dateText = (await page.textContent('.article-meta time'))!;
    const [, day, month, year] = /(\d{2})\/(\d{2})\/(\d{4})/.exec(dateText)!;
    await page.fill('#chon-ngay', `${year}-${month}-${day}`);
    await Promise.all([page.waitForURL(`${server.url}/${year}/${month}/${day}/`), page.click('.day-picker button')]);
    expect(await page.textContent('h1')).toContain(`${day}/${month}/${year}`);
    await page.close();
  });

  it('limits the date field to the archive and sends days without articles to a helpful 404', async () => {
    const page = await open('/');
    await expect.poll(() => page.getAttribute('#chon-ngay', 'max')).toBe('2025-09-10');
    expect(await page.getAttribute('#chon-ngay', 'min')).toBe('2022-02-16');
    expectedMissing.add(`${server.url}/2024/01/02/`);
    const missing = await open('/2024/01/02/');
    expect(await missing.textContent('#not-found-day')).toContain('Không có bài viết nào trong ngày 02/01/2024');
    await page.close();
    await missing.close();
  });

  it('searches without diacritics from the header box, showing original text with the match marked', async () => {
    const page = await open('/');
    await page.fill('#o-tim-kiem', 'thi dua');
    await Promise.all([page.waitForURL(`${server.url}/tim-kiem/?q=thi+dua`), page.click('.header-search button')]);
    await page.waitForSelector('.search-hit');
    const titles = await page.$$eval('.search-hit .card-title a', (links) => links.map((a) => a.textContent));
    expect(titles).toContain('Khối thi đua các hội có tính chất đặc thù cấp tỉnh: Sơ kết phong trào thi đua và công tác khen thưởng');
    const marks = await page.$$eval('.search-hit mark', (nodes) => nodes.map((n) => n.textContent!.toLowerCase()));
    expect(marks.length).toBeGreaterThan(0);
    const folded = new Set(marks.map((m) => m.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd')));
    expect(folded.has('thi dua')).toBe(true);
    expect([...folded].every((m) => ['thi dua', 'thi', 'dua'].includes(m))).toBe(true);
    expect(await page.textContent('.search-status')).toMatch(/^Kết quả tìm kiếm cho “thi dua”: \d+ bài viết$/);

    await page.goto(`${server.url}/tim-kiem/?q=duong`);
    await page.waitForSelector('.search-hit');
    // "duong" is what đường, dưỡng, đương and dương all fold to: every hit marks one of them, as written
    const hitMarks = await page.$$eval('.search-hit', (hits) => hits.map((hit) => Array.from(hit.querySelectorAll('mark')).map((m) => m.textContent!.toLowerCase())));
    expect(hitMarks.length).toBeGreaterThan(0);
    const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
    expect(hitMarks.every((found) => found.length > 0 && found.every((m) => fold(m) === 'duong'))).toBe(true);
    expect(hitMarks.flat()).toContain('đường');

    await page.goto(`${server.url}/tim-kiem/?q=xyzkhongco`);
    await expect.poll(() => page.textContent('.search-status')).toBe('Không tìm thấy bài viết nào phù hợp với “xyzkhongco”.');
    expect(await page.$$('.search-hit')).toHaveLength(0);
    await page.close();
  });

  it('has no serious accessibility problem on the main kinds of page', async () => {
    for (const url of ['/', '/thoi-su/', '/thoi-su/khoi-thi-dua-cac-hoi-co-tinh-chat-dac-thu-cap-tinh-so-ket-phong-trao-thi-dua-va-cong-tac-khen-thuong/', '/2024/09/13/', '/2024/09/', '/2024/', '/luu-tru/', '/tim-kiem/?q=thi+dua']) {
      const page = await open(url);
      expect(await accessibilityProblems(page), url).toEqual([]);
      await page.close();
    }
  });

  it('renders every Vietnamese glyph at phone and desktop widths (screenshots kept as artifacts)', async () => {
    for (const [name, url] of [['home', '/'], ['article', '/thoi-su/khoi-thi-dua-cac-hoi-co-tinh-chat-dac-thu-cap-tinh-so-ket-phong-trao-thi-dua-va-cong-tac-khen-thuong/'], ['category', '/thoi-su/'], ['month', '/2024/09/'], ['search', '/tim-kiem/?q=khen+thuong']] as const) {
      for (const width of [375, 1280]) {
        const page = await open(url, width);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${url} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
        await page.close();
      }
    }
  });

  it('made no request to another host and logged no error', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
