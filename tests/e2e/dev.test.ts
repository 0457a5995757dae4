import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, repoRoot } from '../helpers/site.js';

let site = '';
let dev: ChildProcessWithoutNullStreams;
let base = '';
let output = '';
const events: string[] = [];

const file = (relative: string) => path.join(site, relative);
const get = async (url: string) => {
  const response = await fetch(new URL(url, base));
  return { status: response.status, text: await response.text() };
};

/** Polls a page until `check` passes: what a reader sees after saving, with a bound. */
async function eventually(url: string, check: (page: { status: number; text: string }) => boolean, timeoutMs = 8000): Promise<{ status: number; text: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await get(url);
    if (check(page)) return page;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${url}; last status ${page.status}; dev output:\n${output}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function edit(relative: string, change: (text: string) => string): Promise<void> {
  await writeFile(file(relative), change(await readFile(file(relative), 'utf8')));
}

const reloads = () => events.join('').split('event: reload').length - 1;

/** Saves files, then waits for the rebuild to finish: the server tells open pages to reload. */
async function saved(save: () => Promise<unknown>, timeoutMs = 8000): Promise<void> {
  const before = reloads();
  await save();
  const deadline = Date.now() + timeoutMs;
  while (reloads() === before) {
    if (Date.now() > deadline) throw new Error(`no rebuild after saving; dev output:\n${output}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'bantin-dev-'));
  await cp(fixturePath('portal'), site, { recursive: true });
  await mkdir(file('templates'));
  await cp(path.join(repoRoot, 'templates', 'day.njk'), file('templates/day.njk'));
  await writeFile(file('bantin.config.json'), JSON.stringify({ title: 'Báo Thử', perPage: 3 }));
  dev = spawn(process.execPath, [path.join(repoRoot, 'bin', 'bantin.js'), 'dev', '--port', '0'], { cwd: site, env: { ...process.env, NO_COLOR: '1' } });
  dev.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev did not start:\n${output}`)), 15000);
    dev.stdout.on('data', () => {
      const url = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
  const stream = await fetch(new URL('__bantin/events', base));
  const reader = stream.body!.getReader();
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      events.push(new TextDecoder().decode(value));
    }
  })();
}, 30000);

afterAll(async () => {
  if (dev.exitCode === null) dev.kill('SIGTERM');
  await rm(site, { recursive: true, force: true });
});

