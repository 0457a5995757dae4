// What the content folder holds: very large and very many articles, deep folders, names with
// spaces and Vietnamese letters, editor leftovers, and symbolic links (never followed).
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/source/index.js';
import { buildSite } from '../helpers/site.js';
import {
  LINK_HINT, allText, articleText, buildFiles, err, expectBuilt, expectInsideOutput, expectRejected, scratchFolder, siteWith, snapshot, warn,
} from './bad-input-helpers.js';

const tmp = await scratchFolder('files');

describe('size and number of articles', () => {
  it('a 20 MB article builds in a few seconds', async () => {
    const paragraph = `${'Đây là một đoạn văn bản tiếng Việt dài để kiểm tra hiệu năng. '.repeat(20)}\n\n`;
    const body = paragraph.repeat(Math.ceil(20_000_000 / Buffer.byteLength(paragraph)));
    const started = performance.now();
    const site = await buildFiles(tmp, { 'lon.md': articleText({ title: 'Bài rất dài' }, body) });
    const seconds = (performance.now() - started) / 1000;
    expectBuilt(site, 1);
    expect(site.result.parsed[0]!.body).toHaveLength(body.length);
    expect(Buffer.byteLength(site.page('/thoi-su/bai-rat-dai/'))).toBeGreaterThan(20_000_000);
    expect(seconds).toBeLessThan(10);
  });

  it('5,000 articles in one folder build, every one on its page and in its category', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) {
      const date = new Date(Date.UTC(2020, 0, 1) + i * 7 * 3_600_000).toISOString().replace('.000Z', 'Z');
      files[`bai-${String(i).padStart(4, '0')}.md`] = articleText({ title: `Bài số ${i}`, date }, `Bài ${i}.\n`);
    }
    const started = performance.now();
    const site = await buildSite(await siteWith(tmp, files), { baseUrl: 'https://baotinh.vn' });
    expectBuilt(site, 5000);
    expect((performance.now() - started) / 1000).toBeLessThan(20);
    const paths = new Set(site.writer.paths());
    expect([0, 2500, 4999].map((i) => paths.has(`thoi-su/bai-so-${i}/index.html`))).toEqual([true, true, true]);
    expect([...paths].filter((p) => /^thoi-su\/bai-so-\d+\/index\.html$/.test(p))).toHaveLength(5000);
    expect([paths.has('thoi-su/trang/250/index.html'), paths.has('thoi-su/trang/251/index.html')]).toEqual([true, false]);
  });

  it('an article 12 folders deep builds; folders do not change its URL', async () => {
    const deep = Array.from({ length: 12 }, (_, i) => `muc-${i + 1}`).join('/');
    const site = await buildFiles(tmp, { [`${deep}/sau.md`]: articleText({ title: 'Bài sâu' }) });
    expectBuilt(site, 1);
    expect(site.result.parsed[0]!.source.contentPath).toBe(`${deep}/sau.md`);
    expect(site.page('/thoi-su/bai-sau/')).toContain('<h1 class="article-title">Bài sâu</h1>');
  });
});

