import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTemplateEngine } from '../../src/render/engine.js';
import { UI_STRINGS } from '../../src/vi/strings.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The strings the search page uses, as the lead adds them to src/vi/strings.ts. */
const SEARCH_STRINGS = {
  search: 'Tìm kiếm',
  searchPlaceholder: 'Nhập từ khóa…',
  searchNoResults: 'Không tìm thấy bài viết nào phù hợp với',
  searchResultsFor: 'Kết quả tìm kiếm cho',
  searchMore: 'Xem thêm kết quả',
  searchCount: 'bài viết',
  searchLoading: 'Đang tìm…',
  searchError: 'Không tải được dữ liệu tìm kiếm. Vui lòng thử lại sau.',
  searchNoScript: 'Trang tìm kiếm cần JavaScript. Bạn vẫn có thể xem tin theo chuyên mục hoặc theo ngày.',
};

function renderSearchPage(): string {
  const site = {
    title: 'Báo "Bản" Tin', description: '', lang: 'vi', homeHref: '/bao/', archiveHref: '/bao/luu-tru/', stylesheetHref: '/bao/assets/bantin.css', faviconHref: '/bao/assets/favicon.svg',
    nav: [], years: [], calendarHref: '/bao/lich.json', dayHrefPattern: '/bao/{yyyy}/{mm}/{dd}/',
    searchScriptHref: '/bao/assets/search.js', searchCssHref: '/bao/assets/search.css', searchIndexHref: '/bao/tim-kiem/chi-muc/',
    t: { ...UI_STRINGS, ...SEARCH_STRINGS },
  };
  const engine = createTemplateEngine([path.join(root, 'templates')], root);
  return engine('search.njk', { site, page: { kind: 'search', title: 'Tìm kiếm', description: '', canonical: '' } });
}

describe('templates/search.njk', () => {
  const html = renderSearchPage();

  it('is a GET form on its own URL that works without JavaScript', () => {
    expect(html).toContain('<form class="search-form" method="get" role="search">');
    expect(html).toContain('<input type="search" id="tim-kiem-q" name="q" placeholder="Nhập từ khóa…"');
    expect(html).toContain(`<noscript><p class="search-status">${SEARCH_STRINGS.searchNoScript}</p></noscript>`);
  });

  it('hands the script its index URL and strings in data attributes, and loads it deferred', () => {
    expect(html).toContain('data-index="/bao/tim-kiem/chi-muc/"');
    expect(html).toContain('data-results-for="Kết quả tìm kiếm cho"');
    expect(html).toContain('data-no-results="Không tìm thấy bài viết nào phù hợp với"');
    expect(html).toContain('data-count="bài viết"');
    expect(html).toContain('<button type="button" class="search-more" hidden>Xem thêm kết quả</button>');
    expect(html).toContain('<script src="/bao/assets/search.js" defer></script>');
  });

  it('has a live status line and an empty list for the results', () => {
    expect(html).toContain('<p class="search-status" role="status" aria-live="polite"></p>');
    expect(html).toContain('<ol class="article-list search-results"></ol>');
  });
});
