import { cp, mkdir, mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { SiteSession, type RebuildReport } from '../../src/watch/session.js';
import { StagedWriter } from '../../src/write/staged-writer.js';
import { fixturePath } from '../helpers/site.js';
import { snapshot } from '../helpers/snapshot.js';

const NOW = '2026-01-01T00:00:00+07:00';
let root = '';
let session: SiteSession;

/** The incremental output must be exactly what a cold build of the same files gives. */
async function expectSameAsColdBuild(): Promise<void> {
  expect(await session.refreshSearchIndex()).toBe(true);
  const { config } = resolveConfig({ root, now: NOW, out: 'cold' }, { perPage: 3 }, null);
  const cold = await build(config, await StagedWriter.open(config.outDir));
  expect(cold.ok).toBe(true);
  expect(await snapshot(path.join(root, 'dist'))).toEqual(await snapshot(path.join(root, 'cold')));
}

const file = (relative: string) => path.join(root, relative);
const page = (url: string) => readFile(file(`dist${url}index.html`), 'utf8');
const exists = (relative: string) => stat(file(relative)).then(() => true, () => false);

async function edit(relative: string, change: (text: string) => string): Promise<RebuildReport> {
  await writeFile(file(relative), change(await readFile(file(relative), 'utf8')));
  return session.update([file(relative)]);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bantin-session-'));
  await cp(fixturePath('portal'), root, { recursive: true });
  await mkdir(path.join(root, 'templates'));
  await cp(path.join(fixturePath('portal'), '../../../templates/category.njk'), path.join(root, 'templates/category.njk'));
  const { config } = resolveConfig({ root, now: NOW }, { perPage: 3 }, null);
  session = new SiteSession(config);
  expect((await session.buildAll()).ok).toBe(true);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('incremental rebuilds', () => {
  it('re-render the edited article and every page listing it, nothing else', async () => {
    const untouched = await stat(file('dist/kinh-te/gia-lua-tang-nong-dan-phan-khoi/index.html'));
    // an explicit slug keeps the URL when the title changes
    const report = await edit('content/thoi-su/a08.md', (t) => t.replace('tiêu_đề: An toàn giao thông dịp Tết Nguyên đán', 'tiêu_đề: An toàn giao thông dịp Tết 2024\nslug: an-toan-giao-thong-dip-tet-nguyen-dan'));
    expect(report.ok).toBe(true);
    expect(await page('/thoi-su/an-toan-giao-thong-dip-tet-nguyen-dan/')).toContain('<h1 class="article-title">An toàn giao thông dịp Tết 2024</h1>');
    expect(await page('/')).toContain('An toàn giao thông dịp Tết 2024');
    expect(await page('/thoi-su/')).toContain('An toàn giao thông dịp Tết 2024');
    expect(await page('/2024/01/11/')).toContain('An toàn giao thông dịp Tết 2024');
    expect(await page('/thoi-su/tinh-tong-ket-cong-tac-thi-dua-nam-2023/')).toContain('An toàn giao thông dịp Tết 2024');
    // article + 7 neighbours showing it in "Tin cùng chuyên mục" + category page 1 + its day + its author's page + home + 404
    expect(report.pagesRendered).toBe(13);
    expect((await stat(file('dist/kinh-te/gia-lua-tang-nong-dan-phan-khoi/index.html'))).mtimeMs).toBe(untouched.mtimeMs);
    await expectSameAsColdBuild();
  });

  it('write only the article page when only its body changed', async () => {
    const report = await edit('content/thoi-su/a02.md', (t) => t.replace('- Ý thứ hai', '- Ý thứ hai, đã sửa'));
    expect(report.ok).toBe(true);
    expect(report.filesWritten).toBe(1);
    expect(await page('/thoi-su/ky-hop-thu-15-hoi-dong-nhan-dan-tinh-khai-mac/')).toContain('<li>Ý thứ hai, đã sửa</li>');
    await expectSameAsColdBuild();
  });

  it('move an article to another category and day: both old and new lists change, the old URL is gone', async () => {
    const report = await edit('content/thoi-su/a06.md', (t) => t.replace('chuyen_muc: Thời sự', 'chuyen_muc: Kinh tế').replace('ngay_dang: 2024-01-09', 'ngay_dang: 2024-01-12 09:00'));
    expect(report.ok).toBe(true);
    expect(await exists('dist/thoi-su/bau-cu-bo-sung-dai-bieu-tai-huyen-dong-son/index.html')).toBe(false);
    expect(await page('/kinh-te/bau-cu-bo-sung-dai-bieu-tai-huyen-dong-son/')).toContain('Thứ Sáu, 12/01/2024 09:00');
    expect(await page('/thoi-su/')).not.toContain('Bầu cử bổ sung');
    expect(await page('/kinh-te/')).toContain('Bầu cử bổ sung');
    expect(await page('/2024/01/12/')).toContain('Bầu cử bổ sung');
    await expectSameAsColdBuild();
  });

  it('remove a deleted article from every list and its page, and an emptied day page', async () => {
    await unlink(file('content/van-hoa/c02.md'));
    const report = await session.update([file('content/van-hoa/c02.md')]);
    expect(report.ok).toBe(true);
    expect(await exists('dist/van-hoa/dem-tho-nguyen-tieu/index.html')).toBe(false);
    expect(await exists('dist/2023/12/31/index.html')).toBe(false);
    expect(await exists('dist/2023/index.html')).toBe(false);
    expect(await page('/van-hoa/')).not.toContain('Đêm thơ');
    await expectSameAsColdBuild();
  });

  it('add a new article everywhere it belongs', async () => {
    await writeFile(file('content/van-hoa/moi.md'), '---\ntitle: Triển lãm ảnh Hà Nội xưa\nauthor: Lê Thanh\ndate: 2024-01-12 20:00\ncategory: Văn hóa\n---\nNội dung.\n');
    const report = await session.update([file('content/van-hoa/moi.md')]);
    expect(report.ok).toBe(true);
    expect(await page('/van-hoa/trien-lam-anh-ha-noi-xua/')).toContain('Triển lãm ảnh Hà Nội xưa');
    expect(await page('/')).toContain('<h3 class="lead-title"><a href="/van-hoa/trien-lam-anh-ha-noi-xua/">Triển lãm ảnh Hà Nội xưa</a></h3>');
    await expectSameAsColdBuild();
  });

  it('re-render only the pages whose template changed', async () => {
    const theme = await readFile(file('templates/category.njk'), 'utf8');
    await writeFile(file('templates/category.njk'), theme.replace('<h1 class="page-title">', '<h1 class="page-title category-heading">'));
    const report = await session.update([file('templates/category.njk')]);
    expect(report.ok).toBe(true);
    expect(report.pagesRendered).toBe(5);
    expect(await page('/thoi-su/trang/2/')).toContain('<h1 class="page-title category-heading">');
  });

  it('keep the last good pages on a broken file, then recover when it is fixed', async () => {
    const before = await page('/thoi-su/chuyen-doi-so-cap-xa-100-thu-tuc-truc-tuyen/');
    const broken = await edit('content/thoi-su/a07.md', (t) => t.replace('author: Trần Quang', 'author: "Trần Quang').replace('Chuyển đổi số cấp xã', 'Chuyển đổi số'));
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual(['content/thoi-su/a07.md:3']);
    expect(await page('/thoi-su/chuyen-doi-so-cap-xa-100-thu-tuc-truc-tuyen/')).toBe(before);
    const fixed = await edit('content/thoi-su/a07.md', (t) => t.replace('author: "Trần Quang', 'author: Trần Quang'));
    expect(fixed.ok).toBe(true);
    expect(await exists('dist/thoi-su/chuyen-doi-so-cap-xa-100-thu-tuc-truc-tuyen/index.html')).toBe(false);
    expect(await page('/thoi-su/chuyen-doi-so-100-thu-tuc-truc-tuyen/')).toContain('Chuyển đổi số: 100% thủ tục trực tuyến');
  });

  it('copy added static files and delete removed ones', async () => {
    await mkdir(file('static'), { recursive: true });
    await writeFile(file('static/robots.txt'), 'User-agent: *\n');
    const { config } = resolveConfig({ root, now: NOW }, { perPage: 3 }, null);
    session = new SiteSession(config);
    expect((await session.buildAll()).ok).toBe(true);
    await writeFile(file('content/thoi-su/anh.jpg'), 'jpeg bytes');
    expect((await session.update([file('content/thoi-su/anh.jpg')])).ok).toBe(true);
    expect(await readFile(file('dist/thoi-su/anh.jpg'), 'utf8')).toBe('jpeg bytes');
    await unlink(file('static/robots.txt'));
    expect((await session.update([file('static/robots.txt')])).ok).toBe(true);
    expect(await readFile(file('dist/robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    await expectSameAsColdBuild();
  });
});