describe('file names', () => {
  it('spaces and Vietnamese letters, NFC or NFD, give NFC content paths and NFC names in messages', async () => {
    const site = await buildFiles(tmp, {
      'Thời sự/bài có dấu cách.md': articleText({ title: 'Bài NFC' }),
      ['Kinh tế/giá lúa tăng.md'.normalize('NFD')]: articleText({ title: 'Bài NFD' }),
      ['Kinh tế/ngày sai.md'.normalize('NFD')]: articleText({ title: 'Bài hỏng', date: '31/02/2024' }),
    });
    expect(site.result.parsed.map((a) => [a.source.contentPath, a.source.displayPath])).toEqual([
      ['Kinh tế/giá lúa tăng.md', 'content/Kinh tế/giá lúa tăng.md'],
      ['Thời sự/bài có dấu cách.md', 'content/Thời sự/bài có dấu cách.md'],
    ]);
    expect(site.result.parsed.every((a) => a.source.contentPath === a.source.contentPath.normalize('NFC'))).toBe(true);
    expect(site.result.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual(['content/Kinh tế/ngày sai.md:4']);
  });

  it('two files whose names differ only in Unicode form are an error (one file on macOS and Windows)', async () => {
    const site = await buildFiles(tmp, { 'tin mới.md': articleText({ title: 'Bài một' }), ['tin mới.md'.normalize('NFD')]: articleText({ title: 'Bài hai' }) });
    expectRejected(site, [
      err('content/tin mới.md', undefined, undefined, 'two files have this name, written in different Unicode forms (composed and decomposed letters)',
        'Rename or remove one of them: macOS and Windows see the two names as one file.'),
    ]);
  });

  it('hidden files, editor backups, swap and lock files are neither read nor copied', async () => {
    const junk = '---js\nthrow new Error("đọc nhầm")\n---\n';
    const site = await buildFiles(tmp, {
      'a.md': articleText(), '.#a.md': junk, 'a.md~': junk, '.a.md.swp': junk, '#a.md#': junk, 'a.md.swo': junk,
      '.an/b.md': junk, '_nhap/c.md': junk, '_d.md': junk, 'node_modules/x/README.md': junk, 'anh/.DS_Store': junk, 'anh/a.jpg.tmp': junk,
    });
    expectBuilt(site, 1);
    expect(site.writer.paths().filter((p) => /a\.md|\.swp|\.swo|#|DS_Store|\.tmp|_nhap|node_modules/.test(p))).toEqual([]);
  });
});

describe('symbolic links under content/', () => {
  async function linkedSite() {
    const outside = path.join(tmp, `ngoai-${Date.now()}`);
    await mkdir(path.join(outside, 'thu-muc'), { recursive: true });
    await writeFile(path.join(outside, 'bi-mat.md'), articleText({ title: 'Bí mật bên ngoài' }));
    await writeFile(path.join(outside, 'bi-mat.txt'), 'MẬT KHẨU');
    await writeFile(path.join(outside, 'thu-muc', 'trong.md'), articleText({ title: 'Bài trong thư mục ngoài' }));
    await writeFile(path.join(outside, 'thu-muc', 'anh.jpg'), 'ẢNH NGOÀI');
    const root = await siteWith(tmp, { 'that.md': articleText({ title: 'Bài thật' }) });
    const content = path.join(root, 'content');
    await mkdir(path.join(content, 'lien-ket'));
    await symlink(path.join(content, 'that.md'), path.join(content, 'lien-ket', 'ban-sao.md'));
    await symlink(path.join(outside, 'bi-mat.md'), path.join(content, 'bi-mat.md'));
    await symlink(path.join(outside, 'bi-mat.txt'), path.join(content, 'bi-mat.txt'));
    await symlink(path.join(outside, 'thu-muc'), path.join(content, 'thu-muc'));
    await symlink(path.join(outside, 'thu-muc'), path.join(content, 'thu-muc.md'));
    await symlink(path.join(outside, 'khong-co.md'), path.join(content, 'gay.md'));
    return root;
  }

  it('are never followed: links named like articles are reported and left out; other links are skipped', async () => {
    const root = await linkedSite();
    const before = await snapshot(root);
    const site = await buildSite(root, { baseUrl: 'https://baotinh.vn' });
    const message = 'the file is a symbolic link, which bantin does not follow: it was left out';
    expectBuilt(site, 1, ['content/bi-mat.md', 'content/gay.md', 'content/lien-ket/ban-sao.md', 'content/thu-muc.md'].map((file) => warn(file, message, LINK_HINT)));
    expect(site.result.parsed.map((a) => a.source.contentPath)).toEqual(['that.md']);
    const text = allText(site);
    expect(['Bí mật bên ngoài', 'MẬT KHẨU', 'Bài trong thư mục ngoài', 'ẢNH NGOÀI'].filter((secret) => text.includes(secret))).toEqual([]);
    expect(site.writer.paths().filter((p) => /bi-mat|thu-muc|lien-ket|gay/.test(p))).toEqual([]);
    expectInsideOutput(site.writer.paths());
    expect(await snapshot(root)).toEqual(before);
  });

  it('a path through a linked folder (as a file watcher may report it) is left out, not read', async () => {
    const root = await linkedSite();
    const source = { absolutePath: path.join(root, 'content', 'thu-muc', 'trong.md'), contentPath: 'thu-muc/trong.md', displayPath: 'content/thu-muc/trong.md' };
    expect(await loadArticles([source], 'Asia/Ho_Chi_Minh')).toEqual({
      articles: [],
      diagnostics: [warn('content/thu-muc/trong.md', 'the file is outside the content folder (reached through a symbolic link): it was left out', LINK_HINT)],
    });
  });

  it('a file that cannot be read is an error naming it, not a crash', async () => {
    const root = await siteWith(tmp, { 'thu-muc.md/a.txt': 'x' });
    const source = { absolutePath: path.join(root, 'content', 'thu-muc.md'), contentPath: 'thu-muc.md', displayPath: 'content/thu-muc.md' };
    expect(await loadArticles([source], 'Asia/Ho_Chi_Minh')).toEqual({
      articles: [],
      diagnostics: [err('content/thu-muc.md', undefined, undefined, 'the file cannot be read (EISDIR)', 'Check that it is a file and that you may read it.')],
    });
  });
});
