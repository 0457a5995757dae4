// A warm build (from the build cache) leaves the output byte for byte as a cold build of the same
// files would, writes only the files whose bytes changed, and never trusts a cache it cannot use.
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { cachedBuild, type CachedBuildResult } from '../../src/cache/index.js';
import { cacheFiles } from '../../src/cache/state.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { StagedWriter } from '../../src/write/staged-writer.js';
import { repoRoot } from '../helpers/site.js';
import { snapshot } from '../helpers/snapshot.js';

const NOW = '2026-01-01T00:00:00+07:00';
let site = '';

function configOf(root: string, now = NOW) {
  return resolveConfig({ root, now }, { title: 'Báo Tỉnh', baseUrl: 'https://baotinh.example.vn' }, null);
}

async function cached(now = NOW): Promise<CachedBuildResult> {
  const { config, diagnostics } = configOf(site, now);
  return cachedBuild(config, diagnostics, {}, {});
}

/** The output a cold build of the site's current files gives (the image cache is shared: it is keyed by bytes). */
async function coldOutput(now = NOW): Promise<Map<string, string>> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'bantin-cold-'));
  for (const name of await readdir(site)) if (name !== 'dist' && name !== '.bantin-cache') await cp(path.join(site, name), path.join(copy, name), { recursive: true });
  await cp(path.join(site, '.bantin-cache', 'images'), path.join(copy, '.bantin-cache', 'images'), { recursive: true }).catch(() => undefined);
  const { config, diagnostics } = configOf(copy, now);
  const result = await build(config, await StagedWriter.open(config.outDir), diagnostics);
  expect(result.ok).toBe(true);
  const files = await snapshot(config.outDir);
  await rm(copy, { recursive: true, force: true });
  return files;
}

/** Runs a warm build after `change` and checks it against a cold build; returns what it did. */
async function warmAfter(change: () => Promise<void>): Promise<CachedBuildResult> {
  await change();
  const outcome = await cached();
  expect(outcome.mode).toBe('warm');
  expect(outcome.result.ok).toBe(true);
  expect(await snapshot(path.join(site, 'dist'))).toEqual(await coldOutput());
  return outcome;
}

const file = (relative: string) => path.join(site, 'content', relative);
const ARTICLE = 'thoi-su/2024/canh-giac-thu-doan-gia-danh-cong-an-goi-dien-lua-dao-nguoi-cao-tuoi.md';
const ARTICLE_PAGE = 'thoi-su/canh-giac-thu-doan-gia-danh-cong-an-goi-dien-lua-dao-nguoi-cao-tuoi/index.html';

beforeAll(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'bantin-warm-'));
  await cp(path.join(repoRoot, 'content'), path.join(site, 'content'), { recursive: true });
  await mkdir(path.join(site, 'static'));
  await writeFile(path.join(site, 'static', 'ghi-chu.txt'), 'một\n');
  const first = await cached();
  expect(first.mode).toBe('cold');
  expect(first.result.ok).toBe(true);
}, 60_000);

afterAll(() => rm(site, { recursive: true, force: true }));

