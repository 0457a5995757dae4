import { describe, expect, it } from 'vitest';
import { buildSite, fixturePath, hrefsIn, textOf } from '../helpers/site.js';

const root = fixturePath('portal');
const site = await buildSite(root, {}, { title: 'Báo Thử Nghiệm', perPage: 3 });

describe('portal fixture built into memory', () => {
  it('succeeds with one warning for the two spellings of Thời sự', () => {
    expect(site.result.ok).toBe(true);
    expect(site.result.articles).toBe(12);
    expect(site.result.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      'warning: category "Thời sự" is spelled 2 ways: "Thời sự" (7), "Thời Sự" (1)',
      "warning: no RSS feeds or sitemaps: they need the site's absolute address",
    ]);
  });

  it('writes exactly the expected files', () => {
    expect(site.writer.paths()).toMatchInlineSnapshot(`
      [
        "2023/12/31/index.html",
        "2023/12/index.html",
        "2023/index.html",
        "2024/01/05/index.html",
        "2024/01/06/index.html",
        "2024/01/07/index.html",
        "2024/01/08/index.html",
        "2024/01/09/index.html",
        "2024/01/10/index.html",
        "2024/01/11/index.html",
        "2024/01/index.html",
        "2024/index.html",
        "404.html",
        "_anh/tong-ket-597e50266be3-1280.jpg",
        "_anh/tong-ket-597e50266be3-1280.webp",
        "_anh/tong-ket-597e50266be3-480.jpg",
        "_anh/tong-ket-597e50266be3-480.webp",
        "_anh/tong-ket-597e50266be3-960.jpg",
        "_anh/tong-ket-597e50266be3-960.webp",
        "_anh/tong-ket-597e50266be3-og1200.jpg",
        "anh/tong-ket.jpg",
        "assets/bantin.css",
        "assets/favicon.svg",
        "assets/search.css",
        "assets/search.js",
        "index.html",
        "kinh-te/gia-lua-tang-nong-dan-phan-khoi/index.html",
        "kinh-te/index.html",
        "kinh-te/san-pham-ocop-dat-chuan-4-sao/index.html",
        "lich.json",
        "luu-tru/index.html",
        "robots.txt",
        "tac-gia/bao-ngoc/index.html",
        "tac-gia/hoang-long/index.html",
        "tac-gia/index.html",
        "tac-gia/le-thanh/index.html",
        "tac-gia/minh-duc/index.html",
        "tac-gia/ngoc-anh/index.html",
        "tac-gia/phuong-thao/index.html",
        "tac-gia/thu-hoai/index.html",
        "tac-gia/tran-quang/index.html",
        "thoi-su/an-toan-giao-thong-dip-tet-nguyen-dan/index.html",
        "thoi-su/bau-cu-bo-sung-dai-bieu-tai-huyen-dong-son/index.html",
        "thoi-su/cai-cach-hanh-chinh-giam-mot-nua-thoi-gian-giai-quyet-ho-so/index.html",
        "thoi-su/chuyen-doi-so-cap-xa-100-thu-tuc-truc-tuyen/index.html",
        "thoi-su/duong-tinh-512-thong-xe-sau-18-thang-thi-cong/index.html",
        "thoi-su/index.html",
        "thoi-su/ky-hop-thu-15-hoi-dong-nhan-dan-tinh-khai-mac/index.html",
        "thoi-su/phong-chong-bao-so-3-di-doi-hon-2-000-ho-dan/index.html",
        "thoi-su/tinh-tong-ket-cong-tac-thi-dua-nam-2023/index.html",
        "thoi-su/trang/2/index.html",
        "thoi-su/trang/3/index.html",
        "tim-kiem/chi-muc/d/0/0.json",
        "tim-kiem/chi-muc/d/0/1.json",
        "tim-kiem/chi-muc/d/0/10.json",
        "tim-kiem/chi-muc/d/0/11.json",
        "tim-kiem/chi-muc/d/0/2.json",
        "tim-kiem/chi-muc/d/0/3.json",
        "tim-kiem/chi-muc/d/0/4.json",
        "tim-kiem/chi-muc/d/0/5.json",
        "tim-kiem/chi-muc/d/0/6.json",
        "tim-kiem/chi-muc/d/0/7.json",
        "tim-kiem/chi-muc/d/0/8.json",
        "tim-kiem/chi-muc/d/0/9.json",
        "tim-kiem/chi-muc/meta.json",
        "tim-kiem/chi-muc/t/0.txt",
        "tim-kiem/index.html",
        "van-hoa/dem-tho-nguyen-tieu/index.html",
        "van-hoa/index.html",
        "van-hoa/le-hoi-den-dong-co-khai-hoi/index.html",
      ]
    `);
  });

  it('leaves out the draft and the article dated after now', () => {
    expect(site.writer.paths().some((p) => p.includes('nhap') || p.includes('hen-gio'))).toBe(false);
    const withBoth = buildSite(root, { drafts: true, future: true });
    return withBoth.then((s) => {
      expect(s.page('/van-hoa/bai-nhap-ve-le-hoi/')).toContain('Bài nháp về lễ hội');
      expect(s.page('/van-hoa/bai-hen-gio-dang-nam-2030/')).toContain('Thứ Ba, 01/01/2030 08:00');
    });
  });

  it('renders an article page with its date in the site zone, sapo, author, body and day link', () => {
    const html = site.page('/thoi-su/chuyen-doi-so-cap-xa-100-thu-tuc-truc-tuyen/');
    expect(textOf(html, /<h1 class="article-title">([\s\S]*?)<\/h1>/)).toBe('Chuyển đổi số cấp xã: 100% thủ tục trực tuyến');
    // 2024-01-10T01:30:00Z is 08:30 in Hà Nội
    expect(html).toContain('<time datetime="2024-01-10T08:30:00+07:00">Thứ Tư, 10/01/2024 08:30</time>');
    expect(textOf(html, /<p class="article-sapo">([\s\S]*?)<\/p>/)).toBe('Tóm tắt bài 7 về chuyển đổi số cấp xã: 100% thủ tục trực tuyến.');
    expect(textOf(html, /<p class="article-author">([\s\S]*?)<\/p>/)).toBe('Tác giả: Trần Quang');
    expect(html).toContain('<h2>Chi tiết</h2>');
    expect(html).toContain('<a href="/2024/01/10/">Tất cả tin ngày Thứ Tư, 10/01/2024</a>');
    expect(html).toContain('<html lang="vi">');
  });

  it('shows the lead image from front-matter', () => {
    const figure = /<figure class="article-image">[\s\S]*?<\/figure>/.exec(site.page('/thoi-su/tinh-tong-ket-cong-tac-thi-dua-nam-2023/'))![0];
    // a 1280×720 photo: WebP and JPEG at 480, 960 and its own width, eager as the lead image, no layout shift
    expect(figure).toContain('<source type="image/webp" srcset="/_anh/tong-ket-597e50266be3-480.webp 480w, /_anh/tong-ket-597e50266be3-960.webp 960w, /_anh/tong-ket-597e50266be3-1280.webp 1280w"');
    expect(figure).toContain('<img src="/_anh/tong-ket-597e50266be3-1280.jpg" srcset="/_anh/tong-ket-597e50266be3-480.jpg 480w, /_anh/tong-ket-597e50266be3-960.jpg 960w, /_anh/tong-ket-597e50266be3-1280.jpg 1280w"');
    expect(figure).toContain('width="1280" height="720" alt="" loading="eager" fetchpriority="high" decoding="async"');
  });

  it('turns NFD titles into NFC text and the same slug', () => {
    const html = site.page('/thoi-su/duong-tinh-512-thong-xe-sau-18-thang-thi-cong/');
    expect(html).toContain('Đường tỉnh 512 thông xe sau 18 tháng thi công'.normalize('NFC'));
    expect(html.includes('Đường'.normalize('NFD'))).toBe(false);
  });

  it('lists the 10 nearest articles of the same category, newest first, with portal-style dates', () => {
    const html = site.page('/thoi-su/tinh-tong-ket-cong-tac-thi-dua-nam-2023/');
    const related = /<aside class="related"[\s\S]*?<\/aside>/.exec(html)![0];
    expect(hrefsIn(related)).toEqual([
      '/thoi-su/an-toan-giao-thong-dip-tet-nguyen-dan/',
      '/thoi-su/chuyen-doi-so-cap-xa-100-thu-tuc-truc-tuyen/',
      '/thoi-su/bau-cu-bo-sung-dai-bieu-tai-huyen-dong-son/',
      '/thoi-su/cai-cach-hanh-chinh-giam-mot-nua-thoi-gian-giai-quyet-ho-so/',
      '/thoi-su/duong-tinh-512-thong-xe-sau-18-thang-thi-cong/',
      '/thoi-su/phong-chong-bao-so-3-di-doi-hon-2-000-ho-dan/',
      '/thoi-su/ky-hop-thu-15-hoi-dong-nhan-dan-tinh-khai-mac/',
    ]);
    expect(related).toContain('<time datetime="2024-01-11T19:45:00+07:00">11.01.2024 | 19:45</time>');
  });

  it('paginates categories newest first with numbered links and prev/next', () => {
    const first = site.page('/thoi-su/');
    expect(textOf(first, /<h1 class="page-title">([\s\S]*?)<\/h1>/)).toBe('Thời sự');
    const titles = [...first.matchAll(/<h2 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]);
    expect(titles).toEqual([
      '/thoi-su/an-toan-giao-thong-dip-tet-nguyen-dan/',
      '/thoi-su/chuyen-doi-so-cap-xa-100-thu-tuc-truc-tuyen/',
      '/thoi-su/bau-cu-bo-sung-dai-bieu-tai-huyen-dong-son/',
    ]);
    expect(first).toContain('<link rel="next" href="/thoi-su/trang/2/">');
    const second = site.page('/thoi-su/trang/2/');
    expect(second).toContain('<link rel="prev" href="/thoi-su/">');
    expect(second).toContain('<link rel="next" href="/thoi-su/trang/3/">');
    expect(second).toContain('<span class="current" aria-current="page">2</span>');
    expect(textOf(second, /<title>([\s\S]*?)<\/title>/)).toBe('Thời sự - Trang 2 - Báo Thử Nghiệm');
    const third = site.page('/thoi-su/trang/3/');
    expect([...third.matchAll(/<h2 class="card-title">/g)]).toHaveLength(2);
    expect(third).not.toContain('rel="next"');
  });

  it('puts every published article on exactly one day page, by local day', () => {
    const day = site.page('/2024/01/06/');
    expect(textOf(day, /<h1 class="page-title">([\s\S]*?)<\/h1>/)).toBe('Tất cả tin ngày Thứ Bảy, 06/01/2024');
    expect([...day.matchAll(/<h2 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/kinh-te/gia-lua-tang-nong-dan-phan-khoi/',
      '/van-hoa/le-hoi-den-dong-co-khai-hoi/',
      '/thoi-su/phong-chong-bao-so-3-di-doi-hon-2-000-ho-dan/',
    ]);
    expect(day).toContain('<a rel="next" class="pager-newer" href="/2024/01/07/">Chủ Nhật, 07/01/2024 →</a>');
    expect(day).toContain('<a rel="prev" class="pager-older" href="/2024/01/05/">← Thứ Sáu, 05/01/2024</a>');
  });

  it('draws a month calendar with linked, counted days and a year page with month counts', () => {
    const month = site.page('/2024/01/');
    expect(month).toContain('<td class="has-articles"><a href="/2024/01/06/"><span class="day-number">6</span> <span class="day-count">3 bài</span></a></td>');
    expect(month).toContain('<td class="no-articles"><span class="day-number">1</span></td>');
    expect(textOf(month, /<h1 class="page-title">([\s\S]*?)<\/h1>/)).toBe('Tháng 1/2024 (11 bài)');
    const year = site.page('/2023/');
    expect(year).toContain('<a href="/2023/12/">Tháng 12/2023 <span class="count">1 bài</span></a>');
    expect(year).toContain('<li class="empty-month">Tháng 1/2023</li>');
  });

  it('shows the newest articles and each category on the home page, categories in Vietnamese order', () => {
    const home = site.page('/');
    const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(home)![0];
    expect(hrefsIn(nav)).toEqual(['/', '/kinh-te/', '/thoi-su/', '/van-hoa/']);
    expect(textOf(home, /<h3 class="lead-title">([\s\S]*?)<\/h3>/)).toBe('An toàn giao thông dịp Tết Nguyên đán');
    expect(home).toContain('<h2 id="cm-1" class="section-title"><a href="/kinh-te/">Kinh tế</a></h2>');
    expect(home).toContain('<input type="date" id="chon-ngay" name="ngay">');
    expect(home).toContain('data-range="/lich.json"');
  });

  it('keeps the archive date range in one small file, so pages need not change every day', () => {
    expect(JSON.parse(site.writer.text('lich.json')!)).toEqual({ firstDay: '2023-12-31', lastDay: '2024-01-11' });
  });
});
