import { describe, expect, it } from 'vitest';
import { buildSite, fixturePath, hrefsIn, textOf } from '../helpers/site.js';

const PROFILES = { 'Thu Hoài': { bio: 'Phóng viên ban Thời sự, theo dõi thi đua, khen thưởng.', photo: '/anh/thu-hoai.jpg' } };
const site = await buildSite(fixturePath('tags-authors'), {}, { perPage: 2, authors: PROFILES });

const main = (html: string) => /<main[\s\S]*?<\/main>/.exec(html)![0];
const cardLinks = (html: string) => [...html.matchAll(/<h2 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]);
const gridItems = (html: string) => [...html.matchAll(/<li><a href="([^"]+)">(.*?) <span class="count">(\d+) bài<\/span><\/a><\/li>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);

describe('tag and author pages of a fixture site', () => {
  it('builds, warning only about the tag that gives no slug', () => {
    expect(site.result.ok).toBe(true);
    expect(site.result.diagnostics.map((d) => `${d.severity} ${d.file ?? ''}: ${d.message}`)).toEqual([
      'warning content/thoi-su/so-ket.md: tag "!!!" gives an empty URL slug: it is shown without a page of its own',
      "warning : no RSS feeds or sitemaps: they need the site's absolute address",
    ]);
  });

  it('writes a page per tag and author, paginated, and both indexes', () => {
    expect(site.writer.paths().filter((p) => p.startsWith('tu-khoa/') || p.startsWith('tac-gia/'))).toEqual([
      'tac-gia/index.html',
      'tac-gia/le-thanh/index.html',
      'tac-gia/ngoc-anh/index.html',
      'tac-gia/thu-hoai/index.html',
      'tac-gia/thu-hoai/trang/2/index.html',
      'tu-khoa/am-thuc/index.html',
      'tu-khoa/an-sinh/index.html',
      'tu-khoa/dong-son/index.html',
      'tu-khoa/index.html',
      'tu-khoa/khen-thuong/index.html',
      'tu-khoa/thi-dua/index.html',
      'tu-khoa/thi-dua/trang/2/index.html',
    ]);
  });

  it('links each tag and author of an article to its page, under the shown spelling', () => {
    const html = site.page('/thoi-su/phat-dong-phong-trao-thi-dua-o-dong-son/');
    expect(html).toContain('<p class="article-author"><span class="visually-hidden">Tác giả: </span><a href="/tac-gia/thu-hoai/">Thu Hoài</a>, <a href="/tac-gia/ngoc-anh/">Ngọc Anh</a></p>');
    // the article writes "Thi đua"; three others write "thi đua", the spelling shown
    expect(html).toContain('<a class="tag" href="/tu-khoa/thi-dua/">thi đua</a><a class="tag" href="/tu-khoa/dong-son/">Đông Sơn</a>');
    expect(textOf(html, /<p class="article-tags">([\s\S]*?)<\/p>/)).toBe('Từ khóa: thi đuaĐông Sơn');
  });

  it('shows a tag without a page as plain text', () => {
    const html = site.page('/thoi-su/so-ket-thi-dua-quy-i/');
    expect(html).toContain('<a class="tag" href="/tu-khoa/thi-dua/">thi đua</a><span class="tag">!!!</span>');
  });

  it('lists every tag with its count in Vietnamese order', () => {
    const html = site.page('/tu-khoa/');
    expect(textOf(html, /<title>([\s\S]*?)<\/title>/)).toBe('Từ khóa - Bản tin');
    expect(gridItems(main(html))).toEqual([
      '/tu-khoa/an-sinh/ an sinh 1',
      '/tu-khoa/am-thuc/ ẩm thực 1',
      '/tu-khoa/dong-son/ Đông Sơn 2',
      '/tu-khoa/khen-thuong/ khen thưởng 1',
      '/tu-khoa/thi-dua/ thi đua 4',
    ]);
  });

  it('paginates a tag with more articles than perPage, newest first', () => {
    const first = site.page('/tu-khoa/thi-dua/');
    expect(textOf(first, /<title>([\s\S]*?)<\/title>/)).toBe('Từ khóa: thi đua - Bản tin');
    expect(textOf(first, /<h1 class="page-title">([\s\S]*?)<\/h1>/)).toBe('thi đua (4 bài)');
    expect(hrefsIn(/<p class="breadcrumb">.*<\/p>/.exec(first)![0])).toEqual(['/', '/tu-khoa/']);
    expect(cardLinks(first)).toEqual(['/thoi-su/so-ket-thi-dua-quy-i/', '/thoi-su/thi-dua-cham-lo-an-sinh-xa-hoi/']);
    expect(first).toContain('<link rel="next" href="/tu-khoa/thi-dua/trang/2/">');
    expect(first).toContain('<a class="page-next" rel="next" href="/tu-khoa/thi-dua/trang/2/">Trang sau »</a>');
    const second = site.page('/tu-khoa/thi-dua/trang/2/');
    expect(textOf(second, /<title>([\s\S]*?)<\/title>/)).toBe('Từ khóa: thi đua - Trang 2 - Bản tin');
    expect(textOf(second, /<h1 class="page-title">([\s\S]*?)<\/h1>/)).toBe('thi đua (4 bài) Trang 2');
    expect(cardLinks(second)).toEqual(['/thoi-su/phat-dong-phong-trao-thi-dua-o-dong-son/', '/thoi-su/tong-ket-cong-tac-thi-dua-nam-2023/']);
    expect(second).toContain('<link rel="prev" href="/tu-khoa/thi-dua/">');
    expect(second).toContain('<span class="current" aria-current="page">2</span>');
    expect(second).not.toContain('rel="next"');
  });

  it('shows articles of several categories on a tag page, with their category', () => {
    const html = site.page('/tu-khoa/dong-son/');
    expect(cardLinks(html)).toEqual(['/van-hoa/am-thuc-dong-son-ngay-tet/', '/thoi-su/phat-dong-phong-trao-thi-dua-o-dong-son/']);
    expect(html).toContain('<a class="meta-category" href="/van-hoa/">Văn hóa</a>');
    expect(html).not.toContain('class="pagination"');
  });

  it('lists every author with a count, a co-authored article counting for each', () => {
    expect(gridItems(main(site.page('/tac-gia/')))).toEqual([
      '/tac-gia/le-thanh/ Lê Thanh 1',
      '/tac-gia/ngoc-anh/ Ngọc Anh 2',
      '/tac-gia/thu-hoai/ Thu Hoài 3',
    ]);
    expect(cardLinks(site.page('/tac-gia/ngoc-anh/'))).toEqual(['/thoi-su/thi-dua-cham-lo-an-sinh-xa-hoi/', '/thoi-su/phat-dong-phong-trao-thi-dua-o-dong-son/']);
  });

  it("shows an author's profile from the config, matched by slug, on each of their pages", () => {
    const html = site.page('/tac-gia/thu-hoai/');
    expect(textOf(html, /<title>([\s\S]*?)<\/title>/)).toBe('Tác giả: Thu Hoài - Bản tin');
    expect(textOf(html, /<h1 class="page-title">([\s\S]*?)<\/h1>/)).toBe('Thu Hoài (3 bài)');
    expect(html).toContain('<img class="author-photo" src="/anh/thu-hoai.jpg" alt="Thu Hoài" width="120">');
    expect(textOf(html, /<p class="author-bio">([\s\S]*?)<\/p>/)).toBe('Phóng viên ban Thời sự, theo dõi thi đua, khen thưởng.');
    expect(cardLinks(html)).toEqual(['/thoi-su/so-ket-thi-dua-quy-i/', '/thoi-su/phat-dong-phong-trao-thi-dua-o-dong-son/']);
    expect(site.page('/tac-gia/thu-hoai/trang/2/')).toContain('<p class="author-bio">');
    expect(site.page('/tac-gia/ngoc-anh/')).not.toContain('author-profile');
  });
});

describe('author profiles under a base path', async () => {
  const based = await buildSite(fixturePath('tags-authors'), { baseUrl: 'https://example.vn/bao' }, { authors: { 'thu hoài': { photo: 'anh/thu-hoai.jpg' } } });

  it('prefix links and the photo with the base path, and show the configured spelling', () => {
    const html = based.page('/tac-gia/thu-hoai/');
    expect(html).toContain('<img class="author-photo" src="/bao/anh/thu-hoai.jpg" alt="thu hoài" width="120">');
    expect(html).not.toContain('author-bio');
    expect(based.page('/thoi-su/tong-ket-cong-tac-thi-dua-nam-2023/')).toContain('<a href="/bao/tac-gia/thu-hoai/">thu hoài</a>');
    expect(based.writer.text('sitemap.xml')).toContain('<loc>https://example.vn/bao/tu-khoa/thi-dua/</loc>');
  });
});