describe('a warm build', () => {
  it('finds nothing to do when nothing changed, and writes nothing', async () => {
    const before = await stat(path.join(site, 'dist', 'index.html'));
    const outcome = await cached();
    expect(outcome.mode).toBe('warm');
    expect(outcome.mode === 'warm' && outcome.result.changedSources).toBe(0);
    expect((await stat(path.join(site, 'dist', 'index.html'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('after a text edit equals a cold build and leaves every other file untouched', async () => {
    const dist = path.join(site, 'dist');
    const times = new Map<string, number>();
    for (const name of (await snapshot(dist)).keys()) times.set(name, (await stat(path.join(dist, name))).mtimeMs);
    const outcome = await warmAfter(async () => {
      await writeFile(file(ARTICLE), `${await readFile(file(ARTICLE), 'utf8')}\nĐoạn bổ sung về thủ đoạn mới.\n`);
    });
    const touched: string[] = [];
    for (const [name, mtime] of times) if ((await stat(path.join(dist, name))).mtimeMs !== mtime) touched.push(name);
    expect(touched).toContain(ARTICLE_PAGE);
    expect(touched.length).toBeLessThan(12);
    expect(outcome.mode === 'warm' && outcome.result.filesWritten).toBe(touched.length);
    expect(await readFile(path.join(dist, ARTICLE_PAGE), 'utf8')).toContain('Đoạn bổ sung về thủ đoạn mới.');
  });

  it('after a move to another category equals a cold build', async () => {
    await warmAfter(async () => {
      await writeFile(file(ARTICLE), (await readFile(file(ARTICLE), 'utf8')).replace('category: Thời sự', 'category: Xã hội'));
    });
  });

  it('after an article is deleted equals a cold build', async () => {
    const [victim] = (await readdir(file('kinh-te/2023'))).filter((n) => n.endsWith('.md'));
    await warmAfter(() => rm(file(`kinh-te/2023/${victim}`)));
  });

  it('after a new article, newest or dated in the past, equals a cold build', async () => {
    const text = (title: string, date: string) => `---\ntitle: ${title}\nauthor: Thu Hoài\ndate: ${date}\ncategory: Giáo dục\n---\nNội dung bài viết về ${title.toLowerCase()}.\n`;
    await warmAfter(() => writeFile(file('giao-duc/2025/bai-moi-nhat.md'), text('Bài mới nhất', '2025-12-31 23:30')));
    await warmAfter(() => writeFile(file('giao-duc/2022/bai-dang-bu.md'), text('Bài đăng bù', '2022-03-01 06:15')));
  });

  it('after a static file changes or goes, equals a cold build', async () => {
    await warmAfter(() => writeFile(path.join(site, 'static', 'ghi-chu.txt'), 'hai\n'));
    await warmAfter(() => rm(path.join(site, 'static', 'ghi-chu.txt')));
  });

  it('publishes an article whose time has come since the last build', async () => {
    await writeFile(file('giao-duc/2025/bai-hen-gio.md'), '---\ntitle: Bài hẹn giờ\nauthor: A\ndate: 2026-06-01 08:00\ncategory: Giáo dục\n---\nHẹn giờ.\n');
    expect((await cached()).mode).toBe('warm');
    const later = '2026-07-01T00:00:00+07:00';
    const outcome = await cached(later);
    expect(outcome.mode).toBe('warm');
    expect(await snapshot(path.join(site, 'dist'))).toEqual(await coldOutput(later));
    expect(await readFile(path.join(site, 'dist', 'giao-duc', 'bai-hen-gio', 'index.html'), 'utf8')).toContain('Bài hẹn giờ');
    // back to the usual "now": earlier than the cache's, so the cache is not used
    const back = await cached();
    expect(back.mode === 'cold' && back.reason).toContain('earlier');
    await rm(file('giao-duc/2025/bai-hen-gio.md'));
    expect((await cached()).mode).toBe('warm');
  });

  it('with an error changes nothing, and the cache still serves the next build', async () => {
    const before = await snapshot(path.join(site, 'dist'));
    const good = await readFile(file(ARTICLE), 'utf8');
    await writeFile(file(ARTICLE), good.replace(/date: .*/, 'date: hôm qua'));
    const failed = await cached();
    expect(failed.mode).toBe('warm');
    expect(failed.result.ok).toBe(false);
    expect(await snapshot(path.join(site, 'dist'))).toEqual(before);
    await writeFile(file(ARTICLE), good);
    const next = await cached();
    expect(next.mode).toBe('warm');
    expect(await snapshot(path.join(site, 'dist'))).toEqual(await coldOutput());
  });
});

describe('a cache that cannot be used', () => {
  it('after a template change: a cold build, equal to one without a cache', async () => {
    await mkdir(path.join(site, 'templates'), { recursive: true });
    const base = await readFile(path.join(repoRoot, 'templates', 'base.njk'), 'utf8');
    await writeFile(path.join(site, 'templates', 'base.njk'), base.replace('</footer>', '<p>Chân trang mới</p></footer>'));
    const outcome = await cached();
    expect(outcome.mode === 'cold' && outcome.reason).toContain('templates changed');
    expect(await snapshot(path.join(site, 'dist'))).toEqual(await coldOutput());
    expect((await cached()).mode).toBe('warm');
  });

  it('is discarded with a reason when damaged, of another format, or the output folder is gone', async () => {
    const { state } = cacheFiles(path.join(site, '.bantin-cache'));
    const bytes = await readFile(state);
    await writeFile(state, bytes.subarray(0, bytes.length >> 1));
    const damaged = await cached();
    expect(damaged.mode === 'cold' && damaged.reason).toBe('the build cache is damaged');

    await writeFile(state, Buffer.from('không phải bộ nhớ đệm'));
    expect((await cached()).mode).toBe('cold');

    await rm(path.join(site, 'dist'), { recursive: true });
    const gone = await cached();
    expect(gone.mode === 'cold' && gone.reason).toContain('output folder');
    expect(await snapshot(path.join(site, 'dist'))).toEqual(await coldOutput());
  });
});