describe('bantin dev', () => {
  it('serves the built site on loopback with the live-reload script, which the files on disk lack', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<title>Báo Thử</title>');
    expect(home.text).toContain('__bantin/events');
    expect(await readFile(file('dist/index.html'), 'utf8')).not.toContain('__bantin');
    expect((await get('/khong-co/')).status).toBe(404);
  });

  it('shows an edited article on its page and every list, and tells open pages to reload', async () => {
    await saved(() => edit('content/thoi-su/a08.md', (t) => t.replace('tiêu_đề: An toàn giao thông dịp Tết Nguyên đán', 'tiêu_đề: Tết an toàn\nslug: an-toan-giao-thong-dip-tet-nguyen-dan')));
    expect((await get('/thoi-su/an-toan-giao-thong-dip-tet-nguyen-dan/')).text).toContain('<h1 class="article-title">Tết an toàn</h1>');
    expect((await get('/')).text).toContain('Tết an toàn');
    expect((await get('/2024/01/11/')).text).toContain('Tết an toàn');
    expect((await get('/thoi-su/tinh-tong-ket-cong-tac-thi-dua-nam-2023/')).text).toContain('Tết an toàn');
  });

  it('moves an article between categories and days, and deletes one: old pages 404', async () => {
    await saved(() => edit('content/kinh-te/b01.md', (t) => t.replace('category: Kinh tế', 'category: Văn hóa')));
    expect((await get('/van-hoa/gia-lua-tang-nong-dan-phan-khoi/')).status).toBe(200);
    expect((await get('/kinh-te/gia-lua-tang-nong-dan-phan-khoi/')).status).toBe(404);
    expect((await get('/kinh-te/')).text).not.toContain('Giá lúa tăng');
    expect((await get('/van-hoa/')).text).toContain('Giá lúa tăng');
    await saved(() => unlink(file('content/van-hoa/c02.md')));
    expect((await get('/van-hoa/dem-tho-nguyen-tieu/')).status).toBe(404);
    expect((await get('/2023/12/31/')).status).toBe(404);
  });

  it('publishes a new article everywhere it belongs', async () => {
    await saved(() => writeFile(file('content/van-hoa/moi.md'), '---\ntitle: Triển lãm ảnh phố cổ\nauthor: Lê Thanh\ndate: 2024-01-12 20:00\ncategory: Văn hóa\n---\nNội dung.\n'));
    expect((await get('/')).text).toContain('<h3 class="lead-title"><a href="/van-hoa/trien-lam-anh-pho-co/">Triển lãm ảnh phố cổ</a></h3>');
    expect((await get('/2024/01/12/')).text).toContain('Triển lãm ảnh phố cổ');
  });

  it('re-renders pages when their template changes', async () => {
    await saved(() => edit('templates/day.njk', (t) => t.replace('<h1 class="page-title">', '<h1 class="page-title day-heading">')));
    expect((await get('/2024/01/06/')).text).toContain('<h1 class="page-title day-heading">');
    expect((await get('/thoi-su/')).text).not.toContain('day-heading');
  });

  it('keeps serving the last good pages with an error overlay while a file is broken, and recovers', async () => {
    await saved(() => edit('content/thoi-su/a01.md', (t) => t.replace('author: Thu Hoài', 'author: "Thu Hoài').replace('Tỉnh tổng kết', 'Tỉnh sơ kết')));
    const broken = await get('/thoi-su/tinh-tong-ket-cong-tac-thi-dua-nam-2023/');
    expect(broken.status).toBe(200);
    expect(broken.text).toContain('Lỗi khi dựng trang');
    expect(broken.text).toContain('content/thoi-su/a01.md:3');
    expect(broken.text).toContain('<h1 class="article-title">Tỉnh tổng kết công tác thi đua năm 2023</h1>');
    await saved(() => edit('content/thoi-su/a01.md', (t) => t.replace('author: "Thu Hoài', 'author: Thu Hoài')));
    const fixed = await get('/thoi-su/tinh-so-ket-cong-tac-thi-dua-nam-2023/');
    expect(fixed.text).not.toContain('Lỗi khi dựng trang');
    expect(fixed.text).toContain('<h1 class="article-title">Tỉnh sơ kết công tác thi đua năm 2023</h1>');
  });

  it('rebuilds everything when the config changes, and loses no change saved during a rebuild', async () => {
    await edit('bantin.config.json', (t) => t.replace('Báo Thử', 'Báo Thử Mới'));
    await Promise.all(['a02', 'a03', 'a04'].map((name) => edit(`content/thoi-su/${name}.md`, (t) => t.replace('Nội dung bài', 'Bản sửa của bài'))));
    await eventually('/', (p) => p.text.includes('<title>Báo Thử Mới</title>'));
    for (const url of ['/thoi-su/ky-hop-thu-15-hoi-dong-nhan-dan-tinh-khai-mac/', '/thoi-su/phong-chong-bao-so-3-di-doi-hon-2-000-ho-dan/', '/thoi-su/duong-tinh-512-thong-xe-sau-18-thang-thi-cong/']) {
      await eventually(url, (p) => p.text.includes('Bản sửa của bài'));
    }
  });

  it('never serves a file outside the site', async () => {
    await writeFile(path.join(site, 'bi-mat.txt'), 'bí mật');
    for (const probe of ['/../bi-mat.txt', '/%2e%2e/bi-mat.txt', '/%252e%252e/bi-mat.txt', '/..%5cbi-mat.txt']) {
      const page = await get(probe).catch(() => ({ status: 400, text: '' }));
      expect(page.status).toBeGreaterThanOrEqual(400);
      expect(page.text).not.toContain('bí mật');
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    const exit = new Promise<number | null>((resolve) => dev.once('exit', (code) => resolve(code)));
    dev.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
