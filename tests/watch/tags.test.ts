import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { UserConfig } from '../../src/config/types.js';
import { SiteSession, type RebuildReport } from '../../src/watch/session.js';
import { StagedWriter } from '../../src/write/staged-writer.js';
import { fixturePath } from '../helpers/site.js';
import { snapshot } from '../helpers/snapshot.js';

const NOW = '2026-01-01T00:00:00+07:00';
const USER: UserConfig = { perPage: 2, authors: { 'Thu Hoài': { bio: 'Phóng viên ban Thời sự.' } } };
let root = '';
let session: SiteSession;

/** The incremental output must be exactly what a cold build of the same files gives. */
async function expectSameAsColdBuild(): Promise<void> {
  expect(await session.refreshSearchIndex()).toBe(true);
  const { config } = resolveConfig({ root, now: NOW, out: 'cold' }, USER, null);
  const cold = await build(config, await StagedWriter.open(config.outDir));
  expect(cold.ok).toBe(true);
  expect(await snapshot(path.join(root, 'dist'))).toEqual(await snapshot(path.join(root, 'cold')));
}

const file = (relative: string) => path.join(root, relative);
const page = (url: string) => readFile(file(`dist${url}index.html`), 'utf8');
const exists = (url: string) => stat(file(`dist${url}index.html`)).then(() => true, () => false);
const tagIndex = async () => [...(await page('/tu-khoa/')).matchAll(/<li><a href="[^"]+">(.*?) <span class="count">(\d+) bài/g)].map((m) => `${m[1]} ${m[2]}`);

async function edit(changes: Record<string, (text: string) => string>): Promise<RebuildReport> {
  for (const [relative, change] of Object.entries(changes)) await writeFile(file(relative), change(await readFile(file(relative), 'utf8')));
  return session.update(Object.keys(changes).map(file));
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bantin-tags-'));
  await cp(fixturePath('tags-authors'), root, { recursive: true });
  const { config } = resolveConfig({ root, now: NOW }, USER, null);
  session = new SiteSession(config);
  expect((await session.buildAll()).ok).toBe(true);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('incremental rebuilds after tag and author edits', () => {
  it('add a tag: its new page, the index and the article page', async () => {
    const report = await edit({ 'content/thoi-su/an-sinh.md': (t) => t.replace('tu_khoa: [thi đua, an sinh]', 'tu_khoa: [thi đua, an sinh, khen thưởng]') });
    expect(report.ok).toBe(true);
    expect(await tagIndex()).toEqual(['an sinh 1', 'ẩm thực 1', 'Đông Sơn 2', 'khen thưởng 2', 'thi đua 4']);
    expect(await page('/tu-khoa/khen-thuong/')).toContain('Thi đua chăm lo an sinh xã hội');
    expect(await page('/thoi-su/thi-dua-cham-lo-an-sinh-xa-hoi/')).toContain('<a class="tag" href="/tu-khoa/khen-thuong/">khen thưởng</a>');
    await expectSameAsColdBuild();
  });

  it("remove a tag: its only article's tag page is gone and the index forgets it", async () => {
    const report = await edit({ 'content/van-hoa/am-thuc.md': (t) => t.replace('tags: [Đông Sơn, ẩm thực]', 'tags: [Đông Sơn]') });
    expect(report.ok).toBe(true);
    expect(await exists('/tu-khoa/am-thuc/')).toBe(false);
    expect(await tagIndex()).toEqual(['an sinh 1', 'Đông Sơn 2', 'khen thưởng 2', 'thi đua 4']);
    await expectSameAsColdBuild();
  });

  it('rename a tag: the old page loses the article, the new one gets it', async () => {
    const report = await edit({ 'content/van-hoa/am-thuc.md': (t) => t.replace('tags: [Đông Sơn]', 'tags: [huyện Đông Sơn]') });
    expect(report.ok).toBe(true);
    expect(await page('/tu-khoa/dong-son/')).not.toContain('Ẩm thực Đông Sơn ngày Tết');
    expect(await page('/tu-khoa/huyen-dong-son/')).toContain('Ẩm thực Đông Sơn ngày Tết');
    expect(await tagIndex()).toEqual(['an sinh 1', 'Đông Sơn 1', 'huyện Đông Sơn 1', 'khen thưởng 2', 'thi đua 4']);
    await expectSameAsColdBuild();
  });

  it('change spellings so another wins: unchanged articles and the pages listing them follow', async () => {
    const report = await edit({
      'content/thoi-su/an-sinh.md': (t) => t.replace('tu_khoa: [thi đua,', 'tu_khoa: [Thi đua,'),
      'content/thoi-su/so-ket.md': (t) => t.replace('tags: [thi đua,', 'tags: [Thi đua,'),
    });
    expect(report.ok).toBe(true);
    // tong-ket.md still writes "thi đua", but "Thi đua" is now written three times out of four
    expect(await page('/thoi-su/tong-ket-cong-tac-thi-dua-nam-2023/')).toContain('<a class="tag" href="/tu-khoa/thi-dua/">Thi đua</a>');
    expect(await page('/tu-khoa/thi-dua/trang/2/')).toContain('<h1 class="page-title">Thi đua <span class="count">(4 bài)</span>');
    await expectSameAsColdBuild();
  });

  it('change the shown spelling from an article of another category: pages showing nothing edited follow', async () => {
    // "Đông Sơn" (phat-dong.md) and "đông sơn" (am-thuc.md) once each: the tie goes to "đông sơn", first in Vietnamese order
    const report = await edit({ 'content/van-hoa/am-thuc.md': (t) => t.replace('tags: [huyện Đông Sơn]', 'tags: [huyện Đông Sơn, đông sơn]') });
    expect(report.ok).toBe(true);
    expect(await page('/thoi-su/phat-dong-phong-trao-thi-dua-o-dong-son/')).toContain('<a class="tag" href="/tu-khoa/dong-son/">đông sơn</a>');
    expect(await tagIndex()).toEqual(['an sinh 1', 'đông sơn 2', 'huyện Đông Sơn 1', 'khen thưởng 2', 'Thi đua 4']);
    await expectSameAsColdBuild();
  });

  it('drop a co-author: their page and count change, the profile stays', async () => {
    const report = await edit({ 'content/thoi-su/phat-dong.md': (t) => t.replace('tác_giả: [Thu hoài, Ngọc Anh]', 'tác_giả: Ngọc Anh') });
    expect(report.ok).toBe(true);
    const author = await page('/tac-gia/thu-hoai/');
    expect(author).toContain('<h1 class="page-title">Thu Hoài <span class="count">(2 bài)</span></h1>');
    expect(author).toContain('<p class="author-bio">Phóng viên ban Thời sự.</p>');
    expect(author).not.toContain('Phát động phong trào');
    expect(await exists('/tac-gia/thu-hoai/trang/2/')).toBe(false);
    await expectSameAsColdBuild();
  });

  it('edit only the text of a tagged article: its tag pages show the new title', async () => {
    const report = await edit({ 'content/van-hoa/am-thuc.md': (t) => t.replace('title: Ẩm thực Đông Sơn ngày Tết', 'title: Món ngon Đông Sơn ngày Tết\nslug: am-thuc-dong-son-ngay-tet') });
    expect(report.ok).toBe(true);
    expect(await page('/tu-khoa/huyen-dong-son/')).toContain('Món ngon Đông Sơn ngày Tết');
    expect(await page('/tac-gia/le-thanh/')).toContain('Món ngon Đông Sơn ngày Tết');
    await expectSameAsColdBuild();
  });
});
